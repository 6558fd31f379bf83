package dev.barriersim.core.spark;

import dev.barriersim.core.spark.SchedulingAlgorithm.Schedulable;

/**
 * A scheduling pool ({@code fairscheduler.xml}): the TaskSetManagers that have pending tasks, in
 * the pool's own order, and the running-task count the FAIR comparator reads.
 */
final class Pool implements Schedulable {
  final PoolSpec spec;
  int runningTasks;
  /** The version of the whole queue, shared by all pools: it moves whenever a queued set changes. */
  final TaskSetQueue.Version version;
  final OrderedTaskSets schedulable;

  Pool(PoolSpec spec, TaskSetQueue.Version version) {
    this.spec = spec;
    this.version = version;
    this.schedulable = new OrderedTaskSets(version);
  }

  @Override public int minShare() { return spec.minShare(); }
  @Override public int weight() { return spec.weight(); }
  @Override public int runningTasks() { return runningTasks; }
  @Override public String name() { return spec.name(); }
}
