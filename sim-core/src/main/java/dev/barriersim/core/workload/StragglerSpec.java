package dev.barriersim.core.workload;

/** Each task attempt is a straggler with {@code probability}; a straggler's phases take {@code slowdown} times longer. */
public record StragglerSpec(double probability, double slowdown) {
  /** Checks the ranges. */
  public StragglerSpec {
    if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException("probability must be in [0, 1]");
    if (!(slowdown >= 1)) throw new IllegalArgumentException("slowdown must be >= 1");
  }
}
