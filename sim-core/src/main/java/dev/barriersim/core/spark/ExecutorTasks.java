package dev.barriersim.core.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The attempts running on one executor, in the order an executor loss fails them: a list from
 * which a removal moves the last attempt into the hole. Each attempt holds a lane (a number free
 * on this executor while it runs); one int array keeps, per slot, lane to position, position to
 * lane and the stack of free lanes, so adding and removing cost O(1), touch two arrays and no other
 * attempt than the one added or removed.
 */
final class ExecutorTasks {
  private TaskAttempt[] list;
  /** [0, cap): lane of the attempt at each position; [cap, 2 cap): position of each lane; [2 cap, 3 cap): free lanes. */
  private int[] meta;
  private int cap;
  private int size;
  private int free;
  private int lanes;

  ExecutorTasks(int capacity) {
    cap = Math.max(1, capacity);
    list = new TaskAttempt[cap];
    meta = new int[3 * cap];
  }

  /** Appends {@code t} and returns its lane. */
  int add(TaskAttempt t) {
    if (size == cap || (free == 0 && lanes == cap)) grow();
    int lane = free > 0 ? meta[2 * cap + --free] : lanes++;
    list[size] = t;
    meta[size] = lane;
    meta[cap + lane] = size;
    size++;
    return lane;
  }

  /** Removes the attempt holding {@code lane}; the last attempt takes its place. */
  void remove(int lane) {
    int p = meta[cap + lane];
    int last = --size;
    if (p != last) {
      list[p] = list[last];
      int moved = meta[last];
      meta[p] = moved;
      meta[cap + moved] = p;
    }
    list[last] = null;
    meta[2 * cap + free++] = lane;
  }

  /** Doubles the capacity, keeping positions, lanes and free lanes. */
  private void grow() {
    int n = 2 * cap;
    int[] m = new int[3 * n];
    System.arraycopy(meta, 0, m, 0, cap);
    System.arraycopy(meta, cap, m, n, cap);
    System.arraycopy(meta, 2 * cap, m, 2 * n, cap);
    meta = m;
    list = Arrays.copyOf(list, n);
    cap = n;
  }

  /** A copy of the running attempts, in list order. */
  List<TaskAttempt> snapshot() {
    return new ArrayList<>(Arrays.asList(list).subList(0, size));
  }
}
