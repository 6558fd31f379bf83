package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.engine.Phase;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of Spark's {@code TaskSchedulerImpl.resourceOffers} that finds a TaskSet excluded
 * everywhere: when a TaskSet launched nothing in a round and one of its pending tasks is excluded on
 * every live executor ({@code getCompletelyExcludedTaskIfAny}), it aborts at once when no executor
 * is idle, or else after {@code spark.scheduler.excludeOnFailure.unschedulableTaskSetTimeout} unless
 * some TaskSet launches a task meanwhile. Spark also kills an idle excluded executor then, to get a
 * fresh one from the cluster manager; that kill is not modelled, so the executor stays.
 */
final class UnschedulableTaskSets {
  /** Aborts a TaskSet with Spark's message ({@code TaskSetManager.abort}). */
  @FunctionalInterface
  interface Aborter {
    /** Makes {@code ts} a zombie and fails its stage with {@code message}. */
    void abort(TaskSetManager ts, String message);
  }

  private final EventLoop loop;
  private final ClusterState cluster;
  private final HealthTracker health;
  private final long timeoutMs;
  private final boolean dynamicAllocation;
  private final Aborter aborter;
  private final Runnable timersCleared;
  /** {@code unschedulableTaskSetToExpiryTime}; only membership and lookups, never iterated. */
  private final Map<TaskSetManager, Long> unschedulableTaskSetToExpiryTime = new IdentityHashMap<>();
  /** Aborts decided in the round under way, carried out after it (Spark posts them to the DAGScheduler). */
  private final List<TaskSetManager> abortAfterRound = new ArrayList<>();
  private final List<String> abortMessages = new ArrayList<>();

  UnschedulableTaskSets(EventLoop loop, ClusterState cluster, HealthTracker health, ExcludeOnFailureConf conf,
      boolean dynamicAllocation, Aborter aborter, Runnable timersCleared) {
    this.loop = loop;
    this.cluster = cluster;
    this.health = health;
    // timeConf(SECONDS): Spark reads the timeout in whole seconds.
    this.timeoutMs = conf.unschedulableTaskSetTimeoutMs() / 1000 * 1000;
    this.dynamicAllocation = dynamicAllocation;
    this.aborter = aborter;
    this.timersCleared = timersCleared;
  }

  /** After {@code ts} had its turn in a round and launched (or tentatively placed) a task or none. */
  void afterOffer(TaskSetManager ts, boolean launchedAnyTask) {
    if (launchedAnyTask) {
      if (unschedulableTaskSetToExpiryTime.isEmpty()) return;
      unschedulableTaskSetToExpiryTime.clear();
      // Spark's next periodic revive finds the set excluded again and restarts its timer; let the
      // next tick run a round (the backend skips ticks when nothing changed).
      timersCleared.run();
      return;
    }
    int taskIndex = getCompletelyExcludedTaskIfAny(ts);
    if (taskIndex < 0) return;
    if (hasIdleExecutor() || dynamicAllocation) {
      if (!unschedulableTaskSetToExpiryTime.containsKey(ts)) {
        long expiry = loop.now() + timeoutMs;
        unschedulableTaskSetToExpiryTime.put(ts, expiry);
        loop.at(expiry, Phase.DRIVER, () -> abortTimerFired(ts, taskIndex));
      }
    } else {
      abortAfterRound.add(ts);
      abortMessages.add(message(ts, taskIndex));
    }
  }

  /** Carries out the aborts the round decided. */
  void afterRound() {
    for (int i = 0; i < abortAfterRound.size(); i++) aborter.abort(abortAfterRound.get(i), abortMessages.get(i));
    abortAfterRound.clear();
    abortMessages.clear();
  }

  private void abortTimerFired(TaskSetManager ts, int taskIndex) {
    Long expiry = unschedulableTaskSetToExpiryTime.get(ts);
    if (expiry == null || expiry > loop.now()) return;
    unschedulableTaskSetToExpiryTime.remove(ts);
    aborter.abort(ts, message(ts, taskIndex));
  }

  /**
   * {@code TaskSetManager.getCompletelyExcludedTaskIfAny}: the last pending task if it is excluded on
   * every live executor (for the application, the TaskSet or the task, by executor or by host), or -1.
   */
  int getCompletelyExcludedTaskIfAny(TaskSetManager ts) {
    TaskSetExcludelist x = ts.excludelist;
    if (x == null) return -1;
    int index = ts.lastPendingTask();
    if (index < 0) return -1;
    boolean anyExecutor = false;
    for (int i = 0; i < cluster.size(); i++) {
      Executor e = cluster.get(i);
      if (e.state() == Executor.State.LOST) continue;
      anyExecutor = true;
      String host = e.host();
      if (health.isNodeExcluded(host) || x.isNodeExcludedForTaskSet(host) || x.isNodeExcludedForTask(host, index)) {
        continue;
      }
      if (!health.isExecutorExcluded(e) && !x.isExecutorExcludedForTaskSet(e) && !x.isExecutorExcludedForTask(e, index)) {
        return -1;
      }
    }
    return anyExecutor ? index : -1;
  }

  private boolean hasIdleExecutor() {
    for (int i = 0; i < cluster.size(); i++) {
      Executor e = cluster.get(i);
      if (e.state() != Executor.State.LOST && e.runningTasks() == 0) return true;
    }
    return false;
  }

  private static String message(TaskSetManager ts, int taskIndex) {
    return SparkMessages.completelyExcluded(ts, taskIndex, ts.excludelist.getLatestFailureReason());
  }
}
