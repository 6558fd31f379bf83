package dev.barriersim.core.engine;

import java.util.Arrays;

/**
 * The events scheduled for the instant the clock stands at, one first-in first-out lane per
 * phase. Such an event has a later sequence than every queued event of its instant and phase
 * (those were scheduled while the clock stood earlier), so within its phase it fires after them,
 * and in the order it was scheduled: a lane is already sorted and needs no heap. Status updates
 * and offer rounds, scheduled for "now", take O(1) here instead of climbing to the heap's root
 * and sinking back.
 */
final class InstantLanes {
  private final Lane[] lanes = new Lane[Phase.values().length];
  /** Bit p is set when lane p holds an event. */
  private int nonEmpty;

  InstantLanes() {
    for (int p = 0; p < lanes.length; p++) lanes[p] = new Lane();
  }

  /** True when no lane holds an event. */
  boolean isEmpty() {
    return nonEmpty == 0;
  }

  /** The lowest phase whose lane holds an event; the lanes must not be empty. */
  int firstPhase() {
    return Integer.numberOfTrailingZeros(nonEmpty);
  }

  /** Appends an event to the lane of {@code phase}. */
  void add(int phase, long sequence, int kind, Object target) {
    lanes[phase].add(sequence, kind, target);
    nonEmpty |= 1 << phase;
  }

  /** Sequence of the first event of lane {@code phase}. */
  long peekSequence(int phase) {
    return lanes[phase].sequences[lanes[phase].head];
  }

  /** Kind of the first event of lane {@code phase}. */
  int peekKind(int phase) {
    return lanes[phase].kinds[lanes[phase].head];
  }

  /** Removes the first event of lane {@code phase} and returns its target. */
  Object poll(int phase) {
    Lane l = lanes[phase];
    Object target = l.poll();
    if (l.size == 0) nonEmpty &= ~(1 << phase);
    return target;
  }

  /** A ring buffer of events in scheduling order. */
  private static final class Lane {
    long[] sequences = new long[64];
    int[] kinds = new int[64];
    Object[] targets = new Object[64];
    int head;
    int size;

    void add(long sequence, int kind, Object target) {
      if (size == targets.length) grow();
      int i = (head + size) & (targets.length - 1);
      sequences[i] = sequence;
      kinds[i] = kind;
      targets[i] = target;
      size++;
    }

    Object poll() {
      Object target = targets[head];
      targets[head] = null;
      head = (head + 1) & (targets.length - 1);
      size--;
      return target;
    }

    /** Doubles the buffer, unrolling the ring so that the first event is at 0. */
    private void grow() {
      int n = targets.length;
      long[] s = new long[2 * n];
      int[] k = new int[2 * n];
      Object[] t = new Object[2 * n];
      for (int j = 0; j < size; j++) {
        int i = (head + j) & (n - 1);
        s[j] = sequences[i];
        k[j] = kinds[i];
        t[j] = targets[i];
      }
      sequences = s;
      kinds = k;
      targets = t;
      head = 0;
      Arrays.fill(targets, size, targets.length, null);
    }
  }
}
