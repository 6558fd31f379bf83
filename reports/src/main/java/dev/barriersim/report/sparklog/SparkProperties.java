package dev.barriersim.report.sparklog;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.spark.Backend;
import dev.barriersim.core.spark.ExcludeOnFailureConf;
import dev.barriersim.core.spark.LocalityConf;
import dev.barriersim.core.spark.SchedulingMode;
import dev.barriersim.core.spark.SparkConf;
import dev.barriersim.core.spark.SpeculationConf;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code Spark Properties} of the environment event: the settings a simulated run used, under
 * Spark's keys, so the history server shows them and {@code import} reads them back. The master
 * is {@code local[N]} or {@code local[N,F]} for the local backend, else {@code barriersim} (a
 * simulated coarse-grained cluster). Locality waits are always written; speculation and exclusion
 * keys only when they are enabled, as a real application's log has them only when set.
 */
final class SparkProperties {
  /** The master of a simulated coarse-grained cluster. */
  static final String SIMULATED_MASTER = "barriersim";

  private SparkProperties() {}

  /** The properties, sorted by key. */
  static Map<String, String> of(SimulationSpec spec, String appId, String appName) {
    SparkConf c = spec.conf();
    Map<String, String> p = new TreeMap<>();
    p.put("spark.app.id", appId);
    p.put("spark.app.name", appName);
    p.put("spark.eventLog.enabled", "true");
    p.put("spark.master", master(spec));
    p.put("spark.task.cpus", String.valueOf(c.taskCpus()));
    c.taskResources().forEach((name, amount) -> p.put("spark.task.resource." + name + ".amount", String.valueOf(amount)));
    p.put("spark.scheduler.mode", c.schedulingMode() == SchedulingMode.FAIR ? "FAIR" : "FIFO");
    p.put("spark.scheduler.revive.interval", c.reviveIntervalMs() + "ms");
    p.put("spark.scheduler.barrier.maxConcurrentTasksCheck.interval", c.slotCheckIntervalMs() + "ms");
    p.put("spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures", String.valueOf(c.slotCheckMaxFailures()));
    p.put("spark.barrier.sync.timeout", c.barrierSyncTimeoutMs() + "ms");
    p.put("spark.stage.maxConsecutiveAttempts", String.valueOf(c.maxConsecutiveAttempts()));
    p.put("spark.task.maxFailures", String.valueOf(c.taskMaxFailures()));
    p.put("spark.dynamicAllocation.enabled", String.valueOf(c.dynamicAllocation()));
    p.put("spark.job.interruptOnCancel", String.valueOf(c.interruptOnCancel()));
    locality(p, c.locality());
    speculation(p, c.speculation());
    excludeOnFailure(p, c.excludeOnFailure());
    p.put("spark.barriersim.seed", String.valueOf(spec.seed()));
    return p;
  }

  private static void locality(Map<String, String> p, LocalityConf l) {
    p.put("spark.locality.wait.process", l.processWaitMs() + "ms");
    p.put("spark.locality.wait.node", l.nodeWaitMs() + "ms");
    p.put("spark.locality.wait.rack", l.rackWaitMs() + "ms");
    p.put("spark.locality.wait.legacyResetOnTaskLaunch", String.valueOf(l.legacyResetOnTaskLaunch()));
    p.put("spark.shuffle.reduceLocality.enabled", String.valueOf(l.reduceLocality()));
  }

  private static void speculation(Map<String, String> p, SpeculationConf s) {
    if (!s.enabled()) return;
    p.put("spark.speculation", "true");
    p.put("spark.speculation.interval", s.intervalMs() + "ms");
    p.put("spark.speculation.multiplier", String.valueOf(s.multiplier()));
    p.put("spark.speculation.quantile", String.valueOf(s.quantile()));
    p.put("spark.speculation.minTaskRuntime", s.minTaskRuntimeMs() + "ms");
  }

  private static void excludeOnFailure(Map<String, String> p, ExcludeOnFailureConf x) {
    if (!x.enabled()) return;
    String k = "spark.excludeOnFailure.";
    p.put(k + "enabled", "true");
    p.put(k + "task.maxTaskAttemptsPerExecutor", String.valueOf(x.maxTaskAttemptsPerExecutor()));
    p.put(k + "task.maxTaskAttemptsPerNode", String.valueOf(x.maxTaskAttemptsPerNode()));
    p.put(k + "stage.maxFailedTasksPerExecutor", String.valueOf(x.stageMaxFailedTasksPerExecutor()));
    p.put(k + "stage.maxFailedExecutorsPerNode", String.valueOf(x.stageMaxFailedExecutorsPerNode()));
    p.put(k + "application.maxFailedTasksPerExecutor", String.valueOf(x.applicationMaxFailedTasksPerExecutor()));
    p.put(k + "application.maxFailedExecutorsPerNode", String.valueOf(x.applicationMaxFailedExecutorsPerNode()));
    p.put(k + "timeout", x.timeoutMs() + "ms");
    p.put("spark.scheduler.excludeOnFailure.unschedulableTaskSetTimeout", x.unschedulableTaskSetTimeoutMs() + "ms");
  }

  private static String master(SimulationSpec spec) {
    if (spec.settings().backend() != Backend.LOCAL) return SIMULATED_MASTER;
    int cores = spec.cluster().executors().stream().mapToInt(ExecutorGroup::cores).max().orElse(1);
    int failures = spec.conf().taskMaxFailures();
    return failures == 1 ? "local[" + cores + "]" : "local[" + cores + "," + failures + "]";
  }
}
