/**
 * Spark's scheduler with Spark's nouns: DAGScheduler, TaskSchedulerImpl, TaskSetManager, backends,
 * BarrierCoordinator, MapOutputTracker, and the executor side; it emits SimEvents and formats nothing.
 */
package dev.barriersim.core.spark;
