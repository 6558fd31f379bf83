package dev.barriersim.core.spark;

/**
 * Spark's {@code spark.excludeOnFailure.*} keys ({@code HealthTracker}, {@code TaskSetExcludelist}),
 * with Spark 3.5's defaults; off unless {@code enabled}.
 *
 * @param enabled {@code spark.excludeOnFailure.enabled}
 * @param maxTaskAttemptsPerExecutor {@code spark.excludeOnFailure.task.maxTaskAttemptsPerExecutor}
 * @param maxTaskAttemptsPerNode {@code spark.excludeOnFailure.task.maxTaskAttemptsPerNode}
 * @param stageMaxFailedTasksPerExecutor {@code spark.excludeOnFailure.stage.maxFailedTasksPerExecutor}
 * @param stageMaxFailedExecutorsPerNode {@code spark.excludeOnFailure.stage.maxFailedExecutorsPerNode}
 * @param applicationMaxFailedTasksPerExecutor {@code spark.excludeOnFailure.application.maxFailedTasksPerExecutor}
 * @param applicationMaxFailedExecutorsPerNode {@code spark.excludeOnFailure.application.maxFailedExecutorsPerNode}
 * @param timeoutMs {@code spark.excludeOnFailure.timeout}: how long an application-level exclusion lasts
 * @param unschedulableTaskSetTimeoutMs {@code spark.scheduler.excludeOnFailure.unschedulableTaskSetTimeout},
 *     in whole seconds as Spark reads it: how long a completely excluded TaskSet may wait before it aborts
 */
public record ExcludeOnFailureConf(
    boolean enabled,
    int maxTaskAttemptsPerExecutor,
    int maxTaskAttemptsPerNode,
    int stageMaxFailedTasksPerExecutor,
    int stageMaxFailedExecutorsPerNode,
    int applicationMaxFailedTasksPerExecutor,
    int applicationMaxFailedExecutorsPerNode,
    long timeoutMs,
    long unschedulableTaskSetTimeoutMs) {

  /** Spark's defaults, exclusion off. */
  public static final ExcludeOnFailureConf DISABLED = new ExcludeOnFailureConf(false, 1, 2, 2, 2, 2, 2, 3_600_000L, 120_000L);

  /** Spark's defaults with exclusion on. */
  public static final ExcludeOnFailureConf ENABLED = DISABLED.withEnabled(true);

  /** Spark checks the keys only when exclusion is on ({@code HealthTracker.validateExcludeOnFailureConfs}). */
  public ExcludeOnFailureConf {
    if (enabled) {
      positive("spark.excludeOnFailure.task.maxTaskAttemptsPerExecutor", maxTaskAttemptsPerExecutor);
      positive("spark.excludeOnFailure.task.maxTaskAttemptsPerNode", maxTaskAttemptsPerNode);
      positive("spark.excludeOnFailure.stage.maxFailedTasksPerExecutor", stageMaxFailedTasksPerExecutor);
      positive("spark.excludeOnFailure.stage.maxFailedExecutorsPerNode", stageMaxFailedExecutorsPerNode);
      positive("spark.excludeOnFailure.application.maxFailedTasksPerExecutor", applicationMaxFailedTasksPerExecutor);
      positive("spark.excludeOnFailure.application.maxFailedExecutorsPerNode", applicationMaxFailedExecutorsPerNode);
      positive("spark.excludeOnFailure.timeout", timeoutMs);
      if (unschedulableTaskSetTimeoutMs < 0) {
        throw new IllegalArgumentException("spark.scheduler.excludeOnFailure.unschedulableTaskSetTimeout must be >= 0");
      }
    }
  }

  /** The same keys, switched on or off. */
  public ExcludeOnFailureConf withEnabled(boolean on) {
    return new ExcludeOnFailureConf(on, maxTaskAttemptsPerExecutor, maxTaskAttemptsPerNode, stageMaxFailedTasksPerExecutor,
        stageMaxFailedExecutorsPerNode, applicationMaxFailedTasksPerExecutor, applicationMaxFailedExecutorsPerNode,
        timeoutMs, unschedulableTaskSetTimeoutMs);
  }

  /**
   * Spark's refusal at start-up when a bad node could fail a task {@code spark.task.maxFailures} times
   * ({@code validateExcludeOnFailureConfs}), or null when the keys agree.
   */
  public String refusal(int taskMaxFailures) {
    if (!enabled || maxTaskAttemptsPerNode < taskMaxFailures) return null;
    return "spark.excludeOnFailure.task.maxTaskAttemptsPerNode ( = " + maxTaskAttemptsPerNode + ") was >= "
        + "spark.task.maxFailures ( = " + taskMaxFailures + " ). Though excludeOnFailure is enabled, with this "
        + "configuration, Spark will not be robust to one bad node. Decrease "
        + "spark.excludeOnFailure.task.maxTaskAttemptsPerNode, increase spark.task.maxFailures, or disable "
        + "excludeOnFailure with spark.excludeOnFailure.enabled";
  }

  private static void positive(String key, long v) {
    if (v <= 0) throw new IllegalArgumentException(key + " was " + v + ", but must be > 0.");
  }
}
