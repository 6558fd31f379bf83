package dev.barriersim.report.chart;

import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/** One chart kind: builds its chart from an output folder's files, or nothing when it does not apply. */
public interface Chart {
  /** File base name, e.g. {@code gantt} -> {@code charts/gantt.png} and {@code charts/gantt.svg}. */
  String name();

  /** The chart of {@code in}, or empty when this kind does not apply to it (e.g. a CDF of one job). */
  Optional<JFreeChart> build(ScenarioFiles in) throws IOException;

  /** Image width in pixels. */
  int width();

  /** Image height in pixels. */
  int height();
}
