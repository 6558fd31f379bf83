package dev.barriersim.core.spark;

/** A FAIR scheduling pool, as in {@code fairscheduler.xml}. */
public record PoolSpec(String name, SchedulingMode schedulingMode, int weight, int minShare) {
  /** The pool Spark creates when none is configured. */
  public static PoolSpec defaultPool() {
    return new PoolSpec("default", SchedulingMode.FIFO, 1, 0);
  }

  /** Checks the numbers. */
  public PoolSpec {
    if (name == null || name.isEmpty()) throw new IllegalArgumentException("pool name is required");
    if (schedulingMode == null) schedulingMode = SchedulingMode.FIFO;
    if (weight < 0) throw new IllegalArgumentException("weight must be >= 0");
    if (minShare < 0) throw new IllegalArgumentException("minShare must be >= 0");
  }
}
