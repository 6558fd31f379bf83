package dev.barriersim.report.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A horizontal time axis over a {@link CutTimeline} with cuts: ticks at round values of real time
 * in each part that is not cut, labelled with that real time ({@code 26h 05m}), and the axis line
 * broken at each band. Values on the axis are display time in the timeline's unit.
 */
final class CutTimeAxis extends NumberAxis {
  private static final long serialVersionUID = 1L;
  private static final long S = 1_000;
  private static final long M = 60 * S;
  private static final long H = 60 * M;
  /** Tick steps of real time to choose from, finest first. */
  static final long[] STEPS = {1, 2, 5, 10, 20, 50, 100, 200, 500, S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M,
      5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, 24 * H, 48 * H, 96 * H};
  /** Room between two tick labels, in pixels. */
  private static final double LABEL_GAP_PX = 14;

  private final transient CutTimeline timeline;

  CutTimeAxis(String label, CutTimeline timeline) {
    super(label);
    this.timeline = timeline;
  }

  @Override
  protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
    g2.setFont(getTickLabelFont());
    FontMetrics fm = g2.getFontMetrics();
    double pxPerMs = dataArea.getWidth() / Math.max(1e-9, (getUpperBound() - getLowerBound()) * timeline.scale().msPerUnit());
    long step = step(fm, pxPerMs);
    List<NumberTick> ticks = new ArrayList<>();
    double lastRight = Double.NEGATIVE_INFINITY;
    for (long[] part : keptParts()) {
      for (long t = ceilTo(part[0], step); t <= part[1]; t += step) {
        double value = timeline.x(t);
        if (!getRange().contains(value)) continue;
        String text = label(t, step);
        double x = valueToJava2D(value, dataArea, edge);
        double half = fm.stringWidth(text) / 2.0;
        if (x - half < lastRight + LABEL_GAP_PX) continue; // never two labels on top of each other
        ticks.add(new NumberTick(value, text, TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
        lastRight = x + half;
      }
    }
    return ticks;
  }

  /** The finest step whose labels, at this scale, leave room between them. */
  private long step(FontMetrics fm, double pxPerMs) {
    for (long s : STEPS) {
      double widest = fm.stringWidth(label(widestMultiple(s), s));
      if (s * pxPerMs >= widest + LABEL_GAP_PX) return s;
    }
    return STEPS[STEPS.length - 1];
  }

  /** A multiple of {@code step} near the end of the span: the longest label of that step. */
  private long widestMultiple(long step) {
    long t = timeline.spanMs() / step * step;
    return t == 0 ? step : t;
  }

  /** The real-time stretches that are not cut, as {@code [start, end]} pairs. */
  private List<long[]> keptParts() {
    List<long[]> parts = new ArrayList<>();
    long from = 0;
    for (CutTimeline.Cut c : timeline.cuts()) {
      if (c.startMs() > from) parts.add(new long[] {from, c.startMs()});
      from = c.endMs();
    }
    if (from < timeline.spanMs()) parts.add(new long[] {from, timeline.spanMs()});
    return parts;
  }

  private static long ceilTo(long t, long step) {
    return (t + step - 1) / step * step;
  }

  /** Real time {@code ms} as a tick label for ticks {@code step} apart: {@code 26h}, {@code 26h 05m}, {@code 4m 30s}, {@code 12.5s}. */
  static String label(long ms, long step) {
    if (ms == 0) return "0";
    long h = ms / H;
    long m = ms / M % 60;
    long s = ms / S % 60;
    if (step % H == 0) return h + "h";
    if (step % M == 0) return h > 0 ? String.format(Locale.ROOT, "%dh %02dm", h, m) : m + "m";
    if (step % S == 0) {
      if (h > 0) return String.format(Locale.ROOT, "%dh %02dm %02ds", h, m, s);
      return m > 0 ? String.format(Locale.ROOT, "%dm %02ds", m, s) : s + "s";
    }
    String sec = step % 100 == 0 ? String.format(Locale.ROOT, "%.1fs", ms % M / 1000.0)
        : String.format(Locale.ROOT, "%.3fs", ms % M / 1000.0);
    return ms >= M ? (ms / M) + "m " + sec : sec;
  }

  /** The axis line, broken at each band by a pair of slanted strokes. */
  @Override
  protected void drawAxisLine(Graphics2D g2, double cursor, Rectangle2D dataArea, RectangleEdge edge) {
    if (edge != RectangleEdge.BOTTOM && edge != RectangleEdge.TOP) {
      super.drawAxisLine(g2, cursor, dataArea, edge);
      return;
    }
    g2.setPaint(getAxisLinePaint());
    g2.setStroke(getAxisLineStroke());
    double from = dataArea.getMinX();
    for (double[] band : bandsPx(dataArea, edge)) {
      g2.draw(new Line2D.Double(from, cursor, band[0], cursor));
      g2.draw(new Line2D.Double(band[0] - 3, cursor + 5, band[0] + 3, cursor - 5));
      g2.draw(new Line2D.Double(band[1] - 3, cursor + 5, band[1] + 3, cursor - 5));
      from = band[1];
    }
    g2.draw(new Line2D.Double(from, cursor, dataArea.getMaxX(), cursor));
  }

  /** Each band's left and right edge in pixels. */
  List<double[]> bandsPx(Rectangle2D dataArea, RectangleEdge edge) {
    List<double[]> out = new ArrayList<>();
    for (CutTimeline.Cut c : timeline.cuts()) {
      double a = valueToJava2D(timeline.x(c.startMs()), dataArea, edge);
      double b = valueToJava2D(timeline.x(c.endMs()), dataArea, edge);
      out.add(new double[] {Math.max(dataArea.getMinX(), a), Math.min(dataArea.getMaxX(), b)});
    }
    return out;
  }
}
