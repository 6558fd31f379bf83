package dev.barriersim.scenario;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A step function of time: the cluster's slot count from each instant at which it changes until
 * the next. Answers the largest count over a time window in O(log n) (a max segment tree), since
 * a scenario may hold many jobs and many cluster changes.
 */
final class SlotTimeline {
  private final long[] times;
  private final long[] tree; // tree[n + i] = count from times[i]; tree[k] = max of its two children
  private final int n;

  private SlotTimeline(long[] times, long[] counts) {
    this.times = times;
    this.n = counts.length;
    this.tree = new long[2 * n];
    System.arraycopy(counts, 0, tree, n, n);
    for (int k = n - 1; k >= 1; k--) tree[k] = Math.max(tree[2 * k], tree[2 * k + 1]);
  }

  /** From the change of the count at each instant (the first at 0): the running sum is the count. */
  static SlotTimeline of(NavigableMap<Long, Long> deltaByInstant) {
    long[] times = new long[deltaByInstant.size()];
    long[] counts = new long[times.length];
    long total = 0;
    int i = 0;
    for (Map.Entry<Long, Long> d : deltaByInstant.entrySet()) {
      total += d.getValue();
      times[i] = d.getKey();
      counts[i++] = total;
    }
    return new SlotTimeline(times, counts);
  }

  /** The largest count in force at any instant of {@code [from, to]}. */
  long maxBetween(long from, long to) {
    return max(indexAt(from), indexAt(to));
  }

  /** The first instant at or after {@code from} with at least {@code need} slots, or -1. */
  long firstAtLeast(long from, long need) {
    int lo = indexAt(from);
    if (max(lo, n - 1) < need) return -1;
    int a = lo;
    int b = n - 1; // invariant: max(lo..b) >= need
    while (a < b) {
      int mid = (a + b) >>> 1;
      if (max(lo, mid) >= need) b = mid;
      else a = mid + 1;
    }
    return Math.max(from, times[b]);
  }

  /** The index of the count in force at {@code t}: the last change at or before it (changes apply before checks). */
  private int indexAt(long t) {
    int k = Arrays.binarySearch(times, t);
    return k >= 0 ? k : Math.max(0, -k - 2);
  }

  private long max(int lo, int hi) {
    long best = Long.MIN_VALUE;
    for (int l = lo + n, r = hi + n + 1; l < r; l >>= 1, r >>= 1) {
      if ((l & 1) == 1) best = Math.max(best, tree[l++]);
      if ((r & 1) == 1) best = Math.max(best, tree[--r]);
    }
    return best;
  }
}
