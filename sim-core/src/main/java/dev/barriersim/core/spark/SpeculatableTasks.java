package dev.barriersim.core.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The speculation state Spark's {@code TaskSetManager} keeps for one ordinary TaskSet when
 * {@code spark.speculation} is on: the durations of its successful attempts
 * ({@code successfulTaskDurations}, a {@code PercentileHeap} of median 0.5), the tasks marked
 * speculatable ({@code speculatableTasks}), the stack of copies waiting for an offer
 * ({@code pendingSpeculatableTasks.all}), the hosts each task ever ran on ({@code taskAttempts}),
 * and the attempts killed because another attempt succeeded ({@code killedByOtherAttempt}).
 */
final class SpeculatableTasks {
  private final TaskSetManager ts;
  /** Durations below the median, as a max-heap, and from the median up, as a min-heap. */
  private final PriorityQueue<Long> below = new PriorityQueue<>((a, b) -> Long.compare(b, a));
  private final PriorityQueue<Long> fromMedian = new PriorityQueue<>();
  private final boolean[] speculatable;
  private int[] pending = new int[4];
  private int pendingSize;
  /** Hosts of every attempt of each task, launched or ended; null until its first launch. */
  private final List<String>[] hosts;
  /** Never iterated, only asked: hash order cannot reach an output. */
  private final Set<Long> killedByOtherAttempt = new HashSet<>();

  @SuppressWarnings("unchecked")
  SpeculatableTasks(TaskSetManager ts) {
    this.ts = ts;
    this.speculatable = new boolean[ts.numTasks];
    this.hosts = new List[ts.numTasks];
  }

  /** {@code taskAttempts(index) = info :: ...}: task {@code index} ran on {@code host}. */
  void launched(int index, String host) {
    if (hosts[index] == null) hosts[index] = new ArrayList<>(2);
    hosts[index].add(host);
  }

  /** {@code hasAttemptOnHost}: some attempt of task {@code index} ran on {@code host}. */
  boolean hasAttemptOnHost(int index, String host) {
    return hosts[index] != null && hosts[index].contains(host);
  }

  /**
   * {@code successfulTaskDurations.insert}, kept as {@code PercentileHeap(0.5)} keeps it: the
   * median is the element at index {@code size / 2} of the sorted durations.
   */
  void succeeded(long durationMs) {
    if (fromMedian.isEmpty() || durationMs >= fromMedian.peek()) fromMedian.add(durationMs);
    else below.add(durationMs);
    int size = below.size() + fromMedian.size();
    while (below.size() > size / 2) fromMedian.add(below.poll());
    while (below.size() < size / 2) below.add(fromMedian.poll());
  }

  /** {@code successfulTaskDurations.size}. */
  int successes() {
    return below.size() + fromMedian.size();
  }

  /** {@code successfulTaskDurations.percentile}: the median successful duration; call with successes. */
  long medianMs() {
    return fromMedian.peek();
  }

  /** True when task {@code index} is marked speculatable and its copy not yet dequeued. */
  boolean isSpeculatable(int index) {
    return speculatable[index];
  }

  /** {@code addPendingTask(index, speculatable = true)} and {@code speculatableTasks += index}. */
  void mark(int index) {
    speculatable[index] = true;
    if (pendingSize == pending.length) pending = Arrays.copyOf(pending, 2 * pendingSize);
    pending[pendingSize++] = index;
  }

  /**
   * Spark's {@code isSchedulable} reads {@code pendingSpeculatableTasks.all.nonEmpty}: entries
   * are dropped only when a dequeue looks at them, so a set may stay in the offer rounds with
   * stale entries until a round sweeps them out.
   */
  boolean hasPendingCopies() {
    return pendingSize > 0;
  }

  /**
   * {@code dequeueTaskHelper(speculative = true)} for an offer on {@code host}, from the top of the
   * stack: an entry whose task already ran on the host stays; any other is removed, and returned
   * when its task has not succeeded and runs in one copy (or in none, when the original failed
   * meanwhile: then the copy is the only attempt). Returns -1 when none fits.
   */
  int poll(String host) {
    int i = pendingSize;
    while (i > 0) {
      i--;
      int index = pending[i];
      if (hasAttemptOnHost(index, host)) continue;
      System.arraycopy(pending, i + 1, pending, i, pendingSize - i - 1);
      pendingSize--;
      if (!ts.isSuccessful(index) && ts.copiesRunning(index) <= 1) {
        speculatable[index] = false;
        return index;
      }
    }
    return -1;
  }

  /** {@code killedByOtherAttempt += tid}. */
  void killedByOtherAttempt(long taskId) {
    killedByOtherAttempt.add(taskId);
  }

  /** True when attempt {@code taskId} was killed because another attempt of its task succeeded. */
  boolean wasKilledByOtherAttempt(long taskId) {
    return killedByOtherAttempt.contains(taskId);
  }
}
