package dev.barriersim.report.chart;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/** Colours of a heat strip: white for idle, through light to dark blue for all slots busy. */
final class BusyPaintScale implements PaintScale {
  private static final Color LOW = new Color(0xde, 0xeb, 0xf7);
  private static final Color HIGH = new Color(0x08, 0x30, 0x6b);

  private final double upper;

  BusyPaintScale(double upper) {
    this.upper = Math.max(1e-9, upper);
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
    if (!(value > 0)) return Color.WHITE;
    double f = Math.min(1, value / upper);
    return new Color(mix(LOW.getRed(), HIGH.getRed(), f), mix(LOW.getGreen(), HIGH.getGreen(), f),
        mix(LOW.getBlue(), HIGH.getBlue(), f));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }
}
