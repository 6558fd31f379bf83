package dev.barriersim.core.engine;

import java.util.Arrays;

/**
 * The future-event list: a binary min-heap ordered by (time, phase, insertion sequence). The
 * sequence breaks every remaining tie, so the order is total and independent of the heap's
 * internals: two events at the same instant and phase fire in the order they were scheduled.
 * Keys live in primitive arrays; only the payload is an object. Push and poll are O(log n).
 * {@link #push} returns the event's sequence number, which names it for {@link EventLoop#cancel}.
 */
public final class EventQueue<T> {
  private static final Phase[] PHASES = Phase.values();
  private static final long SEQUENCE_BITS = 0x00FF_FFFF_FFFF_FFFFL;
  private long[] times = new long[64];
  private long[] orders = new long[64]; // phase in the top 8 bits, sequence below
  private Object[] items = new Object[64];
  private int size;
  private long sequence;

  /** Adds {@code item} at {@code time} in {@code phase}; returns its sequence number (0, 1, 2, ...). */
  public long push(long time, Phase phase, T item) {
    if (size == times.length) grow();
    long seq = sequence++;
    long order = ((long) phase.ordinal() << 56) | (seq & SEQUENCE_BITS);
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(time, order, times[parent], orders[parent])) break;
      move(parent, i);
      i = parent;
    }
    times[i] = time;
    orders[i] = order;
    items[i] = item;
    return seq;
  }

  /** True when no event is left. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Number of queued events. */
  public int size() {
    return size;
  }

  /** Time of the next event; the queue must not be empty. */
  public long peekTime() {
    return times[0];
  }

  /** Phase of the next event; the queue must not be empty. */
  public Phase peekPhase() {
    return PHASES[(int) (orders[0] >>> 56)];
  }

  /** Sequence number of the next event; the queue must not be empty. */
  public long peekSequence() {
    return orders[0] & SEQUENCE_BITS;
  }

  /** Removes and returns the next event. */
  @SuppressWarnings("unchecked")
  public T poll() {
    T top = (T) items[0];
    int last = --size;
    long t = times[last];
    long o = orders[last];
    Object it = items[last];
    items[last] = null;
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && less(times[right], orders[right], times[child], orders[child])) child = right;
      if (!less(times[child], orders[child], t, o)) break;
      move(child, i);
      i = child;
    }
    if (size > 0) {
      times[i] = t;
      orders[i] = o;
      items[i] = it;
    }
    return top;
  }

  private static boolean less(long t1, long o1, long t2, long o2) {
    return t1 < t2 || (t1 == t2 && o1 < o2);
  }

  private void move(int from, int to) {
    times[to] = times[from];
    orders[to] = orders[from];
    items[to] = items[from];
  }

  private void grow() {
    int n = times.length * 2;
    times = Arrays.copyOf(times, n);
    orders = Arrays.copyOf(orders, n);
    items = Arrays.copyOf(items, n);
  }
}
