package dev.barriersim.core.properties;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.failure.ExecutorFailureSpec;
import dev.barriersim.core.failure.TaskFailureSpec;
import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.spark.Backend;
import dev.barriersim.core.spark.BarrierRerun;
import dev.barriersim.core.spark.ExcludeOnFailureConf;
import dev.barriersim.core.spark.OfferOrder;
import dev.barriersim.core.spark.PoolSpec;
import dev.barriersim.core.spark.SimulationSettings;
import dev.barriersim.core.spark.SparkConf;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.RepeatSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link SimulationSpec} as a scenario file in the contract's format
 * (scenario-format.md section 2), every value explicit, durations in whole milliseconds, so a
 * property's counterexample can be saved and run with the command line.
 */
public final class ScenarioYaml {
  private ScenarioYaml() {}

  /** How to run a printed counterexample. */
  public static final String HOW_TO_RUN = "save as x.yaml and run: java -jar reports/target/barriersim.jar run x.yaml";

  /** The scenario file for {@code spec}. */
  public static String render(SimulationSpec spec) {
    StringBuilder y = new StringBuilder();
    y.append("name: ").append(spec.name()).append('\n');
    y.append("seed: ").append(spec.seed()).append('\n');
    y.append("cluster:\n  executors:\n");
    for (ExecutorGroup g : spec.cluster().executors()) y.append("    - ").append(group(g)).append('\n');
    if (!spec.cluster().changes().isEmpty()) {
      y.append("  changes:\n");
      for (ClusterChange c : spec.cluster().changes()) {
        y.append("    - at: ").append(ms(c.atMs())).append('\n');
        if (c.add() != null) y.append("      add: ").append(group(c.add())).append('\n');
        if (!c.decommission().isEmpty()) y.append("      decommission: ").append(quotedList(c.decommission())).append('\n');
      }
    }
    SparkConf c = spec.conf();
    y.append("spark:\n");
    y.append("  spark.task.cpus: ").append(c.taskCpus()).append('\n');
    for (Map.Entry<String, Integer> r : c.taskResources().entrySet()) {
      y.append("  spark.task.resource.").append(r.getKey()).append(".amount: ").append(r.getValue()).append('\n');
    }
    y.append("  spark.scheduler.mode: ").append(c.schedulingMode().name()).append('\n');
    y.append("  spark.scheduler.revive.interval: ").append(ms(c.reviveIntervalMs())).append('\n');
    y.append("  spark.scheduler.barrier.maxConcurrentTasksCheck.interval: ").append(ms(c.slotCheckIntervalMs())).append('\n');
    y.append("  spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures: ").append(c.slotCheckMaxFailures()).append('\n');
    y.append("  spark.barrier.sync.timeout: ").append(ms(c.barrierSyncTimeoutMs())).append('\n');
    y.append("  spark.stage.maxConsecutiveAttempts: ").append(c.maxConsecutiveAttempts()).append('\n');
    y.append("  spark.task.maxFailures: ").append(c.taskMaxFailures()).append('\n');
    y.append("  spark.dynamicAllocation.enabled: ").append(c.dynamicAllocation()).append('\n');
    y.append("  spark.job.interruptOnCancel: ").append(c.interruptOnCancel()).append('\n');
    if (!c.locality().equals(dev.barriersim.core.spark.LocalityConf.DEFAULTS)) {
      y.append("  spark.locality.wait.process: ").append(ms(c.locality().processWaitMs())).append('\n');
      y.append("  spark.locality.wait.node: ").append(ms(c.locality().nodeWaitMs())).append('\n');
      y.append("  spark.locality.wait.rack: ").append(ms(c.locality().rackWaitMs())).append('\n');
      y.append("  spark.locality.wait.legacyResetOnTaskLaunch: ").append(c.locality().legacyResetOnTaskLaunch()).append('\n');
      y.append("  spark.shuffle.reduceLocality.enabled: ").append(c.locality().reduceLocality()).append('\n');
    }
    if (c.speculation().enabled()) {
      y.append("  spark.speculation: true\n");
      y.append("  spark.speculation.interval: ").append(ms(c.speculation().intervalMs())).append('\n');
      y.append("  spark.speculation.multiplier: ").append(c.speculation().multiplier()).append('\n');
      y.append("  spark.speculation.quantile: ").append(c.speculation().quantile()).append('\n');
      y.append("  spark.speculation.minTaskRuntime: ").append(ms(c.speculation().minTaskRuntimeMs())).append('\n');
    }
    ExcludeOnFailureConf x = c.excludeOnFailure();
    if (!x.equals(ExcludeOnFailureConf.DISABLED)) {
      y.append("  spark.excludeOnFailure.enabled: ").append(x.enabled()).append('\n');
      y.append("  spark.excludeOnFailure.task.maxTaskAttemptsPerExecutor: ").append(x.maxTaskAttemptsPerExecutor()).append('\n');
      y.append("  spark.excludeOnFailure.task.maxTaskAttemptsPerNode: ").append(x.maxTaskAttemptsPerNode()).append('\n');
      y.append("  spark.excludeOnFailure.stage.maxFailedTasksPerExecutor: ").append(x.stageMaxFailedTasksPerExecutor()).append('\n');
      y.append("  spark.excludeOnFailure.stage.maxFailedExecutorsPerNode: ").append(x.stageMaxFailedExecutorsPerNode()).append('\n');
      y.append("  spark.excludeOnFailure.application.maxFailedTasksPerExecutor: ")
          .append(x.applicationMaxFailedTasksPerExecutor()).append('\n');
      y.append("  spark.excludeOnFailure.application.maxFailedExecutorsPerNode: ")
          .append(x.applicationMaxFailedExecutorsPerNode()).append('\n');
      y.append("  spark.excludeOnFailure.timeout: ").append(ms(x.timeoutMs())).append('\n');
      y.append("  spark.scheduler.excludeOnFailure.unschedulableTaskSetTimeout: ")
          .append(ms(x.unschedulableTaskSetTimeoutMs())).append('\n');
    }
    if (!spec.pools().isEmpty()) {
      y.append("pools:\n");
      for (PoolSpec p : spec.pools()) {
        y.append("  - {name: ").append(p.name()).append(", schedulingMode: ").append(p.schedulingMode().name())
            .append(", weight: ").append(p.weight()).append(", minShare: ").append(p.minShare()).append("}\n");
      }
    }
    SimulationSettings s = spec.settings();
    y.append("simulation:\n");
    y.append("  backend: ").append(s.backend() == Backend.LOCAL ? "local" : "coarse-grained").append('\n');
    y.append("  latency: {launch: ").append(ms(s.launchLatencyMs())).append(", statusUpdate: ")
        .append(ms(s.statusUpdateLatencyMs())).append("}\n");
    y.append("  killLatency: ")
        .append(s.killLatencyMs() == SimulationSettings.KILL_UNTIL_DONE ? "untilDone" : ms(s.killLatencyMs())).append('\n');
    y.append("  barrierPollInterval: ").append(ms(s.barrierPollIntervalMs())).append('\n');
    if (s.horizonMs() != Long.MAX_VALUE) y.append("  horizon: ").append(ms(s.horizonMs())).append('\n');
    y.append("  maxEvents: ").append(s.maxEvents()).append('\n');
    if (s.offerOrder() == OfferOrder.SHUFFLED) y.append("  offerOrder: shuffled\n");
    y.append("  barrierPartialRerun: ").append(s.barrierPartialRerun() == BarrierRerun.WHOLE ? "whole" : "spark").append('\n');
    y.append("jobs:\n");
    for (JobSpec j : spec.jobs()) {
      y.append("  - name: ").append(j.name()).append('\n');
      y.append("    submitAt: ").append(ms(j.submitAtMs())).append('\n');
      if (!j.pool().equals("default")) y.append("    pool: ").append(j.pool()).append('\n');
      RepeatSpec r = j.repeat();
      if (r != null) {
        y.append("    repeat: {count: ").append(r.count()).append(", ")
            .append(r.gap() == RepeatSpec.Gap.FIXED ? "every: " + ms(r.gapMs()) : "poisson: {mean: " + ms(r.gapMs()) + "}")
            .append("}\n");
      }
      y.append("    stages:\n");
      for (StageSpec st : j.stages()) stage(y, st, j.name());
    }
    var f = spec.failures();
    if (!f.tasks().isEmpty() || f.taskFailureProbability() > 0 || !f.executors().isEmpty()) {
      y.append("failures:\n");
      if (!f.tasks().isEmpty()) {
        y.append("  tasks:\n");
        for (TaskFailureSpec t : f.tasks()) {
          y.append("    - {job: \"").append(t.job()).append("\", stage: ").append(t.stage()).append(", partition: ")
              .append(t.partition()).append(", stageAttempt: ").append(t.stageAttempt()).append(", attempt: ")
              .append(t.attempt());
          if (t.afterMs() != TaskFailureSpec.AT_END) y.append(", after: ").append(ms(t.afterMs()));
          y.append(", kind: ").append(t.kind().name().toLowerCase(java.util.Locale.ROOT));
          if (t.replaceAfterMs() != ExecutorFailureSpec.NEVER) y.append(", replaceAfter: ").append(ms(t.replaceAfterMs()));
          y.append("}\n");
        }
      }
      if (f.taskFailureProbability() > 0) y.append("  taskFailureProbability: ").append(f.taskFailureProbability()).append('\n');
      if (!f.executors().isEmpty()) {
        y.append("  executors:\n");
        for (ExecutorFailureSpec e : f.executors()) {
          if (e instanceof ExecutorFailureSpec.Scripted sc) {
            y.append("    - {lose: \"").append(sc.executorId()).append("\", at: ").append(ms(sc.atMs()));
            if (sc.replaceAfterMs() != ExecutorFailureSpec.NEVER) y.append(", replaceAfter: ").append(ms(sc.replaceAfterMs()));
            if (sc.causedByApp()) y.append(", cause: app");
            y.append("}\n");
          } else if (e instanceof ExecutorFailureSpec.Random rd) {
            y.append("    - {mtbf: ").append(ms(rd.mtbfMs()));
            if (rd.replaceAfterMs() != ExecutorFailureSpec.Random.NEVER) y.append(", replaceAfter: ").append(ms(rd.replaceAfterMs()));
            if (rd.causedByApp()) y.append(", cause: app");
            y.append("}\n");
          }
        }
      }
    }
    return y.toString();
  }

