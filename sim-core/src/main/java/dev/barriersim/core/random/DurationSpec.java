package dev.barriersim.core.random;

/**
 * A distribution with optional clamps: a draw is rounded to the nearest millisecond, clamped to
 * {@code [minMs, maxMs]} and is never below 1 ms.
 */
public record DurationSpec(Distribution dist, long minMs, long maxMs) {
  /** No clamp beyond the 1 ms floor. */
  public static final long NO_MAX = Long.MAX_VALUE;

  /** Checks the clamps. */
  public DurationSpec {
    if (dist == null) throw new IllegalArgumentException("dist is required");
    if (minMs < 1) minMs = 1;
    if (maxMs < minMs) throw new IllegalArgumentException("max must be >= min");
  }

  /** A fixed duration. */
  public static DurationSpec constant(long ms) {
    return new DurationSpec(new Distribution.Constant(ms), 1, NO_MAX);
  }

  /** An unclamped distribution. */
  public static DurationSpec of(Distribution dist) {
    return new DurationSpec(dist, 1, NO_MAX);
  }

  /** Rounds and clamps a raw draw. */
  public long clamp(double raw) {
    if (Double.isNaN(raw)) return minMs;
    double r = Math.rint(raw);
    if (r <= minMs) return minMs;
    if (r >= maxMs) return maxMs;
    return (long) r;
  }

  /** Draws one duration for {@code partition} with a positioned generator. */
  public long draw(org.apache.commons.math3.random.RandomGenerator rng, int partition) {
    return clamp(dist.sample(rng, partition));
  }

  /** Delegates to the distribution. */
  public void checkPartitions(int tasks) {
    dist.checkPartitions(tasks);
  }
}
