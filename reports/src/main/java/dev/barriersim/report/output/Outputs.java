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

  /** Every output, those written only on request included. */
  public static final List<Output> REGISTRY = Stream.of(
      Stream.of(new EventLogOutput(), new TaskTimelineOutput(), new SparkEventLogOutput(), new ScenarioCopyOutput(),
          new SummaryOutput(), new SweepTableOutput(), new RecordedTimelineOutput()),
      CHARTS.stream(),
      Stream.of(new SweepChartOutput()),
      Stream.of(new HtmlReportOutput(CHARTS.stream().map(ChartOutput::name).toList())))
      .flatMap(s -> s).map(Output.class::cast).toList();

  /** What a run writes by default: the registry without the outputs written only on request. */
  public static final List<Output> ALL = REGISTRY.stream().filter(o -> !o.onRequest()).toList();

  private Outputs() {}

  /** {@link #ALL} without the charts ({@code --no-charts}). */
  public static List<Output> withoutCharts() {
    return ALL.stream().filter(o -> !o.isChart()).toList();
  }

  /** The registry filtered by the command line: charts unless {@code --no-charts}, the Spark event log with {@code --spark-event-log}. */
  public static List<Output> select(boolean charts, boolean sparkEventLog) {
    return REGISTRY.stream().filter(o -> charts || !o.isChart()).filter(o -> sparkEventLog || !o.onRequest()).toList();
  }

  /** The entries of {@code outputs} of one kind, in order. */
  public static <T extends Output> List<T> of(List<Output> outputs, Class<T> kind) {
    return outputs.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
