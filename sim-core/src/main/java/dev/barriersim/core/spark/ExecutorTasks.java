package dev.barriersim.core.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The attempts running on one executor, in the order an executor loss fails them: a list from
 * which a removal moves the last attempt into the hole. Each attempt holds a lane (a number free
 * on this executor while it runs) and the list keeps lane to position and back in its own arrays,
 * so adding and removing cost O(1) and touch no other attempt than the one added or removed.
 */
final class ExecutorTasks {
  private TaskAttempt[] list = new TaskAttempt[4];
  /** Lane of the attempt at each position. */
  private int[] laneAt = new int[4];
  /** Position of the attempt holding each lane. */
  private int[] positionOf = new int[4];
  private int size;
  /** Lanes given back, reused first (a stack); lanes beyond {@link #lanes} were never used. */
  private int[] freeLanes = new int[4];
  private int free;
  private int lanes;

  /** Appends {@code t} and returns its lane. */
  int add(TaskAttempt t) {
    int lane = free > 0 ? freeLanes[--free] : lanes++;
    if (size == list.length) {
      list = Arrays.copyOf(list, 2 * size);
      laneAt = Arrays.copyOf(laneAt, 2 * size);
    }
    if (lane >= positionOf.length) positionOf = Arrays.copyOf(positionOf, Math.max(2 * positionOf.length, lane + 1));
    list[size] = t;
    laneAt[size] = lane;
    positionOf[lane] = size;
    size++;
    return lane;
  }

  /** Removes the attempt holding {@code lane}; the last attempt takes its place. */
  void remove(int lane) {
    int p = positionOf[lane];
    int last = --size;
    if (p != last) {
      list[p] = list[last];
      laneAt[p] = laneAt[last];
      positionOf[laneAt[p]] = p;
    }
    list[last] = null;
    if (free == freeLanes.length) freeLanes = Arrays.copyOf(freeLanes, 2 * free);
    freeLanes[free++] = lane;
  }

  /** A copy of the running attempts, in list order. */
  List<TaskAttempt> snapshot() {
    return new ArrayList<>(Arrays.asList(list).subList(0, size));
  }
}
