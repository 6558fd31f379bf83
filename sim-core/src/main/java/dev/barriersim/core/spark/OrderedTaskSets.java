package dev.barriersim.core.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * TaskSetManagers in FIFO order ({@link SchedulingAlgorithm#FIFO_TASK_SETS}): a {@code TreeSet} finds
 * where a set goes when it is added, and a linked list through the sets themselves walks them, one
 * step O(1), so a round that passes many waiting sets pays O(1) for each.
 */
final class OrderedTaskSets {
  private final TreeSet<TaskSetManager> order = new TreeSet<>(SchedulingAlgorithm.FIFO_TASK_SETS);
  private TaskSetManager head;
  private final TaskSetQueue.Version version;

  OrderedTaskSets(TaskSetQueue.Version version) {
    this.version = version;
  }

  /** The first set in order, or null. */
  TaskSetManager first() {
    return head;
  }

  /** Adds {@code t} in its place; no-op when present. */
  void add(TaskSetManager t) {
    if (!order.add(t)) return;
    version.value++;
    TaskSetManager before = order.lower(t);
    TaskSetManager after = before == null ? head : before.queueNext;
    t.queuePrev = before;
    t.queueNext = after;
    if (before == null) head = t;
    else before.queueNext = t;
    if (after != null) after.queuePrev = t;
    t.queued = true;
  }

  /** Removes {@code t}; no-op when absent. Its own link forward is kept for a walk standing on it. */
  void remove(TaskSetManager t) {
    if (!t.queued || !order.remove(t)) return;
    version.value++;
    if (t.queuePrev == null) head = t.queueNext;
    else t.queuePrev.queueNext = t.queueNext;
    if (t.queueNext != null) t.queueNext.queuePrev = t.queuePrev;
    t.queued = false;
  }

  boolean isEmpty() {
    return head == null;
  }

  /**
   * Visits the sets in order until {@code visitor} returns false; false then. The visitor may
   * remove the set it is given (the walk goes on from where that set stood) or add sets (a set
   * added after the current one is visited).
   */
  boolean walk(Predicate<TaskSetManager> visitor) {
    return walkFrom(head, visitor);
  }

  /** {@link #walk} from {@code start}, a queued set or null (nothing to visit). */
  boolean walkFrom(TaskSetManager start, Predicate<TaskSetManager> visitor) {
    TaskSetManager t = start;
    while (t != null) {
      TaskSetManager next = t.queueNext;
      if (!visitor.test(t)) return false;
      t = t.queued ? t.queueNext : nextQueuedFrom(next);
    }
    return true;
  }

  /** {@code t} or the first set after it that is still queued (what {@code TreeSet.higher} would give). */
  private TaskSetManager nextQueuedFrom(TaskSetManager t) {
    while (t != null && !t.queued) t = t.queueNext;
    return t;
  }

  /** The sets in order, as a new list. */
  List<TaskSetManager> toList() {
    List<TaskSetManager> out = new ArrayList<>(order.size());
    for (TaskSetManager t = head; t != null; t = t.queueNext) out.add(t);
    return out;
  }
}
