package dev.barriersim.core.engine;

import java.util.Arrays;

/**
 * The task-phase events of the near future, in a timing wheel: one first-in first-out list per
 * millisecond of a window of {@code 2^bits} ms ahead of the clock. The events of one instant and
 * one phase fire in the order they were scheduled, so a list is already in order and an event
 * costs O(1) to add and to take, where the heap costs O(log n) with a mispredicted comparison per
 * level. Events further ahead, and of other phases, stay in the heap; the loop takes the earlier of
 * the two by (time, phase, sequence), so the order of events is the heap's order.
 */
final class TimingWheel {
  private final int mask;
  /** Per slot s: first node at 2s and last node at 2s + 1, or -1 (side by side: one cache line). */
  private final int[] ends;
  /** Bit s is set when slot s holds an event. */
  private final long[] nonEmpty;
  /**
   * Nodes: node n's order word at {@code 2n} and next node at {@code 2n + 1}, side by side, so that
   * taking an event scheduled long ago misses the cache on two lines (this and its target), not
   * four; free nodes are chained through the next word. A node keeps no time: a slot holds the
   * events of one instant only (the window is one lap of the wheel), which {@link #first} finds.
   */
  private long[] nodes = new long[512];
  private Object[] targets = new Object[256];
  private int free = -1;
  private int used;
  private int size;
  /** No event of the wheel is earlier than this instant. */
  private long cursor;

  TimingWheel(int bits) {
    int slots = 1 << bits;
    mask = slots - 1;
    ends = new int[2 * slots];
    Arrays.fill(ends, -1);
    nonEmpty = new long[Math.max(1, slots >>> 6)];
  }

  /** True when an event at {@code time}, with the clock at {@code now}, fits the window. */
  boolean fits(long time, long now) {
    return time - now <= mask && time >= now;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Adds an event; it must {@link #fits} and be later in order than every event of its instant here. */
  void add(long time, long order, Object target) {
    if (size == 0 || time < cursor) cursor = time;
    int n = node();
    nodes[2 * n] = order;
    nodes[2 * n + 1] = -1;
    targets[n] = target;
    int s = (int) time & mask;
    int last = ends[2 * s + 1];
    if (last < 0) {
      ends[2 * s] = n;
      nonEmpty[s >>> 6] |= 1L << s;
    } else {
      nodes[2 * last + 1] = n;
    }
    ends[2 * s + 1] = n;
    size++;
  }

  private int node() {
    if (free >= 0) {
      int n = free;
      free = (int) nodes[2 * n + 1];
      return n;
    }
    if (used == targets.length) {
      int c = 2 * used;
      nodes = Arrays.copyOf(nodes, 2 * c);
      targets = Arrays.copyOf(targets, c);
    }
    return used++;
  }

  /**
   * The slot of the earliest event; the wheel must not be empty. Moves the cursor to its instant,
   * which is then the time of every event in that slot.
   */
  private int first(long now) {
    if (cursor < now) cursor = now;
    int from = (int) cursor & mask;
    int w = from >>> 6;
    long word = nonEmpty[w] & (-1L << from);
    int words = nonEmpty.length;
    for (int k = 0; k <= words; k++) {
      if (word != 0) {
        int s = (w << 6) + Long.numberOfTrailingZeros(word);
        cursor += (s - from) & mask;
        return s;
      }
      w = (w + 1) % words;
      word = nonEmpty[w];
    }
    throw new IllegalStateException("timing wheel lost its events");
  }

  /** Instant of the earliest event; the wheel must not be empty. */
  long peekTime(long now) {
    first(now);
    return cursor;
  }

  /** Order word of the earliest event; the wheel must not be empty. */
  long peekOrder(long now) {
    return nodes[2 * ends[2 * first(now)]];
  }

  /** Target of the earliest event; the wheel must not be empty. */
  Object peekTarget(long now) {
    return targets[ends[2 * first(now)]];
  }

  /** Removes the earliest event and returns its target. */
  Object poll(long now) {
    int s = first(now);
    int n = ends[2 * s];
    Object target = targets[n];
    targets[n] = null;
    int after = (int) nodes[2 * n + 1];
    ends[2 * s] = after;
    if (after < 0) {
      ends[2 * s + 1] = -1;
      nonEmpty[s >>> 6] &= ~(1L << s);
    }
    nodes[2 * n + 1] = free;
    free = n;
    size--;
    return target;
  }
}
