package dev.barriersim.report.chart;

import java.util.List;
import org.jfree.data.xy.AbstractIntervalXYDataset;

/** The bars of one mode as a JFreeChart dataset: one series, an item per bar, x in display time (the chart's unit), y the lane. */
final class GanttDataset extends AbstractIntervalXYDataset {
  private static final double HALF_LANE = 0.4;

  private final String mode;
  private final List<GanttData.Bar> bars;
  private final CutTimeline timeline;

  GanttDataset(String mode, List<GanttData.Bar> bars, CutTimeline timeline) {
    this.mode = mode;
    this.bars = bars;
    this.timeline = timeline;
  }

  GanttData.Bar bar(int item) {
    return bars.get(item);
  }

  @Override
  public int getSeriesCount() {
    return 1;
  }

  @Override
  public Comparable<?> getSeriesKey(int series) {
    return mode;
  }

  @Override
  public int getItemCount(int series) {
    return bars.size();
  }

  @Override
  public Number getX(int series, int item) {
    return getStartXValue(series, item);
  }

  @Override
  public double getStartXValue(int series, int item) {
    return timeline.x(bars.get(item).startMs());
  }

  @Override
  public double getEndXValue(int series, int item) {
    return timeline.x(bars.get(item).endMs());
  }

  @Override
  public Number getStartX(int series, int item) {
    return getStartXValue(series, item);
  }

  @Override
  public Number getEndX(int series, int item) {
    return getEndXValue(series, item);
  }

  @Override
  public Number getY(int series, int item) {
    return bars.get(item).lane();
  }

  @Override
  public Number getStartY(int series, int item) {
    return bars.get(item).lane() - HALF_LANE;
  }

  @Override
  public Number getEndY(int series, int item) {
    return bars.get(item).lane() + HALF_LANE;
  }
}
