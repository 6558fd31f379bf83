package dev.barriersim.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;

/**
 * A plot that draws other charts in a grid, so that panels with different units (seconds,
 * core-minutes, percent) share one image, one title and one legend.
 */
final class ChartGrid extends Plot {
  private static final long serialVersionUID = 1L;

  /** One row of cells; {@code weight} sets its share of the height, {@code widths} the cells' shares of the width. */
  record Row(List<JFreeChart> cells, double weight) {}

  private final List<Row> rows;
  private final double[] widths;
  private final LegendItemCollection legend;

  ChartGrid(List<Row> rows, double[] widths, LegendItemCollection legend) {
    this.rows = List.copyOf(rows);
    this.widths = widths.clone();
    this.legend = legend;
    setOutlineVisible(false);
  }

  List<Row> rows() {
    return rows;
  }

  @Override
  public String getPlotType() {
    return "Grid";
  }

  @Override
  public LegendItemCollection getLegendItems() {
    return legend;
  }

  @Override
  public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
    double total = rows.stream().mapToDouble(Row::weight).sum();
    double widthSum = 0;
    for (double w : widths) widthSum += w;
    double y = area.getY();
    for (Row row : rows) {
      double h = area.getHeight() * row.weight() / total;
      double x = area.getX();
      for (int c = 0; c < row.cells().size(); c++) {
        double w = area.getWidth() * widths[Math.min(c, widths.length - 1)] / widthSum;
        row.cells().get(c).draw(g2, new Rectangle2D.Double(x, y, w, h));
        x += w;
      }
      y += h;
    }
  }
}
