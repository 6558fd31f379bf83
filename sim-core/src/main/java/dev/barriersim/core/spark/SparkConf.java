package dev.barriersim.core.spark;

import java.util.Map;
import java.util.TreeMap;

/**
 * The Spark configuration keys the scheduler reads, with Spark 3.5's defaults.
 *
 * @param taskCpus {@code spark.task.cpus}
 * @param taskResources {@code spark.task.resource.<name>.amount}, per task
 * @param schedulingMode {@code spark.scheduler.mode}
 * @param reviveIntervalMs {@code spark.scheduler.revive.interval}
 * @param slotCheckIntervalMs {@code spark.scheduler.barrier.maxConcurrentTasksCheck.interval} as
 *     given; Spark reads it in whole seconds ({@link #slotCheckRetryDelayMs()})
 * @param slotCheckMaxFailures {@code spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures}
 * @param barrierSyncTimeoutMs {@code spark.barrier.sync.timeout}
 * @param maxConsecutiveAttempts {@code spark.stage.maxConsecutiveAttempts}
 * @param taskMaxFailures {@code spark.task.maxFailures}
 * @param dynamicAllocation {@code spark.dynamicAllocation.enabled}
 * @param interruptOnCancel {@code spark.job.interruptOnCancel}
 * @param locality the delay-scheduling keys ({@code spark.locality.wait*},
 *     {@code spark.shuffle.reduceLocality.enabled})
 * @param speculation {@code spark.speculation} and its keys
 * @param excludeOnFailure {@code spark.excludeOnFailure.*} ({@link ExcludeOnFailureConf#DISABLED} by default)
 */
public record SparkConf(
    int taskCpus,
    Map<String, Integer> taskResources,
    SchedulingMode schedulingMode,
    long reviveIntervalMs,
    long slotCheckIntervalMs,
    int slotCheckMaxFailures,
    long barrierSyncTimeoutMs,
    int maxConsecutiveAttempts,
    int taskMaxFailures,
    boolean dynamicAllocation,
    boolean interruptOnCancel,
    LocalityConf locality,
    SpeculationConf speculation,
    ExcludeOnFailureConf excludeOnFailure) {

  /** Spark's defaults. */
  public static final SparkConf DEFAULTS = new SparkConf(
      1, Map.of(), SchedulingMode.FIFO, 1_000, 15_000, 40, 365L * 24 * 3600 * 1000, 4, 4, false, false);

  /** A configuration with Spark's delay-scheduling defaults, speculation and exclusion off (Spark's defaults). */
  public SparkConf(int taskCpus, Map<String, Integer> taskResources, SchedulingMode schedulingMode,
      long reviveIntervalMs, long slotCheckIntervalMs, int slotCheckMaxFailures, long barrierSyncTimeoutMs,
      int maxConsecutiveAttempts, int taskMaxFailures, boolean dynamicAllocation, boolean interruptOnCancel) {
    this(taskCpus, taskResources, schedulingMode, reviveIntervalMs, slotCheckIntervalMs, slotCheckMaxFailures,
        barrierSyncTimeoutMs, maxConsecutiveAttempts, taskMaxFailures, dynamicAllocation, interruptOnCancel,
        LocalityConf.DEFAULTS, SpeculationConf.DEFAULTS, ExcludeOnFailureConf.DISABLED);
  }

  /** The same configuration with other delay-scheduling keys. */
  public SparkConf withLocality(LocalityConf l) {
    return new SparkConf(taskCpus, taskResources, schedulingMode, reviveIntervalMs, slotCheckIntervalMs,
        slotCheckMaxFailures, barrierSyncTimeoutMs, maxConsecutiveAttempts, taskMaxFailures, dynamicAllocation,
        interruptOnCancel, l, speculation, excludeOnFailure);
  }

  /** The same configuration with other speculation keys. */
  public SparkConf withSpeculation(SpeculationConf s) {
    return new SparkConf(taskCpus, taskResources, schedulingMode, reviveIntervalMs, slotCheckIntervalMs,
        slotCheckMaxFailures, barrierSyncTimeoutMs, maxConsecutiveAttempts, taskMaxFailures, dynamicAllocation,
        interruptOnCancel, locality, s, excludeOnFailure);
  }

  /** Checks each key's range as Spark's config checks do. */
  public SparkConf {
    if (taskCpus < 1) throw new IllegalArgumentException("spark.task.cpus must be >= 1");
    taskResources = Map.copyOf(new TreeMap<>(taskResources == null ? Map.of() : taskResources));
    taskResources.forEach((k, v) -> {
      if (v < 0) throw new IllegalArgumentException("spark.task.resource." + k + ".amount must be >= 0");
    });
    if (schedulingMode == null) throw new IllegalArgumentException("spark.scheduler.mode is required");
    if (reviveIntervalMs < 1) throw new IllegalArgumentException("spark.scheduler.revive.interval must be > 0");
    if (slotCheckIntervalMs < 0) throw new IllegalArgumentException("maxConcurrentTasksCheck.interval must be >= 0");
    if (slotCheckMaxFailures < 1) throw new IllegalArgumentException("maxConcurrentTasksCheck.maxFailures must be > 0");
    if (barrierSyncTimeoutMs < 1000) throw new IllegalArgumentException("spark.barrier.sync.timeout must be >= 1s");
    if (maxConsecutiveAttempts < 1) throw new IllegalArgumentException("spark.stage.maxConsecutiveAttempts must be >= 1");
    if (taskMaxFailures < 1) throw new IllegalArgumentException("spark.task.maxFailures must be >= 1");
    if (locality == null) locality = LocalityConf.DEFAULTS;
    if (speculation == null) speculation = SpeculationConf.DEFAULTS;
    if (excludeOnFailure == null) excludeOnFailure = ExcludeOnFailureConf.DISABLED;
    String refusal = excludeOnFailure.refusal(taskMaxFailures);
    if (refusal != null) throw new IllegalArgumentException(refusal);
  }

  /** The same keys with {@code spark.excludeOnFailure.*} replaced. */
  public SparkConf withExcludeOnFailure(ExcludeOnFailureConf e) {
    return new SparkConf(taskCpus, taskResources, schedulingMode, reviveIntervalMs, slotCheckIntervalMs,
        slotCheckMaxFailures, barrierSyncTimeoutMs, maxConsecutiveAttempts, taskMaxFailures, dynamicAllocation,
        interruptOnCancel, locality, speculation, e);
  }

  /** The slot-check retry delay: Spark reads the interval with {@code timeConf(SECONDS)}, so 1500ms is 1s. */
  public long slotCheckRetryDelayMs() {
    return slotCheckIntervalMs / 1000 * 1000;
  }

  /** The sync timeout in whole seconds, as Spark reads it and prints it in its message. */
  public long barrierSyncTimeoutSeconds() {
    return barrierSyncTimeoutMs / 1000;
  }
}
