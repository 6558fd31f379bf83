package dev.barriersim.core.spark;

import dev.barriersim.core.spark.SchedulingAlgorithm.Schedulable;

/**
 * A scheduling pool ({@code fairscheduler.xml}): the TaskSetManagers that have pending tasks, in
 * the pool's own order, and the running-task count the FAIR comparator reads.
 */
final class Pool implements Schedulable {
  final PoolSpec spec;
  int runningTasks;
  final OrderedTaskSets schedulable = new OrderedTaskSets();

  Pool(PoolSpec spec) {
    this.spec = spec;
  }

  @Override public int minShare() { return spec.minShare(); }
  @Override public int weight() { return spec.weight(); }
  @Override public int runningTasks() { return runningTasks; }
  @Override public String name() { return spec.name(); }
}
