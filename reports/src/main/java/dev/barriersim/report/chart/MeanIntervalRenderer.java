package dev.barriersim.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.StatisticalCategoryDataset;

/**
 * Horizontal bars of means with interval whiskers (the dataset's "standard deviation" holds the
 * interval's half width), whose value labels sit beyond the whisker instead of on top of it.
 */
final class MeanIntervalRenderer extends StatisticalBarRenderer {
  private static final long serialVersionUID = 1L;

  // Set per item by drawItem, read by drawItemLabel: the label needs the axis, which the label hook does not get.
  private transient Rectangle2D dataArea;
  private transient ValueAxis rangeAxis;
  private transient RectangleEdge rangeEdge;

  @Override
  public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
      CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset data, int row, int column, int pass) {
    this.dataArea = dataArea;
    this.rangeAxis = rangeAxis;
    this.rangeEdge = plot.getRangeAxisEdge();
    super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, data, row, column, pass);
  }

  @Override
  protected void drawItemLabel(Graphics2D g2, CategoryDataset data, int row, int column, CategoryPlot plot,
      CategoryItemLabelGenerator generator, Rectangle2D bar, boolean negative) {
    Rectangle2D extended = bar;
    if (data instanceof StatisticalCategoryDataset s && rangeAxis != null) {
      Number mean = s.getMeanValue(row, column);
      Number half = s.getStdDevValue(row, column);
      if (mean != null && half != null) {
        double end = mean.doubleValue() + (negative ? -half.doubleValue() : half.doubleValue());
        double x = rangeAxis.valueToJava2D(end, dataArea, rangeEdge);
        double x0 = Math.min(bar.getMinX(), x);
        double x1 = Math.max(bar.getMaxX(), x);
        extended = new Rectangle2D.Double(x0, bar.getY(), x1 - x0, bar.getHeight());
      }
    }
    super.drawItemLabel(g2, data, row, column, plot, generator, extended, negative);
  }
}
