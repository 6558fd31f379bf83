package dev.barriersim.core.engine;

import java.util.Arrays;

/**
 * The future-event list: a 4-ary min-heap ordered by (time, phase, insertion sequence). The
 * sequence breaks every remaining tie, so the order is total and independent of the heap's
 * internals: two events at the same instant and phase fire in the order they were scheduled.
 *
 * <p>An event is a primitive record in the heap's own arrays: its time and one {@code long} that
 * packs phase, sequence and a small integer kind (ordering by that long orders by phase, then
 * sequence), plus a target reference. Pushing an event allocates nothing. Push and poll are
 * O(log n); a 4-ary heap has half the levels of a binary one, and its children share cache lines.
 * {@link #push} returns the event's sequence number, which names it for {@link EventLoop#cancel}.
 */
public final class EventQueue<T> {
  private static final Phase[] PHASES = Phase.values();
  /** Bits of the kind, at the bottom of the order word. */
  static final int KIND_BITS = 8;
  /** Largest kind an event can carry. */
  public static final int MAX_KIND = (1 << KIND_BITS) - 1;
  private static final int PHASE_SHIFT = 60;
  private static final long SEQUENCE_MASK = (1L << (PHASE_SHIFT - KIND_BITS)) - 1;
  /** keys[2i] is the time of slot i, keys[2i + 1] its order word (phase, sequence, kind). */
  private long[] keys = new long[2 * 64];
  private Object[] targets = new Object[64];
  private int size;
  private long sequence;

  /** Adds {@code item} at {@code time} in {@code phase} with kind 0; returns its sequence number (0, 1, 2, ...). */
  public long push(long time, Phase phase, T item) {
    return push(time, phase, 0, item);
  }

  /** Adds an event of {@code kind} (0 to {@link #MAX_KIND}) for {@code target}; returns its sequence number. */
  public long push(long time, Phase phase, int kind, T target) {
    if (size == targets.length) grow();
    long seq = sequence++;
    siftUp(size++, time, order(phase, seq, kind), target);
    return seq;
  }

  /** The order word of an event: phase, then sequence, then kind, so that comparing words compares (phase, sequence). */
  static long order(Phase phase, long seq, int kind) {
    return ((long) phase.ordinal() << PHASE_SHIFT) | ((seq & SEQUENCE_MASK) << KIND_BITS) | kind;
  }

  static int phaseOf(long order) {
    return (int) (order >>> PHASE_SHIFT);
  }

  static long sequenceOf(long order) {
    return (order >>> KIND_BITS) & SEQUENCE_MASK;
  }

  static int kindOf(long order) {
    return (int) order & MAX_KIND;
  }

  /** Order word of the next event; the queue must not be empty. */
  long peekOrder() {
    return keys[1];
  }

  /**
   * Takes the next sequence number for an event kept outside this queue (one of the current
   * instant), so that sequence numbers stay one order over both.
   */
  public long takeSequence() {
    return sequence++;
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
    return keys[0];
  }

  /** Phase of the next event; the queue must not be empty. */
  public Phase peekPhase() {
    return PHASES[(int) (keys[1] >>> PHASE_SHIFT)];
  }

  /** Sequence number of the next event; the queue must not be empty. */
  public long peekSequence() {
    return (keys[1] >>> KIND_BITS) & SEQUENCE_MASK;
  }

  /** Kind of the next event; the queue must not be empty. */
  public int peekKind() {
    return (int) keys[1] & MAX_KIND;
  }

  /**
   * Removes and returns the next event's target. The hole left at the root sinks to a leaf along
   * the smallest children, and the last event fills it from there: it belongs near the bottom, so
   * this takes fewer comparisons than sinking the last event from the root.
   */
  @SuppressWarnings("unchecked")
  public T poll() {
    T top = (T) targets[0];
    int last = --size;
    long t = keys[2 * last];
    long o = keys[2 * last + 1];
    Object it = targets[last];
    targets[last] = null;
    if (last == 0) return top;
    long[] k = keys;
    int hole = 0;
    while (true) {
      int first = 4 * hole + 1;
      if (first >= last) break;
      int end = Math.min(first + 4, last);
      int best = first;
      long bt = k[2 * first];
      long bo = k[2 * first + 1];
      for (int c = first + 1; c < end; c++) {
        long ct = k[2 * c];
        long co = k[2 * c + 1];
        if (ct < bt || (ct == bt && co < bo)) {
          best = c;
          bt = ct;
          bo = co;
        }
      }
      k[2 * hole] = bt;
      k[2 * hole + 1] = bo;
      targets[hole] = targets[best];
      hole = best;
    }
    siftUp(hole, t, o, it);
    return top;
  }

  private void siftUp(int i, long time, long order, Object target) {
    long[] k = keys;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = k[2 * parent];
      if (pt < time || (pt == time && k[2 * parent + 1] < order)) break;
      k[2 * i] = pt;
      k[2 * i + 1] = k[2 * parent + 1];
      targets[i] = targets[parent];
      i = parent;
    }
    k[2 * i] = time;
    k[2 * i + 1] = order;
    targets[i] = target;
  }

  private void grow() {
    int n = targets.length * 2;
    keys = Arrays.copyOf(keys, 2 * n);
    targets = Arrays.copyOf(targets, n);
  }
}
