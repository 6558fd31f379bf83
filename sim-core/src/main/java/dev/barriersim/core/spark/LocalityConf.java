package dev.barriersim.core.spark;

/**
 * Spark's delay-scheduling keys, resolved: each level's wait falls back to {@code
 * spark.locality.wait} (3 s) as Spark's {@code spark.locality.wait.process}, {@code .node} and
 * {@code .rack} do.
 *
 * @param processWaitMs {@code spark.locality.wait.process}
 * @param nodeWaitMs {@code spark.locality.wait.node}
 * @param rackWaitMs {@code spark.locality.wait.rack}
 * @param reduceLocality {@code spark.shuffle.reduceLocality.enabled}: shuffle-read tasks prefer the
 *     hosts holding at least 20 % of their input. Off unless asked for (Spark: on): barriersim does
 *     not model map output sizes, so the rule would run on equal sizes, and every scenario with a
 *     shuffle would gain preferences its author did not write
 * @param legacyResetOnTaskLaunch {@code spark.locality.wait.legacyResetOnTaskLaunch}: the pre-3.1
 *     timer reset on every launch; barrier TaskSets then wait 0 and abort on a partial placement
 */
public record LocalityConf(long processWaitMs, long nodeWaitMs, long rackWaitMs, boolean reduceLocality,
    boolean legacyResetOnTaskLaunch) {

  /** Spark 3.5's defaults (3 s at every level, non-legacy reset), reduce locality off. */
  public static final LocalityConf DEFAULTS = new LocalityConf(3_000, 3_000, 3_000, false, false);

  /** Checks that no wait is negative. */
  public LocalityConf {
    if (processWaitMs < 0 || nodeWaitMs < 0 || rackWaitMs < 0) {
      throw new IllegalArgumentException("spark.locality.wait must be >= 0");
    }
  }
}
