package dev.barriersim.report.chart;

import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;

/**
 * Step functions as line series with explicit corners, drawn as one path per series. An
 * {@code XYStepRenderer} draws two separate line elements per step, which made the SVG of a busy
 * run's curves several megabytes; one path per series draws the same picture in a tenth of it.
 */
final class Steps {
  private Steps() {}

  /**
   * A series that holds {@code values[i]} from {@code x[i]} to {@code x[i + 1]}, and the last value to {@code endX}.
   * Each change becomes two vertices at its x: the old value, then the new one.
   */
  static XYSeries series(String key, double[] x, double[] values, double endX) {
    XYSeries s = new XYSeries(key, false, true);
    for (int i = 0; i < x.length; i++) {
      if (i > 0) s.add(x[i], values[i - 1], false);
      s.add(x[i], values[i], false);
    }
    if (x.length > 0 && endX > x[x.length - 1]) s.add(endX, values[x.length - 1], false);
    return s;
  }

  /** Lines without shapes, each series one path. */
  static XYLineAndShapeRenderer renderer() {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setDrawSeriesLineAsPath(true);
    return r;
  }
}
