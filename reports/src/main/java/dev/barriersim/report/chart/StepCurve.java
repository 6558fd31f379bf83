package dev.barriersim.report.chart;

import java.util.Arrays;

/**
 * A step function of time built from values in time order: exact change points up to a limit,
 * then the maximum per time bucket, so a curve of any length costs bounded memory.
 */
final class StepCurve {
  /** A finished curve: {@code values[i]} holds from {@code timesMs[i]} until the next time (or the span's end). */
  record Points(long[] timesMs, double[] values, boolean bucketed) {
    /** The value at {@code t} (0 before the first point). */
    double at(long t) {
      int i = Arrays.binarySearch(timesMs, t);
      if (i < 0) i = -i - 2;
      return i < 0 ? 0 : values[i];
    }

    int size() {
      return timesMs.length;
    }

    double max() {
      double m = 0;
      for (double v : values) m = Math.max(m, v);
      return m;
    }
  }

  private final long spanMs;
  private final int maxPoints;
  private final int buckets;
  private long[] t = new long[64];
  private double[] v = new double[64];
  private int n;
  private double[] bucketMax;
  private long bucketMs;
  private long lastT;
  private double lastV;

  StepCurve(long spanMs, int maxPoints, int buckets) {
    this.spanMs = Math.max(1, spanMs);
    this.maxPoints = maxPoints;
    this.buckets = buckets;
  }

  /** The curve takes {@code value} at {@code timeMs}; times never decrease. Several values at one time keep the last. */
  void set(long timeMs, double value) {
    if (bucketMax != null) {
      spread(lastT, timeMs, lastV);
      lastT = timeMs;
      lastV = value;
      return;
    }
    if (n > 0 && t[n - 1] == timeMs) {
      v[n - 1] = value;
      if (n > 1 && v[n - 2] == value) n--; // back to the previous value: no change at all
      return;
    }
    if (n > 0 && v[n - 1] == value) return;
    if (n == t.length) {
      t = Arrays.copyOf(t, n * 2);
      v = Arrays.copyOf(v, n * 2);
    }
    t[n] = timeMs;
    v[n] = value;
    n++;
    if (n > maxPoints) toBuckets();
  }

  private void toBuckets() {
    bucketMs = Math.max(1, (spanMs + buckets - 1) / buckets);
    bucketMax = new double[buckets];
    for (int i = 0; i + 1 < n; i++) spread(t[i], t[i + 1], v[i]);
    lastT = t[n - 1];
    lastV = v[n - 1];
    t = null;
    v = null;
  }

  /** Raises the maximum of every bucket that {@code [from, to)} touches to at least {@code value}. */
  private void spread(long from, long to, double value) {
    if (to <= from) return;
    int b0 = bucket(from);
    int b1 = bucket(to - 1);
    for (int b = b0; b <= b1; b++) bucketMax[b] = Math.max(bucketMax[b], value);
  }

  private int bucket(long ms) {
    return (int) Math.min(buckets - 1, Math.max(0, ms / bucketMs));
  }

  /** The finished curve; a bucketed one has a point at every bucket start. */
  Points finish() {
    if (bucketMax == null) return new Points(Arrays.copyOf(t, n), Arrays.copyOf(v, n), false);
    spread(lastT, Math.max(lastT + 1, spanMs), lastV);
    long[] times = new long[buckets];
    for (int b = 0; b < buckets; b++) times[b] = b * bucketMs;
    return new Points(times, bucketMax.clone(), true);
  }
}
