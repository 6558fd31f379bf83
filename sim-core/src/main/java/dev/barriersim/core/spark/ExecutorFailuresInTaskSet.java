package dev.barriersim.core.spark;

import java.util.Map;
import java.util.TreeMap;

/**
 * Spark's {@code ExecutorFailuresInTaskSet}: the failures of one executor in one TaskSet, per task
 * index, with the count and the latest failure time.
 */
final class ExecutorFailuresInTaskSet {
  /** The executor's host. */
  final String node;
  /** Task index to {failure count, latest failure time}, in index order. */
  final TreeMap<Integer, long[]> taskToFailureCountAndFailureTime = new TreeMap<>();

  ExecutorFailuresInTaskSet(String node) {
    this.node = node;
  }

  /** {@code updateWithFailure}: one more failure of {@code taskIndex} at {@code failureTime}. */
  void updateWithFailure(int taskIndex, long failureTime) {
    long[] c = taskToFailureCountAndFailureTime.computeIfAbsent(taskIndex, k -> new long[] {0, -1});
    c[0]++;
    c[1] = Math.max(c[1], failureTime);
  }

  /** {@code numUniqueTasksWithFailures}. */
  int numUniqueTasksWithFailures() {
    return taskToFailureCountAndFailureTime.size();
  }

  /** {@code getNumTaskFailures}: how often {@code index} failed on this executor. */
  int getNumTaskFailures(int index) {
    long[] c = taskToFailureCountAndFailureTime.get(index);
    return c == null ? 0 : (int) c[0];
  }

  /** The task indexes with failures and their latest failure time, in index order. */
  Iterable<Map.Entry<Integer, long[]>> failures() {
    return taskToFailureCountAndFailureTime.entrySet();
  }
}