  private static void stage(StringBuilder y, StageSpec st, String job) {
    y.append("      - name: ").append(st.name()).append('\n');
    y.append("        tasks: ").append(st.tasks()).append('\n');
    if (st.barrier()) y.append("        barrier: true\n");
    if (!st.parents().isEmpty()) y.append("        parents: [").append(String.join(", ", st.parents())).append("]\n");
    if (st.resources() != null) y.append("        resources: ").append(map(st.resources())).append('\n');
    if (st.phases().size() == 1) {
      y.append("        duration: ").append(duration(st.phases().get(0))).append('\n');
    } else {
      y.append("        phases:\n");
      for (DurationSpec p : st.phases()) y.append("          - ").append(duration(p)).append('\n');
    }
    if (st.stragglers() != null) {
      y.append("        stragglers: {probability: ").append(st.stragglers().probability()).append(", slowdown: ")
          .append(st.stragglers().slowdown()).append("}\n");
    }
    if (st.locality() != null && st.locality().cachedFromStage() != null) {
      boolean own = st.locality().cachedFromJob() == null || st.locality().cachedFromJob().equals(job);
      y.append("        cachedFrom: ").append(own ? "" : st.locality().cachedFromJob() + ".")
          .append(st.locality().cachedFromStage()).append('\n');
    }
    if (st.locality() != null && !st.locality().inputHosts().isEmpty()) {
      List<String> lists = new ArrayList<>();
      for (List<String> hs : st.locality().inputHosts()) lists.add("[" + String.join(", ", hs) + "]");
      y.append("        inputHosts: [").append(String.join(", ", lists)).append("]\n");
    }
  }

