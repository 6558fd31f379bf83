package dev.barriersim.core.spark;

/**
 * Spark's speculation keys, with Spark 3.5.9's defaults ({@code org.apache.spark.internal.config}).
 *
 * @param enabled {@code spark.speculation}, default false
 * @param intervalMs {@code spark.speculation.interval}: how often the driver's speculation thread
 *     runs {@code checkSpeculatableTasks}, default 100ms
 * @param multiplier {@code spark.speculation.multiplier}: how many times the median successful
 *     duration a task must run before it is speculated, default 1.5
 * @param quantile {@code spark.speculation.quantile}: the share of a TaskSet's tasks that must have
 *     succeeded before it speculates, default 0.75 (3.5.9; Spark 4.0 raised it to 0.9)
 * @param minTaskRuntimeMs {@code spark.speculation.minTaskRuntime}: the least runtime a task must
 *     exceed before it is speculated, default 100ms
 */
public record SpeculationConf(boolean enabled, long intervalMs, double multiplier, double quantile,
    long minTaskRuntimeMs) {

  /** Spark's defaults: speculation off. */
  public static final SpeculationConf DEFAULTS = new SpeculationConf(false, 100, 1.5, 0.75, 100);

  /** Checks each value as Spark would use it. */
  public SpeculationConf {
    // Spark's scheduleWithFixedDelay refuses a delay of 0.
    if (intervalMs < 1) throw new IllegalArgumentException("spark.speculation.interval must be > 0");
    if (!Double.isFinite(multiplier)) throw new IllegalArgumentException("spark.speculation.multiplier must be a number");
    if (!Double.isFinite(quantile)) throw new IllegalArgumentException("spark.speculation.quantile must be a number");
    if (minTaskRuntimeMs < 0) throw new IllegalArgumentException("spark.speculation.minTaskRuntime must be >= 0");
  }

  /** Speculation on, with the other keys at their defaults. */
  public static SpeculationConf on() {
    return new SpeculationConf(true, DEFAULTS.intervalMs, DEFAULTS.multiplier, DEFAULTS.quantile,
        DEFAULTS.minTaskRuntimeMs);
  }

  /**
   * {@code minFinishedForSpeculation}: successful tasks a TaskSet of {@code numTasks} needs before
   * its running tasks are measured against the median, {@code max(floor(quantile * numTasks), 1)}.
   */
  public int minFinished(int numTasks) {
    return Math.max((int) Math.floor(quantile * numTasks), 1);
  }

  /** The runtime a task must exceed: {@code max(multiplier * median, minTaskRuntime)}. */
  public double threshold(long medianMs) {
    return Math.max(multiplier * medianMs, minTaskRuntimeMs);
  }
}
