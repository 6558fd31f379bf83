package dev.barriersim.core.workload;

/**
 * A job submitted {@code count} times: instances {@code name#1 .. name#count}, the first at the
 * job's {@code submitAt}, then separated by a fixed gap or by exponential gaps of the given mean.
 */
public record RepeatSpec(int count, Gap gap, long gapMs) {
  /** How the gap between two instances is chosen. */
  public enum Gap { FIXED, POISSON }

  /** Checks the count and gap. */
  public RepeatSpec {
    if (count < 1) throw new IllegalArgumentException("count must be >= 1");
    if (gap == null) throw new IllegalArgumentException("gap kind is required");
    if (gapMs < 0 || (gap == Gap.POISSON && gapMs < 1)) throw new IllegalArgumentException("gap must be positive");
  }
}
