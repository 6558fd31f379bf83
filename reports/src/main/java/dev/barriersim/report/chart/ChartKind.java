package dev.barriersim.report.chart;

import java.util.function.Supplier;

/** Every chart kind, in the order a report shows them. */
public enum ChartKind {
  /** Task attempts per executor slot over time, one panel per mode. */
  GANTT(GanttChart::new),
  /** Busy cores (and GPUs) over time, both modes overlaid. */
  UTILIZATION(UtilizationChart::new),
  /** The summary metrics of the modes side by side, and their paired difference. */
  COMPARISON(ComparisonChart::new),
  /** Distribution of job completion times, and per-job slowdown (only with several jobs). */
  JCT_CDF(JobCompletionCdfChart::new);

  private final Supplier<Chart> factory;

  ChartKind(Supplier<Chart> factory) {
    this.factory = factory;
  }

  /** A new instance of this kind's chart. */
  public Chart chart() {
    return factory.get();
  }
}
