package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.Executor;
import java.util.Arrays;

/**
 * Attempts whose end the driver has processed, kept for later launches, so that a run in steady
 * state allocates no attempt (and the collector copies none): a launch takes the attempt that
 * ended last, still in the cache. Only {@link TaskAttempt#isReusable} attempts come back; any other
 * is left to the garbage collector.
 */
final class AttemptPool {
  private TaskAttempt[] free = new TaskAttempt[64];
  private int size;

  /** The attempt launched now: a reused one, or a new one when none is free. */
  TaskAttempt launch(TaskSetManager taskSet, int index, int attempt, long taskId, Executor executor, long launchMs,
      long[] phases, TaskPlan plan, Stage fetchFailedFrom) {
    if (size == 0) {
      return new TaskAttempt(taskSet, index, attempt, taskId, executor, launchMs, phases, plan, fetchFailedFrom);
    }
    TaskAttempt t = free[--size];
    free[size] = null;
    t.launch(taskSet, index, attempt, taskId, executor, launchMs, phases, plan, fetchFailedFrom);
    return t;
  }

  /** Keeps {@code t} for a later launch if it is {@link TaskAttempt#isReusable reusable}; call when the driver is done with it. */
  void release(TaskAttempt t) {
    if (!t.isReusable()) return;
    if (size == free.length) free = Arrays.copyOf(free, 2 * size);
    free[size++] = t;
  }

  /** Attempts waiting for reuse. */
  int size() {
    return size;
  }
}
