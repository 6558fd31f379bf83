package dev.barriersim.core.spark;

/**
 * {@code simulation.barrierPartialRerun}: what reruns when a barrier map stage loses outputs without
 * a barrier task failure (an executor lost after the stage finished, or a late success registered
 * between a failure and the kill).
 */
public enum BarrierRerun {
  /**
   * Spark 3.5.9 (the default): only the missing partitions rerun ({@code findMissingPartitions}),
   * and that attempt's {@code barrier()} waits for every partition of the stage, so it fails at
   * {@code spark.barrier.sync.timeout}.
   */
  SPARK,
  /** The whole stage reruns: lost outputs take the stage's other outputs with them, late successes are ignored. */
  WHOLE
}
