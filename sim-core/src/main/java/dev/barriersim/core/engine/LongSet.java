package dev.barriersim.core.engine;

import java.util.Arrays;

/**
 * A set of non-negative longs in one array (open addressing, linear probing, backward-shift
 * removal): the sequence numbers of cancelled events still in the queue. It holds only those, so
 * it stays as small as the number of outstanding cancellations.
 */
final class LongSet {
  private static final long FREE = -1;
  private long[] slots = free(16);
  private int size;

  /** True when the set holds nothing: the check every fired event makes first. */
  boolean isEmpty() {
    return size == 0;
  }

  /** Number of values held. */
  int size() {
    return size;
  }

  /** Adds {@code v} (>= 0); no-op when present. */
  void add(long v) {
    if (2 * (size + 1) > slots.length) rehash(2 * slots.length);
    int mask = slots.length - 1;
    int i = home(v, mask);
    while (slots[i] != FREE) {
      if (slots[i] == v) return;
      i = (i + 1) & mask;
    }
    slots[i] = v;
    size++;
  }

  /** Removes {@code v}; true when it was present. */
  boolean remove(long v) {
    int mask = slots.length - 1;
    int i = home(v, mask);
    while (slots[i] != v) {
      if (slots[i] == FREE) return false;
      i = (i + 1) & mask;
    }
    // Shift later members of the probe run back into the hole, so that every lookup still finds them.
    int hole = i;
    for (int j = (hole + 1) & mask; slots[j] != FREE; j = (j + 1) & mask) {
      if (((j - home(slots[j], mask)) & mask) >= ((j - hole) & mask)) {
        slots[hole] = slots[j];
        hole = j;
      }
    }
    slots[hole] = FREE;
    size--;
    return true;
  }

  private static int home(long v, int mask) {
    return (int) ((v * 0x9E37_79B9_7F4A_7C15L) >>> 40) & mask;
  }

  private void rehash(int capacity) {
    long[] old = slots;
    slots = free(capacity);
    size = 0;
    for (long v : old) if (v != FREE) add(v);
  }

  private static long[] free(int capacity) {
    long[] a = new long[capacity];
    Arrays.fill(a, FREE);
    return a;
  }
}
