package dev.barriersim.report.output;

import java.util.List;

/**
 * The registry of everything a scenario's folder can hold, in the order it is written: streams of
 * each run, then files from the finished runs, then files rendered from those files. A new output
 * is one class and one line here; commands choose entries, the runner only loops over them.
 */
public final class Outputs {
  private static final List<String> CHARTS = List.of();

  /** Every output. */
  public static final List<Output> ALL = List.of(
      new EventLogOutput(),
      new TaskTimelineOutput(),
      new ScenarioCopyOutput(),
      new SummaryOutput(),
      new HtmlReportOutput(CHARTS));

  private Outputs() {}

  /** {@link #ALL} without the charts ({@code --no-charts}). */
  public static List<Output> withoutCharts() {
    return ALL.stream().filter(o -> !o.isChart()).toList();
  }

  /** The entries of {@code outputs} of one kind, in order. */
  public static <T extends Output> List<T> of(List<Output> outputs, Class<T> kind) {
    return outputs.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
