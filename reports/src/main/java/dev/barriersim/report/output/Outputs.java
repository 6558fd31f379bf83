package dev.barriersim.report.output;

import dev.barriersim.report.chart.ChartKind;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The registry of everything a scenario's folder can hold, in the order it is written: streams of
 * each run, then files from the finished runs, then files rendered from those files. A new output
 * is one class and one line here; commands choose entries, the runner only loops over them.
 */
public final class Outputs {
  private static final List<ChartOutput> CHARTS = Arrays.stream(ChartKind.values()).map(ChartOutput::new).toList();

  /** Every output. */
  public static final List<Output> ALL = Stream.of(
      Stream.of(new EventLogOutput(), new TaskTimelineOutput(), new ScenarioCopyOutput(), new SummaryOutput(),
          new SweepTableOutput()),
      CHARTS.stream(),
      Stream.of(new SweepChartOutput()),
      Stream.of(new HtmlReportOutput(CHARTS.stream().map(ChartOutput::name).toList())))
      .flatMap(s -> s).map(Output.class::cast).toList();

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
