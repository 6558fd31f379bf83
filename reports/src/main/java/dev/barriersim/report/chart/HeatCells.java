package dev.barriersim.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.AbstractIntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * A heat strip as cells: per row, consecutive time buckets of the same shade merged into one
 * rectangle. A block per bucket (XYBlockRenderer) made a 100-executor run's SVG 30 MB.
 */
final class HeatCells {
  private HeatCells() {}

  /** Buckets {@code [startMs, endMs)} of display time of {@code row}, drawn at {@code level} (1..LEVELS). */
  record Cell(int row, long startMs, long endMs, int level) {}

  /** The cells of {@code h}, row by row, idle buckets left out. */
  static List<Cell> of(GanttData.Heat h, BusyPaintScale scale) {
    List<Cell> out = new ArrayList<>();
    for (int r = 0; r < h.meanBusy().length; r++) {
      double[] m = h.meanBusy()[r];
      int b = 0;
      while (b < m.length) {
        int level = scale.level(m[b]);
        int end = b + 1;
        while (end < m.length && scale.level(m[end]) == level) end++;
        if (level > 0) out.add(new Cell(r, b * h.bucketMs(), end * h.bucketMs(), level));
        b = end;
      }
    }
    return out;
  }

  /** The cells as a dataset: x from start to end in display time (the chart's unit), y the row. */
  static final class Dataset extends AbstractIntervalXYDataset {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient List<Cell> cells;
    private final transient CutTimeline timeline;

    Dataset(String key, List<Cell> cells, CutTimeline timeline) {
      this.key = key;
      this.cells = cells;
      this.timeline = timeline;
    }

    Cell cell(int item) {
      return cells.get(item);
    }

    @Override
    public int getSeriesCount() {
      return 1;
    }

    @Override
    public Comparable<?> getSeriesKey(int series) {
      return key;
    }

    @Override
    public int getItemCount(int series) {
      return cells.size();
    }

    @Override
    public Number getX(int series, int item) {
      return getStartX(series, item);
    }

    @Override
    public Number getStartX(int series, int item) {
      return timeline.xOfDisplay(cells.get(item).startMs());
    }

    @Override
    public Number getEndX(int series, int item) {
      return timeline.xOfDisplay(cells.get(item).endMs());
    }

    @Override
    public Number getY(int series, int item) {
      return cells.get(item).row();
    }

    @Override
    public Number getStartY(int series, int item) {
      return cells.get(item).row() - 0.5;
    }

    @Override
    public Number getEndY(int series, int item) {
      return cells.get(item).row() + 0.5;
    }
  }

  /** Fills each cell with its level's shade. */
  static final class Renderer extends AbstractXYItemRenderer {
    private static final long serialVersionUID = 1L;
    private final BusyPaintScale paints;

    Renderer(BusyPaintScale paints) {
      this.paints = paints;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
        XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
        CrosshairState crosshairState, int pass) {
      Dataset d = (Dataset) dataset;
      Cell c = d.cell(item);
      RectangleEdge xe = plot.getDomainAxisEdge();
      RectangleEdge ye = plot.getRangeAxisEdge();
      double x0 = domainAxis.valueToJava2D(d.getStartX(series, item).doubleValue(), dataArea, xe);
      double x1 = domainAxis.valueToJava2D(d.getEndX(series, item).doubleValue(), dataArea, xe);
      double y0 = rangeAxis.valueToJava2D(c.row() - 0.5, dataArea, ye);
      double y1 = rangeAxis.valueToJava2D(c.row() + 0.5, dataArea, ye);
      g2.setPaint(paints.getPaint(paints.valueOf(c.level())));
      // Half a pixel of overlap hides the hairline seams antialiasing leaves between neighbours.
      g2.fill(new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0) + 0.5,
          Math.abs(y1 - y0) + 0.5));
    }

    @Override
    public LegendItem getLegendItem(int datasetIndex, int series) {
      return null;
    }
  }
}
