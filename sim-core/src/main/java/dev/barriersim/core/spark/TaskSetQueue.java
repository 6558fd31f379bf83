package dev.barriersim.core.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Spark's root pool and {@code getSortedTaskSetQueue}: the TaskSetManagers that have pending
 * tasks, visited in scheduling order. FIFO keeps one ordered set; FAIR orders the pools (and the
 * sets of a FAIR pool) at the start of each visit, from the running-task counts of that moment.
 */
final class TaskSetQueue {
  /** A counter that moves whenever a queued set is added, removed or changes what a round reads of it. */
  static final class Version {
    long value;
  }

  /**
   * The sets at the head of the FIFO order that are waiting barrier sets of one task shape
   * ({@link TaskSetManager#isWaitingBarrier}): how many, the fewest tasks among them, and the first
   * set after them. Valid while the queue's version stands where it was computed.
   */
  static final class WaitingRun {
    int count;
    int minTasks;
    dev.barriersim.core.cluster.ResourceDemand shape;
    TaskSetManager end;
    long computedAt = -1;
  }

  private final SchedulingMode mode;
  private final Version version = new Version();
  private final OrderedTaskSets fifo = new OrderedTaskSets(version);
  private final Map<String, Pool> pools = new LinkedHashMap<>();
  private final WaitingRun waitingRun = new WaitingRun();

  TaskSetQueue(SchedulingMode mode, List<PoolSpec> poolSpecs) {
    this.mode = mode;
    pools.put("default", new Pool(PoolSpec.defaultPool(), version));
    for (PoolSpec p : poolSpecs) pools.put(p.name(), new Pool(p, version));
  }

  /** True when rounds visit one FIFO order (the root pool in FIFO mode). */
  boolean isFifo() {
    return mode == SchedulingMode.FIFO;
  }

  /** The waiting barrier sets at the head of the FIFO order; FIFO mode only. Amortized O(1). */
  WaitingRun waitingRun() {
    WaitingRun r = waitingRun;
    if (r.computedAt == version.value) return r;
    r.count = 0;
    r.minTasks = Integer.MAX_VALUE;
    TaskSetManager t = fifo.first();
    r.shape = t == null ? null : t.stage.demand;
    while (t != null && t.isWaitingBarrier() && t.stage.demand == r.shape) {
      r.count++;
      r.minTasks = Math.min(r.minTasks, t.numTasks);
      t = t.queueNext;
    }
    r.end = t;
    r.computedAt = version.value;
    return r;
  }

  /** Visits the FIFO order from {@code start} (a queued set, or null) as {@link #forEachInOrder} does from its head. */
  void forEachFrom(TaskSetManager start, Predicate<TaskSetManager> visitor) {
    fifo.walkFrom(start, visitor);
  }

  /** The pool named {@code name}; unknown names fall back to a default-like pool, as Spark creates one. */
  Pool pool(String name) {
    return pools.computeIfAbsent(name, n -> new Pool(new PoolSpec(n, SchedulingMode.FIFO, 1, 0), version));
  }

  /** Makes {@code t} visible to offer rounds (it has pending tasks and is no zombie). Idempotent. */
  void add(TaskSetManager t) {
    if (mode == SchedulingMode.FIFO) fifo.add(t);
    else t.pool.schedulable.add(t);
  }

  /** Hides {@code t} from offer rounds. Idempotent. */
  void remove(TaskSetManager t) {
    if (mode == SchedulingMode.FIFO) fifo.remove(t);
    else t.pool.schedulable.remove(t);
  }

  /**
   * Visits the sets in Spark's order until {@code visitor} returns false. The visitor may add or
   * remove sets; FIFO walks its linked order, so a removal never disturbs the walk.
   */
  void forEachInOrder(Predicate<TaskSetManager> visitor) {
    if (mode == SchedulingMode.FIFO) {
      fifo.walk(visitor);
      return;
    }
    List<Pool> order = new ArrayList<>();
    for (Pool p : pools.values()) if (!p.schedulable.isEmpty()) order.add(p);
    order.sort(SchedulingAlgorithm.FAIR);
    for (Pool p : order) {
      if (p.spec.schedulingMode() == SchedulingMode.FIFO) {
        if (!p.schedulable.walk(visitor)) return;
      } else {
        List<TaskSetManager> sets = p.schedulable.toList();
        sets.sort(SchedulingAlgorithm.FAIR);
        for (TaskSetManager t : sets) if (!visitor.test(t)) return;
      }
    }
  }

  /** True when some set has pending tasks. */
  boolean hasSchedulable() {
    if (mode == SchedulingMode.FIFO) return !fifo.isEmpty();
    for (Pool p : pools.values()) if (!p.schedulable.isEmpty()) return true;
    return false;
  }
}
