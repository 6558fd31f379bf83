package dev.barriersim.report.chart;

import dev.barriersim.report.data.Interval;
import dev.barriersim.report.data.TaskStatus;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/**
 * Draws Gantt bars: filled by stage (red when the attempt failed, grey and hatched when it was
 * killed), the time inside {@code barrier()} in a lighter shade of the same colour, a dark outline
 * around barrier-stage attempts, and the GPU addresses as a label at the bar's start when it is wide
 * enough.
 */
final class GanttRenderer extends AbstractXYItemRenderer {
  private static final double BAR_HEIGHT = 0.8;
  private static final double MIN_WIDTH_PX = 1.0;
  private static final double HATCH_SPACING_PX = 5.0;
  private static final BasicStroke OUTLINE = new BasicStroke(1.1f);
  private static final BasicStroke HATCH = new BasicStroke(0.8f);
  private static final Color HATCH_COLOR = new Color(0x55, 0x55, 0x55);
  private static final Color LABEL = new Color(0x11, 0x11, 0x11);
  /** How much lighter the time inside barrier() is drawn. */
  static final double WAIT_LIGHTER = 0.6;

  private final CutTimeline timeline;

  GanttRenderer(CutTimeline timeline) {
    this.timeline = timeline;
  }

  /** The fill of a bar, before the lighter barrier() parts. */
  static Color fill(GanttData.Bar b) {
    return switch (b.status()) {
      case FAILED -> ChartStyle.FAILED;
      case KILLED -> ChartStyle.KILLED;
      default -> StagePalette.color(b.stage());
    };
  }

  @Override
  public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
      XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
      CrosshairState crosshairState, int pass) {
    GanttData.Bar b = ((GanttDataset) dataset).bar(item);
    RectangleEdge xEdge = plot.getDomainAxisEdge();
    RectangleEdge yEdge = plot.getRangeAxisEdge();
    double x0 = domainAxis.valueToJava2D(timeline.x(b.startMs()), dataArea, xEdge);
    double x1 = domainAxis.valueToJava2D(timeline.x(b.endMs()), dataArea, xEdge);
    if (Math.max(x0, x1) < dataArea.getMinX() || Math.min(x0, x1) > dataArea.getMaxX()) return;
    double ya = rangeAxis.valueToJava2D(b.lane() - BAR_HEIGHT / 2, dataArea, yEdge);
    double yb = rangeAxis.valueToJava2D(b.lane() + BAR_HEIGHT / 2, dataArea, yEdge);
    Rectangle2D r = new Rectangle2D.Double(Math.min(x0, x1), Math.min(ya, yb), Math.max(MIN_WIDTH_PX, Math.abs(x1 - x0)),
        Math.max(1.0, Math.abs(yb - ya)));
    Color fill = fill(b);
    g2.setPaint(fill);
    // A pixel of background left at the start keeps back-to-back attempts in one lane apart.
    boolean inset = !b.barrierStage() && r.getWidth() >= 4 && r.getHeight() >= 4;
    g2.fill(inset ? new Rectangle2D.Double(r.getX() + 1, r.getY(), r.getWidth() - 1, r.getHeight()) : r);
    Color light = ChartStyle.lighter(fill, WAIT_LIGHTER);
    for (Interval w : b.barrierWaits()) {
      double wa = domainAxis.valueToJava2D(timeline.x(w.startMs()), dataArea, xEdge);
      double wb = domainAxis.valueToJava2D(timeline.x(w.endMs()), dataArea, xEdge);
      g2.setPaint(light);
      g2.fill(new Rectangle2D.Double(Math.min(wa, wb), r.getY(), Math.abs(wb - wa), r.getHeight()));
    }
    if (b.status() == TaskStatus.KILLED) hatch(g2, r);
    if (b.barrierStage()) outline(g2, r, fill);
    if (b.gpus() != null) label(g2, r, b.gpus());
  }

  /**
   * Dark outline; in thin lanes only the start edge, in a darker shade of the bar: an outline all
   * round would be most of a bar two pixels high, while aligned start edges still show a gang
   * launching at once.
   */
  private static void outline(Graphics2D g2, Rectangle2D r, Color fill) {
    if (r.getWidth() < 3) return;
    if (r.getHeight() >= 6) {
      g2.setPaint(ChartStyle.OUTLINE);
      g2.setStroke(OUTLINE);
      g2.draw(r);
    } else {
      g2.setPaint(ChartStyle.darker(fill, 0.55));
      g2.fill(new Rectangle2D.Double(r.getX(), r.getY(), 1, r.getHeight()));
    }
  }

  /**
   * Slanted lines across {@code r}, each cut to the rectangle by geometry rather than by a clip,
   * which would add a clip path to the SVG for every killed attempt.
   */
  private static void hatch(Graphics2D g2, Rectangle2D r) {
    Object aa = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON); // slanted lines
    g2.setPaint(HATCH_COLOR);
    g2.setStroke(HATCH);
    double h = r.getHeight();
    double w = r.getWidth();
    for (double d = -h; d < w; d += HATCH_SPACING_PX) {
      // The line from (x + d, bottom) to (x + d + h, top), as t runs from 0 to 1, inside x..x + w.
      double t0 = Math.max(0, -d / h);
      double t1 = Math.min(1, (w - d) / h);
      if (t1 <= t0) continue;
      g2.draw(new Line2D.Double(r.getX() + d + t0 * h, r.getMaxY() - t0 * h, r.getX() + d + t1 * h, r.getMaxY() - t1 * h));
    }
    if (aa != null) g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
  }

  /** The GPU addresses at the start of the bar, where they stay clear of the lighter barrier() parts' edges. */
  private static void label(Graphics2D g2, Rectangle2D r, String text) {
    g2.setFont(ChartStyle.SMALL);
    FontMetrics fm = g2.getFontMetrics();
    int w = fm.stringWidth(text);
    if (r.getWidth() < w + 8 || r.getHeight() < fm.getAscent()) return;
    g2.setPaint(LABEL);
    g2.drawString(text, (float) (r.getX() + 4), (float) (r.getCenterY() + fm.getAscent() / 2.0 - 1));
  }

  /** The legend is fixed on the combined plot, once for both modes. */
  @Override
  public LegendItem getLegendItem(int datasetIndex, int series) {
    return null;
  }
}
