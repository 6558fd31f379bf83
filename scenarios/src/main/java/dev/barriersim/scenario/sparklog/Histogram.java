package dev.barriersim.scenario.sparklog;

import java.util.Arrays;

/** Counts of non-negative whole milliseconds, for medians over millions of tasks in bounded memory. */
final class Histogram {
  private static final int EXACT = 100_000;
  private final long[] counts = new long[EXACT + 1];
  private long n;

  /** Adds one value; values above 100 s are counted at 100 s (overheads never are that long). */
  void add(long ms) {
    counts[(int) Math.max(0, Math.min(EXACT, ms))]++;
    n++;
  }

  long count() {
    return n;
  }

  /** The lower median, or {@code otherwise} when empty. */
  long median(long otherwise) {
    if (n == 0) return otherwise;
    long target = (n - 1) / 2;
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen > target) return i;
    }
    return EXACT;
  }

  @Override
  public String toString() {
    return "Histogram[n=" + n + ", nonzero=" + Arrays.stream(counts).filter(c -> c > 0).count() + "]";
  }
}
