package dev.barriersim.report.chart;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Colours of a heat strip in {@link #LEVELS} steps from light to dark blue (idle is white): a few
 * distinct shades read better than a gradient, and equal neighbours merge into one cell.
 */
final class BusyPaintScale implements PaintScale {
  /** Shades of busy. */
  static final int LEVELS = 8;
  private static final Color LOW = new Color(0xde, 0xeb, 0xf7);
  private static final Color HIGH = new Color(0x08, 0x30, 0x6b);

  private final double upper;

  BusyPaintScale(double upper) {
    this.upper = Math.max(1e-9, upper);
  }

  /** 0 for idle, else 1..LEVELS: the share of {@code upper} rounded up to the next level. */
  int level(double value) {
    if (!(value > 1e-9)) return 0;
    return (int) Math.max(1, Math.min(LEVELS, Math.ceil(value / upper * LEVELS - 1e-9)));
  }

  /** The value a cell of {@code level} is drawn with (the top of its step). */
  double valueOf(int level) {
    return upper * level / LEVELS;
  }

  @Override
  public double getLowerBound() {
    return 0;
  }

  @Override
  public double getUpperBound() {
    return upper;
  }

  @Override
  public Paint getPaint(double value) {
    int level = level(value);
    if (level == 0) return Color.WHITE;
    double f = (level - 1) / (double) (LEVELS - 1);
    return new Color(mix(LOW.getRed(), HIGH.getRed(), f), mix(LOW.getGreen(), HIGH.getGreen(), f),
        mix(LOW.getBlue(), HIGH.getBlue(), f));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }
}
