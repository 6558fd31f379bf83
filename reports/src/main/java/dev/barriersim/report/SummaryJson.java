package dev.barriersim.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.barriersim.core.RunResult;
import dev.barriersim.report.sweep.SweepFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json} of one scenario, exactly as the contract lists it (field names and order),
 * with additions only after the contract's own fields.
 */
public final class SummaryJson {
  private SummaryJson() {}

  /** The file's bytes as text: pretty-printed, 2-space indent, trailing newline. */
  public static String render(ScenarioResult result) {
    return JsonOutput.render(of(result));
  }

  /** The document; public so tests and other reports can inspect it. */
  public static Summary of(ScenarioResult result) {
    List<Run> runs = result.runs().stream().map(SummaryJson::run).toList();
    Map<String, Map<String, EstimateJson>> aggregates = new LinkedHashMap<>();
    Aggregates.of(result).forEach((group, metrics) -> {
      Map<String, EstimateJson> m = new LinkedHashMap<>();
      metrics.forEach((name, e) -> m.put(name, EstimateJson.of(e)));
      aggregates.put(group, m);
    });
    RunPlan plan = result.plan();
    return new Summary(plan.scenario(), plan.seed(), Version.get(), runs, aggregates,
        plan.modes().stream().map(Mode::id).toList(), plan.replications(), plan.overrides(), null);
  }

  private static Run run(RunRecord rec) {
    RunResult r = rec.result();
    return new Run(rec.mode().id(), rec.replication(), rec.key().seed(), r.outcome().name(), r.makespanMs(),
        r.events(), r.digest(),
        r.jobs().stream().map(j -> new Job(j.name(), j.status(), j.submitMs(), j.startMs(), j.endMs(),
            j.failureReason())).toList(),
        r.stages().stream().map(s -> new Stage(s.job(), s.stage(), s.barrier(), s.attempts(), s.status(),
            s.firstLaunchMs(), s.endMs(), s.stageId())).toList(),
        new Tasks(r.tasks().launched(), r.tasks().succeeded(), r.tasks().failed(), r.tasks().killed()),
        new Cores(r.cores().total(), r.cores().busyCoreMs(), r.cores().idleCoreMs(), r.cores().wastedCoreMs(),
            r.cores().utilization()),
        new Barrier(r.barrier().slotCheckFailures(), r.barrier().roundsSkipped(), r.barrier().waitMs(),
            r.barrier().idleCoreMsWhileWaiting(), r.barrier().syncWaitCoreMs(), r.barrier().slotCheckWaitMs()),
        r.resources().stream().map(u -> new Resource(u.name(), u.total(), u.busyMs(), u.idleMs(), u.utilization()))
            .toList());
  }

  /**
   * The top level; {@code modes}, {@code replications}, {@code overrides} (the {@code --set} options,
   * only when some were given) and {@code sweep} (only for a scenario with a sweep, whose
   * {@code runs} and {@code aggregates} are then empty) are additions.
   */
  @JsonPropertyOrder({"scenario", "seed", "version", "runs", "aggregates", "modes", "replications", "overrides", "sweep"})
  public record Summary(String scenario, long seed, String version, List<Run> runs,
      Map<String, Map<String, EstimateJson>> aggregates, List<String> modes, int replications,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> overrides,
      @JsonInclude(JsonInclude.Include.NON_NULL) SweepFiles.SummarySweep sweep) {
    /** Older summaries have no overrides. */
    public Summary {
      overrides = overrides == null ? List.of() : overrides;
    }

    /** A summary of one scenario without overrides or sweep. */
    public Summary(String scenario, long seed, String version, List<Run> runs,
        Map<String, Map<String, EstimateJson>> aggregates, List<String> modes, int replications) {
      this(scenario, seed, version, runs, aggregates, modes, replications, List.of(), null);
    }
  }

  /** One (mode, replication) run; {@code resources} (custom resources such as GPUs) is an addition. */
  @JsonPropertyOrder({"mode", "replication", "seed", "outcome", "makespanMs", "events", "digest", "jobs", "stages",
      "tasks", "cores", "barrier", "resources"})
  public record Run(String mode, int replication, long seed, String outcome, long makespanMs, long events,
      String digest, List<Job> jobs, List<Stage> stages, Tasks tasks, Cores cores, Barrier barrier,
      List<Resource> resources) {
    /** Older summaries have no resources. */
    public Run {
      resources = resources == null ? List.of() : resources;
    }
  }

  /** One job instance; times are null when they did not happen. */
  @JsonPropertyOrder({"name", "status", "submitMs", "startMs", "endMs", "failureReason"})
  public record Job(String name, String status, long submitMs, Long startMs, Long endMs, String failureReason) {}

  /** One stage over all its attempts; {@code stageId} is an addition. */
  @JsonPropertyOrder({"job", "stage", "barrier", "attempts", "status", "firstLaunchMs", "endMs", "stageId"})
  public record Stage(String job, String stage, boolean barrier, int attempts, String status, Long firstLaunchMs,
      Long endMs, int stageId) {}

  /** Task attempts by how they ended. */
  @JsonPropertyOrder({"launched", "succeeded", "failed", "killed"})
  public record Tasks(long launched, long succeeded, long failed, long killed) {}

  /** Core time. */
  @JsonPropertyOrder({"total", "busyCoreMs", "idleCoreMs", "wastedCoreMs", "utilization"})
  public record Cores(long total, long busyCoreMs, long idleCoreMs, long wastedCoreMs, double utilization) {}

  /**
   * Barrier costs; {@code idleCoreMsWhileWaiting}, {@code syncWaitCoreMs} and {@code slotCheckWaitMs}
   * (job submission to job start of barrier jobs whose slot check failed; not part of {@code waitMs})
   * are additions.
   */
  @JsonPropertyOrder({"slotCheckFailures", "roundsSkipped", "waitMs", "idleCoreMsWhileWaiting", "syncWaitCoreMs",
      "slotCheckWaitMs"})
  public record Barrier(long slotCheckFailures, long roundsSkipped, long waitMs, long idleCoreMsWhileWaiting,
      long syncWaitCoreMs, long slotCheckWaitMs) {}

  /** One custom resource over the run: peak units, busy and idle unit-ms up to the makespan, utilization. */
  @JsonPropertyOrder({"name", "total", "busyMs", "idleMs", "utilization"})
  public record Resource(String name, long total, long busyMs, long idleMs, double utilization) {}

  /** One aggregated metric: {@code ci95} is {@code [low, high]}; {@code n} is an addition. */
  @JsonPropertyOrder({"mean", "stddev", "ci95", "n"})
  public record EstimateJson(double mean, double stddev, double[] ci95, long n) {
    /** The JSON form of an estimate. */
    public static EstimateJson of(Stats.Estimate e) {
      return new EstimateJson(e.mean(), e.stddev(), new double[] {e.ciLow(), e.ciHigh()}, e.n());
    }
  }
}
