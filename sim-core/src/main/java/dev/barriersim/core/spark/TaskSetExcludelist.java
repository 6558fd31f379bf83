package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.SimEvent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Spark's {@code TaskSetExcludelist}: exclusion inside one TaskSet. An executor that failed a task
 * {@code maxTaskAttemptsPerExecutor} times is excluded for that task, a host whose executors failed
 * it {@code maxTaskAttemptsPerNode} times too; an executor with {@code stage.maxFailedTasksPerExecutor}
 * failed tasks is excluded for the TaskSet, and a host with {@code stage.maxFailedExecutorsPerNode}
 * such executors too. The failures are handed to {@link HealthTracker} when the TaskSet succeeds.
 */
final class TaskSetExcludelist {
  private final ExcludeOnFailureConf conf;
  private final TaskSetManager taskSet;
  private final Consumer<SimEvent> emit;
  /** {@code execToFailures}, in the order of each executor's first failure. */
  final Map<Executor, ExecutorFailuresInTaskSet> execToFailures = new LinkedHashMap<>();
  private final Map<String, Set<Executor>> nodeToExecsWithFailures = new LinkedHashMap<>();
  private final Map<String, Set<Integer>> nodeToExcludedTaskIndexes = new LinkedHashMap<>();
  private final Set<Executor> excludedExecs = new LinkedHashSet<>();
  private final Set<String> excludedNodes = new TreeSet<>();
  private String latestFailureReason;
  /** Set once the TaskSet has finished and its failures went to the {@link HealthTracker}. */
  boolean finished;

  TaskSetExcludelist(ExcludeOnFailureConf conf, TaskSetManager taskSet, Consumer<SimEvent> emit) {
    this.conf = conf;
    this.taskSet = taskSet;
    this.emit = emit;
  }

  /** {@code getLatestFailureReason}: the most recent failure that counted, as Spark words it. */
  String getLatestFailureReason() {
    return latestFailureReason;
  }

  /** {@code isExecutorExcludedForTask}. */
  boolean isExecutorExcludedForTask(Executor e, int index) {
    ExecutorFailuresInTaskSet f = execToFailures.get(e);
    return f != null && f.getNumTaskFailures(index) >= conf.maxTaskAttemptsPerExecutor();
  }

  /** {@code isNodeExcludedForTask}. */
  boolean isNodeExcludedForTask(String host, int index) {
    Set<Integer> s = nodeToExcludedTaskIndexes.get(host);
    return s != null && s.contains(index);
  }

  /** {@code isExecutorExcludedForTaskSet}. */
  boolean isExecutorExcludedForTaskSet(Executor e) {
    return excludedExecs.contains(e);
  }

  /** {@code isNodeExcludedForTaskSet}. */
  boolean isNodeExcludedForTaskSet(String host) {
    return excludedNodes.contains(host);
  }

  /** The TaskSet takes no task on {@code e}: {@code resourceOffer}'s {@code offerExcluded}. */
  boolean excludesOffer(Executor e) {
    return isExecutorExcludedForTaskSet(e) || isNodeExcludedForTaskSet(e.host());
  }

  /** Task {@code index} may not run on {@code e}: {@code TaskSetManager.isTaskExcludededOnExecOrNode}. */
  boolean excludesTask(int index, Executor e) {
    return isNodeExcludedForTask(e.host(), index) || isExecutorExcludedForTask(e, index);
  }

  /**
   * {@code updateExcludedForFailedTask}: task {@code index} failed on {@code e} at {@code now} for
   * a reason that counts towards {@code spark.task.maxFailures}.
   */
  void updateExcludedForFailedTask(Executor e, int index, String failureReason, long now) {
    latestFailureReason = failureReason;
    String host = e.host();
    ExecutorFailuresInTaskSet execFailures = execToFailures.computeIfAbsent(e, x -> new ExecutorFailuresInTaskSet(host));
    execFailures.updateWithFailure(index, now);
    int onExecutor = execFailures.getNumTaskFailures(index);
    if (onExecutor == conf.maxTaskAttemptsPerExecutor()) {
      emit.accept(new SimEvent.ExecutorExcluded(now, e.id(), host, ExclusionScope.TASK, job(), stage(),
          taskSet.stageAttempt, taskSet.partition(index), onExecutor, -1));
    }

    // Failures of this task on every executor of the host, in attempts (as Spark counts them).
    Set<Executor> execsWithFailuresOnNode = nodeToExecsWithFailures.computeIfAbsent(host, h -> new LinkedHashSet<>());
    execsWithFailuresOnNode.add(e);
    int failuresOnHost = 0;
    for (Executor x : execsWithFailuresOnNode) {
      ExecutorFailuresInTaskSet f = execToFailures.get(x);
      if (f != null) failuresOnHost += f.getNumTaskFailures(index);
    }
    if (failuresOnHost >= conf.maxTaskAttemptsPerNode()
        && nodeToExcludedTaskIndexes.computeIfAbsent(host, h -> new TreeSet<>()).add(index)) {
      emit.accept(new SimEvent.NodeExcluded(now, host, ExclusionScope.TASK, job(), stage(), taskSet.stageAttempt,
          taskSet.partition(index), execsWithFailuresOnNode.size(), -1));
    }

    int numFailures = execFailures.numUniqueTasksWithFailures();
    if (numFailures >= conf.stageMaxFailedTasksPerExecutor() && excludedExecs.add(e)) {
      emit.accept(new SimEvent.ExecutorExcluded(now, e.id(), host, ExclusionScope.STAGE, job(), stage(),
          taskSet.stageAttempt, -1, numFailures, -1));
      int numFailExec = 0;
      for (Executor x : execsWithFailuresOnNode) if (excludedExecs.contains(x)) numFailExec++;
      if (numFailExec >= conf.stageMaxFailedExecutorsPerNode() && excludedNodes.add(host)) {
        emit.accept(new SimEvent.NodeExcluded(now, host, ExclusionScope.STAGE, job(), stage(), taskSet.stageAttempt,
            -1, numFailExec, -1));
      }
    }
  }

  private String job() {
    return taskSet.stage.job.name;
  }

  private String stage() {
    return taskSet.stage.spec.name();
  }
}
