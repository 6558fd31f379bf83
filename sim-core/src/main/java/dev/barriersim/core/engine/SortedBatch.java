package dev.barriersim.core.engine;

import java.util.Arrays;

/**
 * Events scheduled together and already in time order (the job arrivals of a run, known at the
 * start), kept in arrays read with a cursor instead of in the heap: the heap stays as small as the
 * events in flight, and each of these costs O(1). They keep the sequence numbers they got when
 * scheduled, so the order of events is the one the heap would give.
 */
final class SortedBatch {
  private long[] times = new long[0];
  private long[] orders = new long[0];
  private Object[] targets = new Object[0];
  private int next;

  /** True when an event is left. */
  boolean hasNext() {
    return next < times.length;
  }

  long peekTime() {
    return times[next];
  }

  long peekOrder() {
    return orders[next];
  }

  /** Removes the next event and returns its target. */
  Object poll() {
    Object t = targets[next];
    targets[next++] = null;
    return t;
  }

  /** Takes a new batch; the previous one must be used up. */
  void set(long[] times, long[] orders, Object[] targets) {
    if (hasNext()) throw new IllegalStateException("a batch is still pending");
    this.times = times;
    this.orders = orders;
    this.targets = targets;
    this.next = 0;
  }

  /** Events left (for tests). */
  int remaining() {
    return times.length - next;
  }

  @Override
  public String toString() {
    return "SortedBatch" + Arrays.toString(Arrays.copyOfRange(times, next, times.length));
  }
}
