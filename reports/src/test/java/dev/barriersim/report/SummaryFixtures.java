package dev.barriersim.report;

import dev.barriersim.report.SummaryJson.Barrier;
import dev.barriersim.report.SummaryJson.Cores;
import dev.barriersim.report.SummaryJson.EstimateJson;
import dev.barriersim.report.SummaryJson.Job;
import dev.barriersim.report.SummaryJson.Resource;
import dev.barriersim.report.SummaryJson.Run;
import dev.barriersim.report.SummaryJson.Stage;
import dev.barriersim.report.SummaryJson.Summary;
import dev.barriersim.report.SummaryJson.Tasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Hand-built {@code summary.json} documents for tests of the headline and the pages. */
public final class SummaryFixtures {
  private SummaryFixtures() {}

  /** The metrics the fixtures aggregate, with how to read each from a run. */
  public static final Map<String, ToDoubleFunction<Run>> METRICS = metrics();

  private static Map<String, ToDoubleFunction<Run>> metrics() {
    Map<String, ToDoubleFunction<Run>> m = new LinkedHashMap<>();
    m.put("makespanMs", Run::makespanMs);
    m.put("tasks.failed", r -> r.tasks().failed());
    m.put("cores.wastedCoreMs", r -> r.cores().wastedCoreMs());
    m.put("cores.utilization", r -> r.cores().utilization());
    m.put("barrier.waitMs", r -> r.barrier().waitMs());
    return m;
  }

  /** A job that succeeded. */
  public static Job ok(String name, long submitMs, long endMs) {
    return new Job(name, "SUCCEEDED", submitMs, submitMs, endMs, null);
  }

  /** A job that failed with Spark's {@code reason}. */
  public static Job failed(String name, long submitMs, long endMs, String reason) {
    return new Job(name, "FAILED", submitMs, submitMs, endMs, reason);
  }

  /** A job still running when its run stopped. */
  public static Job running(String name, long submitMs) {
    return new Job(name, "RUNNING", submitMs, submitMs, null, null);
  }

  /** A completed run with the given numbers. */
  public static Run run(String mode, int replication, long makespanMs, double utilization, long wastedCoreMs,
      long barrierWaitMs, List<Job> jobs) {
    return run(mode, replication, "COMPLETED", makespanMs, utilization, wastedCoreMs, barrierWaitMs, jobs);
  }

  /** A run with the given outcome and numbers. */
  public static Run run(String mode, int replication, String outcome, long makespanMs, double utilization,
      long wastedCoreMs, long barrierWaitMs, List<Job> jobs) {
    return run(mode, replication, outcome, makespanMs, utilization, wastedCoreMs, barrierWaitMs, 0, jobs, List.of());
  }

  /** A run with a slot-check wait and custom resources. */
  public static Run run(String mode, int replication, String outcome, long makespanMs, double utilization,
      long wastedCoreMs, long barrierWaitMs, long slotCheckWaitMs, List<Job> jobs, List<Resource> resources) {
    List<Stage> stages = jobs.stream()
        .map(j -> new Stage(j.name(), "fit", mode.equals("barrier"), 1, j.status(), j.startMs(), j.endMs(), 0)).toList();
    return new Run(mode, replication, 1000L + replication, outcome, makespanMs, 100, "d" + replication, jobs, stages,
        new Tasks(10, 9, 1, 0), new Cores(8, 1000, 100, wastedCoreMs, utilization),
        new Barrier(0, 0, barrierWaitMs, 0, 0, slotCheckWaitMs), resources);
  }

  /** {@code r} with {@code syncWaitCoreMs} of its core time spent inside {@code barrier()}. */
  public static Run withSyncWait(Run r, long syncWaitCoreMs) {
    Barrier b = r.barrier();
    return new Run(r.mode(), r.replication(), r.seed(), r.outcome(), r.makespanMs(), r.events(), r.digest(), r.jobs(),
        r.stages(), r.tasks(), r.cores(), new Barrier(b.slotCheckFailures(), b.roundsSkipped(), b.waitMs(),
            b.idleCoreMsWhileWaiting(), syncWaitCoreMs, b.slotCheckWaitMs()), r.resources());
  }

  /** A summary with {@link #METRICS} aggregated per mode and paired when both modes ran. */
  public static Summary summary(String scenario, int replications, List<String> modes, List<Run> runs) {
    Map<String, Map<String, EstimateJson>> aggregates = new LinkedHashMap<>();
    for (String mode : modes) {
      List<Run> rs = runs.stream().filter(r -> r.mode().equals(mode)).toList();
      if (rs.isEmpty()) continue;
      Map<String, EstimateJson> m = new LinkedHashMap<>();
      METRICS.forEach((name, f) -> m.put(name, estimate(rs.stream().mapToDouble(f).toArray())));
      aggregates.put(mode, m);
    }
    if (aggregates.containsKey("barrier") && aggregates.containsKey("non-barrier")) {
      List<Run> b = runs.stream().filter(r -> r.mode().equals("barrier")).toList();
      List<Run> n = runs.stream().filter(r -> r.mode().equals("non-barrier")).toList();
      Map<String, EstimateJson> m = new LinkedHashMap<>();
      METRICS.forEach((name, f) -> {
        double[] d = new double[b.size()];
        for (int i = 0; i < d.length; i++) d[i] = f.applyAsDouble(b.get(i)) - f.applyAsDouble(n.get(i));
        m.put(name, estimate(d));
      });
      aggregates.put("paired", m);
    }
    return new Summary(scenario, 7, "0.1.0-test", runs, aggregates, List.copyOf(modes), replications);
  }

  private static EstimateJson estimate(double[] v) {
    Stats.Estimate e = Stats.of(v);
    return new EstimateJson(e.mean(), e.stddev(), new double[] {e.ciLow(), e.ciHigh()}, e.n());
  }

  /** {@code count} replications of both modes with one job each that succeeds; barrier takes {@code extraMs} longer. */
  public static List<Run> cleanPairs(int count, long extraMs) {
    return noisyPairs(count, extraMs, 0);
  }

  /** As {@link #cleanPairs}, with barrier {@code noiseMs} faster in even and slower in odd replications. */
  public static List<Run> noisyPairs(int count, long extraMs, long noiseMs) {
    List<Run> runs = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      long t = 60_000 + extraMs + r + (r % 2 == 0 ? -noiseMs : noiseMs);
      runs.add(run("barrier", r, t, 0.5, 0, 1000, List.of(ok("train", 0, t))));
    }
    for (int r = 0; r < count; r++) {
      runs.add(run("non-barrier", r, 60_000 + r, 0.4, 0, 0, List.of(ok("train", 0, 60_000 + r))));
    }
    return runs;
  }
}
