package dev.barriersim.report;

import dev.barriersim.core.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The numeric run metrics that are aggregated over replications, in output order. */
public final class Metrics {
  private Metrics() {}

  /** A named numeric metric of a run; the name is the dotted path in a summary run entry. */
  public record Metric(String name, ToDoubleFunction<RunResult> value) {}

  /** Every aggregated metric, in the order they appear in {@code summary.json}. */
  public static final List<Metric> ALL = List.of(
      new Metric("makespanMs", r -> r.makespanMs()),
      new Metric("events", r -> r.events()),
      new Metric("tasks.launched", r -> r.tasks().launched()),
      new Metric("tasks.succeeded", r -> r.tasks().succeeded()),
      new Metric("tasks.failed", r -> r.tasks().failed()),
      new Metric("tasks.killed", r -> r.tasks().killed()),
      new Metric("cores.total", r -> r.cores().total()),
      new Metric("cores.busyCoreMs", r -> r.cores().busyCoreMs()),
      new Metric("cores.idleCoreMs", r -> r.cores().idleCoreMs()),
      new Metric("cores.wastedCoreMs", r -> r.cores().wastedCoreMs()),
      new Metric("cores.utilization", r -> r.cores().utilization()),
      new Metric("barrier.slotCheckFailures", r -> r.barrier().slotCheckFailures()),
      new Metric("barrier.roundsSkipped", r -> r.barrier().roundsSkipped()),
      new Metric("barrier.waitMs", r -> r.barrier().waitMs()),
      new Metric("barrier.idleCoreMsWhileWaiting", r -> r.barrier().idleCoreMsWhileWaiting()),
      new Metric("barrier.syncWaitCoreMs", r -> r.barrier().syncWaitCoreMs()),
      new Metric("barrier.slotCheckWaitMs", r -> r.barrier().slotCheckWaitMs()));

  /**
   * {@link #ALL}, then {@code resources.<name>.busyMs} and {@code .utilization} for each custom
   * resource of the runs (every run of a scenario has the same resources, in the same order).
   */
  public static List<Metric> of(List<RunResult> runs) {
    if (runs.isEmpty() || runs.get(0).resources().isEmpty()) return ALL;
    List<Metric> out = new ArrayList<>(ALL);
    List<RunResult.ResourceUsage> first = runs.get(0).resources();
    for (int i = 0; i < first.size(); i++) {
      int r = i;
      String prefix = "resources." + first.get(i).name() + ".";
      out.add(new Metric(prefix + "busyMs", x -> x.resources().get(r).busyMs()));
      out.add(new Metric(prefix + "utilization", x -> x.resources().get(r).utilization()));
    }
    return List.copyOf(out);
  }
}
