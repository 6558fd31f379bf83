package dev.barriersim.report.chart;

import dev.barriersim.report.HumanDuration;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The break marker of one cut in a plot: the band it shrank to, covered in a pale shade, a zig-zag
 * at each edge, and (when {@code labelled}) the idle time it stands for, written up the band:
 * {@code ≈ 23h 31m idle, cut}.
 */
final class IdleGapBreak extends AbstractXYAnnotation {
  private static final long serialVersionUID = 1L;
  static final Color BAND = new Color(0xf1, 0xf1, 0xf1);
  private static final Color EDGE = new Color(0x77, 0x77, 0x77);
  private static final Color TEXT = new Color(0x44, 0x44, 0x44);
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
  private static final BasicStroke STROKE = new BasicStroke(1.0f);
  private static final double ZIG_PX = 6;
  private static final double ZAG_PX = 2.5;

  private final transient CutTimeline timeline;
  private final transient CutTimeline.Cut cut;
  private final boolean labelled;

  IdleGapBreak(CutTimeline timeline, CutTimeline.Cut cut, boolean labelled) {
    this.timeline = timeline;
    this.cut = cut;
    this.labelled = labelled;
  }

  /** {@code ≈ 23h 31m idle, cut}: the idle gap, to the minute above an hour, to the second above a minute. */
  static String text(long idleMs) {
    return "≈ " + rounded(idleMs) + " idle, cut";
  }

  static String rounded(long ms) {
    if (ms >= 3_600_000) {
      long m = Math.round(ms / 60_000.0);
      return m % 60 == 0 ? m / 60 + "h" : m / 60 + "h " + m % 60 + "m";
    }
    if (ms >= 60_000) {
      long s = Math.round(ms / 1000.0);
      return s / 60 + "m " + s % 60 + "s";
    }
    return HumanDuration.format(ms);
  }

  @Override
  public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
      int rendererIndex, PlotRenderingInfo info) {
    RectangleEdge edge = plot.getDomainAxisEdge();
    double a = domainAxis.valueToJava2D(timeline.x(cut.startMs()), dataArea, edge);
    double b = domainAxis.valueToJava2D(timeline.x(cut.endMs()), dataArea, edge);
    double top = dataArea.getMinY();
    double bottom = dataArea.getMaxY();
    double[][] left = edge(a, top, bottom);
    double[][] right = edge(b, top, bottom);
    Path2D band = new Path2D.Double();
    band.moveTo(left[0][0], left[0][1]);
    for (double[] p : left) band.lineTo(p[0], p[1]);
    for (int i = right.length - 1; i >= 0; i--) band.lineTo(right[i][0], right[i][1]);
    band.closePath();
    g2.setPaint(BAND);
    g2.fill(band);
    // Only the slanted edges are antialiased: the band is a fill, and the text has its own hint.
    Object aa = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g2.setPaint(EDGE);
    g2.setStroke(STROKE);
    g2.draw(polyline(left));
    g2.draw(polyline(right));
    if (aa != null) g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    if (labelled) label(g2, (a + b) / 2, top, bottom, b - a);
  }

  /** The corners of a zig-zag line at {@code x}, from {@code top} down to {@code bottom}. */
  private static double[][] edge(double x, double top, double bottom) {
    int n = (int) Math.max(1, Math.floor((bottom - top) / ZIG_PX));
    double step = (bottom - top) / n;
    double[][] points = new double[n + 1][];
    for (int i = 0; i <= n; i++) {
      double dx = i == 0 || i == n ? 0 : (i % 2 == 1 ? ZAG_PX : -ZAG_PX);
      points[i] = new double[] {x + dx, top + step * i};
    }
    return points;
  }

  private static Path2D polyline(double[][] points) {
    Path2D p = new Path2D.Double();
    p.moveTo(points[0][0], points[0][1]);
    for (int i = 1; i < points.length; i++) p.lineTo(points[i][0], points[i][1]);
    return p;
  }

  /** The text up the middle of the band, when the band is tall and wide enough for it. */
  private void label(Graphics2D g2, double x, double top, double bottom, double width) {
    g2.setFont(FONT);
    FontMetrics fm = g2.getFontMetrics();
    String s = text(cut.idleMs());
    int w = fm.stringWidth(s);
    if (w + 8 > bottom - top || fm.getAscent() + 2 > width) return;
    AffineTransform saved = g2.getTransform();
    g2.translate(x + (fm.getAscent() - fm.getDescent()) / 2.0, (top + bottom) / 2 + w / 2.0);
    g2.rotate(-Math.PI / 2);
    g2.setPaint(TEXT);
    g2.drawString(s, 0f, 0f);
    g2.setTransform(saved);
  }
}