  /** A duration spec as a flow mapping. */
  static String duration(DurationSpec d) {
    String clamps = (d.minMs() > 1 ? ", min: " + ms(d.minMs()) : "") + (d.maxMs() != DurationSpec.NO_MAX ? ", max: " + ms(d.maxMs()) : "");
    Distribution dist = d.dist();
    if (dist instanceof Distribution.Constant c) return "{dist: constant, value: " + ms(c.valueMs()) + clamps + "}";
    if (dist instanceof Distribution.PerPartition p) return "{dist: values, values: " + msList(p.valuesMs()) + clamps + "}";
    if (dist instanceof Distribution.Empirical p) return "{dist: empirical, values: " + msList(p.valuesMs()) + clamps + "}";
    Distribution.Continuous c = (Distribution.Continuous) dist;
    return switch (c.kind()) {
      case UNIFORM -> "{dist: uniform, min: " + ms(c.a()) + ", max: " + ms(c.b()) + "}";
      case EXPONENTIAL -> "{dist: exponential, mean: " + ms(c.a()) + clamps + "}";
      case LOGNORMAL -> "{dist: lognormal, median: " + ms(c.a()) + ", sigma: " + c.b() + clamps + "}";
      case WEIBULL -> "{dist: weibull, shape: " + c.a() + ", scale: " + ms(c.b()) + clamps + "}";
      case GAMMA -> "{dist: gamma, shape: " + c.a() + ", scale: " + ms(c.b()) + clamps + "}";
      case PARETO -> "{dist: pareto, scale: " + ms(c.a()) + ", shape: " + c.b() + clamps + "}";
      case NORMAL -> "{dist: normal, mean: " + ms(c.a()) + ", stddev: " + ms(c.b()) + clamps + "}";
    };
  }

  private static String group(ExecutorGroup g) {
    return "{count: " + g.count() + ", cores: " + g.cores() + (g.resources().isEmpty() ? "" : ", resources: " + map(g.resources()))
        + ", executorsPerHost: " + g.executorsPerHost() + (g.rack() == null ? "" : ", rack: " + g.rack())
        + (g.launchLatencyMs() < 0 ? "" : ", launchLatency: " + ms(g.launchLatencyMs())) + "}";
  }

  private static String map(Map<String, Integer> m) {
    List<String> parts = new ArrayList<>();
    new java.util.TreeMap<>(m).forEach((k, v) -> parts.add(k + ": " + v));
    return "{" + String.join(", ", parts) + "}";
  }

  private static String quotedList(List<String> ids) {
    return "[" + String.join(", ", ids.stream().map(i -> "\"" + i + "\"").toList()) + "]";
  }

  private static String msList(long[] v) {
    List<String> parts = new ArrayList<>();
    for (long x : v) parts.add(ms(x));
    return "[" + String.join(", ", parts) + "]";
  }

  /** Whole milliseconds, e.g. {@code 1500ms}. */
  static String ms(long v) {
    return v + "ms";
  }

  private static String ms(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return (long) v + "ms";
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() + "ms";
  }
}
