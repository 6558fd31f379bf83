package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.SimEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Spark's {@code HealthTracker}: exclusion for the whole application. The failures of a TaskSet that
 * succeeded count against each executor ({@code updateExcludedForSuccessfulTaskSet}); an executor
 * with {@code application.maxFailedTasksPerExecutor} of them within {@code spark.excludeOnFailure.timeout}
 * is excluded for that long, and a host with {@code application.maxFailedExecutorsPerNode} excluded
 * executors too. Offer rounds apply the timeout first ({@code applyExcludeOnFailureTimeout}) and then
 * leave excluded executors and hosts out.
 */
final class HealthTracker {
  /** An application-level exclusion: the executor's host and when it ends. */
  private record ExcludedExecutor(String node, long expiryTime) {}

  /** One failed task of a successful TaskSet, counted against an executor until {@code expiryTime}. */
  private record TaskFailure(int stage, int stageAttempt, int taskIndex, long expiryTime) {}

  private final ExcludeOnFailureConf conf;
  private final Consumer<SimEvent> emit;
  /** Failures in successful TaskSets per executor index, not yet timed out. */
  private final Map<Integer, List<TaskFailure>> executorIdToFailureList = new TreeMap<>();
  /** Excluded executors by index, so that the unexclusions of one instant come in executor order. */
  private final TreeMap<Integer, ExcludedExecutor> executorIdToExcludedStatus = new TreeMap<>();
  private final TreeMap<Integer, String> excludedIds = new TreeMap<>();
  private final TreeMap<String, Long> nodeIdToExcludedExpiryTime = new TreeMap<>();
  private final Map<String, Set<Integer>> nodeToExcludedExecs = new TreeMap<>();
  private long nextExpiryTime = Long.MAX_VALUE;

  HealthTracker(ExcludeOnFailureConf conf, Consumer<SimEvent> emit) {
    this.conf = conf;
    this.emit = emit;
  }

  /** {@code isExecutorExcluded}. */
  boolean isExecutorExcluded(Executor e) {
    return executorIdToExcludedStatus.containsKey(e.index());
  }

  /** {@code isNodeExcluded}. */
  boolean isNodeExcluded(String host) {
    return !nodeIdToExcludedExpiryTime.isEmpty() && nodeIdToExcludedExpiryTime.containsKey(host);
  }

  /** Left out of offer rounds: excluded itself or on an excluded host. */
  boolean excludesOffer(Executor e) {
    return (!executorIdToExcludedStatus.isEmpty() && isExecutorExcluded(e)) || isNodeExcluded(e.host());
  }

  /** The earliest instant at which an exclusion ends ({@link Long#MAX_VALUE}: none). */
  long nextExpiryTime() {
    return nextExpiryTime;
  }

  /**
   * {@code applyExcludeOnFailureTimeout}: lifts every exclusion whose expiry is before {@code now}
   * (strictly, as Spark compares), executors first, then hosts.
   */
  void applyExcludeOnFailureTimeout(long now) {
    if (now <= nextExpiryTime) return;
    for (Iterator<Map.Entry<Integer, ExcludedExecutor>> it = executorIdToExcludedStatus.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<Integer, ExcludedExecutor> x = it.next();
      // Read the entry before removing it: TreeMap's iterator may reuse a removed entry for its successor.
      int index = x.getKey();
      ExcludedExecutor status = x.getValue();
      if (status.expiryTime() >= now) continue;
      it.remove();
      String id = excludedIds.remove(index);
      emit.accept(new SimEvent.ExecutorUnexcluded(now, id, ExclusionScope.APPLICATION));
      Set<Integer> failedExecsOnNode = nodeToExcludedExecs.get(status.node());
      failedExecsOnNode.remove(index);
      if (failedExecsOnNode.isEmpty()) nodeToExcludedExecs.remove(status.node());
    }
    for (Iterator<Map.Entry<String, Long>> it = nodeIdToExcludedExpiryTime.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> n = it.next();
      String host = n.getKey();
      if (n.getValue() >= now) continue;
      it.remove();
      emit.accept(new SimEvent.NodeUnexcluded(now, host, ExclusionScope.APPLICATION));
    }
    updateNextExpiryTime();
  }

  private void updateNextExpiryTime() {
    long min = Long.MAX_VALUE;
    for (ExcludedExecutor x : executorIdToExcludedStatus.values()) min = Math.min(min, x.expiryTime());
    for (long t : nodeIdToExcludedExpiryTime.values()) min = Math.min(min, t);
    nextExpiryTime = min;
  }

  /**
   * {@code updateExcludedForSuccessfulTaskSet}: the TaskSet {@code ts} succeeded at {@code now}; each
   * failed task of it counts against its executor until its failure time plus the timeout, and
   * executors (then hosts) over the limit are excluded until {@code now} plus the timeout.
   * Returns true when something was excluded.
   */
  boolean updateExcludedForSuccessfulTaskSet(TaskSetManager ts, Map<Executor, ExecutorFailuresInTaskSet> failuresByExec,
      long now) {
    boolean excluded = false;
    for (Map.Entry<Executor, ExecutorFailuresInTaskSet> f : failuresByExec.entrySet()) {
      Executor exec = f.getKey();
      List<TaskFailure> app = executorIdToFailureList.computeIfAbsent(exec.index(), k -> new ArrayList<>());
      for (Map.Entry<Integer, long[]> t : f.getValue().failures()) {
        app.add(new TaskFailure(ts.stage.id, ts.stageAttempt, t.getKey(), t.getValue()[1] + conf.timeoutMs()));
      }
      app.removeIf(x -> x.expiryTime() < now); // dropFailuresWithTimeoutBefore
      int newTotal = app.size();
      long expiry = now + conf.timeoutMs();
      if (newTotal < conf.applicationMaxFailedTasksPerExecutor() || isExecutorExcluded(exec)) continue;
      String node = f.getValue().node;
      executorIdToExcludedStatus.put(exec.index(), new ExcludedExecutor(node, expiry));
      excludedIds.put(exec.index(), exec.id());
      emit.accept(new SimEvent.ExecutorExcluded(now, exec.id(), node, ExclusionScope.APPLICATION, null, null, -1, -1,
          newTotal, expiry));
      executorIdToFailureList.remove(exec.index());
      updateNextExpiryTime();
      excluded = true;
      Set<Integer> excludedExecsOnNode = nodeToExcludedExecs.computeIfAbsent(node, n -> new LinkedHashSet<>());
      excludedExecsOnNode.add(exec.index());
      if (excludedExecsOnNode.size() >= conf.applicationMaxFailedExecutorsPerNode()
          && !nodeIdToExcludedExpiryTime.containsKey(node)) {
        nodeIdToExcludedExpiryTime.put(node, expiry);
        emit.accept(new SimEvent.NodeExcluded(now, node, ExclusionScope.APPLICATION, null, null, -1, -1,
            excludedExecsOnNode.size(), expiry));
        updateNextExpiryTime();
      }
    }
    return excluded;
  }

  /**
   * {@code handleRemovedExecutor}: forgets the executor's failures, but not its exclusion, so that
   * its host can still be excluded and the exclusion still times out.
   */
  void handleRemovedExecutor(Executor e) {
    executorIdToFailureList.remove(e.index());
  }
}
