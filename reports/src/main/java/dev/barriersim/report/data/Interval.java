package dev.barriersim.report.data;

/** A span of virtual time, {@code [startMs, endMs]}, in milliseconds. */
public record Interval(long startMs, long endMs) {
  /** Checks the order of the bounds. */
  public Interval {
    if (endMs < startMs) throw new IllegalArgumentException("interval ends before it starts: " + startMs + "-" + endMs);
  }

  /** Length in milliseconds. */
  public long lengthMs() {
    return endMs - startMs;
  }
}
