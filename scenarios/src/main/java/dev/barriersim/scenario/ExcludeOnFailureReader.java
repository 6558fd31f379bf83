package dev.barriersim.scenario;

import dev.barriersim.core.spark.ExcludeOnFailureConf;
import java.util.List;

/**
 * Reads the {@code spark.excludeOnFailure.*} keys of the {@code spark:} section, with Spark's
 * defaults, and Spark's start-up checks when exclusion is on ({@code HealthTracker.validateExcludeOnFailureConfs}).
 */
final class ExcludeOnFailureReader {
  private ExcludeOnFailureReader() {}

  static final String ENABLED = "spark.excludeOnFailure.enabled";
  static final String TASK_PER_EXECUTOR = "spark.excludeOnFailure.task.maxTaskAttemptsPerExecutor";
  static final String TASK_PER_NODE = "spark.excludeOnFailure.task.maxTaskAttemptsPerNode";
  static final String STAGE_TASKS_PER_EXECUTOR = "spark.excludeOnFailure.stage.maxFailedTasksPerExecutor";
  static final String STAGE_EXECUTORS_PER_NODE = "spark.excludeOnFailure.stage.maxFailedExecutorsPerNode";
  static final String APP_TASKS_PER_EXECUTOR = "spark.excludeOnFailure.application.maxFailedTasksPerExecutor";
  static final String APP_EXECUTORS_PER_NODE = "spark.excludeOnFailure.application.maxFailedExecutorsPerNode";
  static final String TIMEOUT = "spark.excludeOnFailure.timeout";
  static final String UNSCHEDULABLE_TIMEOUT = "spark.scheduler.excludeOnFailure.unschedulableTaskSetTimeout";

  /** Every key, in the order the docs list them. */
  static final List<String> KEYS = List.of(ENABLED, TASK_PER_EXECUTOR, TASK_PER_NODE, STAGE_TASKS_PER_EXECUTOR,
      STAGE_EXECUTORS_PER_NODE, APP_TASKS_PER_EXECUTOR, APP_EXECUTORS_PER_NODE, TIMEOUT, UNSCHEDULABLE_TIMEOUT);

  private static final List<String> COUNTS = List.of(TASK_PER_EXECUTOR, TASK_PER_NODE, STAGE_TASKS_PER_EXECUTOR,
      STAGE_EXECUTORS_PER_NODE, APP_TASKS_PER_EXECUTOR, APP_EXECUTORS_PER_NODE);

  /** Reads the keys of {@code f}; {@code taskMaxFailures} is {@code spark.task.maxFailures} (null if invalid). */
  static ExcludeOnFailureConf read(LoadContext c, Fields f, Integer taskMaxFailures) {
    ExcludeOnFailureConf d = ExcludeOnFailureConf.DISABLED;
    int before = c.problemCount();
    Boolean enabled = f.has(ENABLED) ? Values.bool(c, f.get(ENABLED), f.path(ENABLED), true) : Boolean.FALSE;
    int[] defaults = {d.maxTaskAttemptsPerExecutor(), d.maxTaskAttemptsPerNode(), d.stageMaxFailedTasksPerExecutor(),
        d.stageMaxFailedExecutorsPerNode(), d.applicationMaxFailedTasksPerExecutor(), d.applicationMaxFailedExecutorsPerNode()};
    int[] counts = new int[COUNTS.size()];
    for (int i = 0; i < counts.length; i++) {
      String key = COUNTS.get(i);
      Integer v = f.has(key) ? Values.integer(c, f.get(key), f.path(key), 0, Integer.MAX_VALUE, true) : defaults[i];
      if (v == null) continue;
      counts[i] = v;
      // Spark checks these only when exclusion is on, with this message.
      if (Boolean.TRUE.equals(enabled) && v <= 0) {
        c.report(f.get(key), f.path(key), key + " was " + v + ", but must be > 0.", "write 1 or more");
      }
    }
    Long timeout = f.has(TIMEOUT) ? Values.duration(c, f.get(TIMEOUT), f.path(TIMEOUT), 0) : d.timeoutMs();
    if (timeout != null && Boolean.TRUE.equals(enabled) && timeout <= 0) {
      c.report(f.get(TIMEOUT), f.path(TIMEOUT), TIMEOUT + " was 0, but must be > 0.", "write 1ms or more, e.g. 1h");
    }
    Long unschedulable = f.has(UNSCHEDULABLE_TIMEOUT)
        ? Values.duration(c, f.get(UNSCHEDULABLE_TIMEOUT), f.path(UNSCHEDULABLE_TIMEOUT), 0)
        : d.unschedulableTaskSetTimeoutMs();
    if (c.problemCount() != before || enabled == null || timeout == null || unschedulable == null) return null;
    ExcludeOnFailureConf conf = new ExcludeOnFailureConf(enabled, counts[0], counts[1], counts[2], counts[3], counts[4],
        counts[5], timeout, unschedulable);
    String refusal = taskMaxFailures == null ? null : conf.refusal(taskMaxFailures);
    if (refusal != null) {
      String at = f.has(TASK_PER_NODE) ? TASK_PER_NODE : ENABLED;
      c.report(f.get(at), f.path(at), refusal, "set " + TASK_PER_NODE + " below spark.task.maxFailures ("
          + taskMaxFailures + "), or raise spark.task.maxFailures");
      return null;
    }
    return conf;
  }
}
