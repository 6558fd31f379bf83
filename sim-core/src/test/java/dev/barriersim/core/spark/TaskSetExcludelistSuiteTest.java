package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.SimEvent.ExecutorExcluded;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.NodeExcluded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exclusion inside a TaskSet as Spark's {@code TaskSetExcludelistSuite}, {@code TaskSetManagerSuite}
 * and {@code TaskSchedulerImplSuite} pin it: {@code isTaskExcludededOnExecOrNode} in
 * {@code dequeueTaskFromList}, {@code isExecutorExcludedForTaskSet} in {@code resourceOffer}, and
 * the abort of a TaskSet that cannot run anywhere ({@code abortSinceCompletelyExcludedOnFailure}).
 */
class TaskSetExcludelistSuiteTest {

  private static TaskLaunched attempt(RecordedRun run, int partition, int attempt) {
    return run.all(TaskLaunched.class, l -> l.partition() == partition && l.attempt() == attempt).get(0);
  }

  /**
   * "scheduled tasks obey task and stage excludelist": with the default
   * maxTaskAttemptsPerExecutor 1, a task that failed on executor 0 is retried on executor 1, where
   * without exclusion Spark retries it at once on executor 0, the only one offered after the failure.
   */
  @Test
  void isExecutorExcludedForTask_retryGoesToAnotherExecutor() {
    var base = spec().executors(2, 1).job("j", stage("s", 1, 1000)).fail("j", "s", 0, 0, 0, 500);
    RecordedRun off = RecordedRun.of(base.build());
    assertEquals("0", attempt(off, 0, 1).executor());

    RecordedRun on = RecordedRun.of(base.excludeOnFailure(ExcludeOnFailureConf.ENABLED).build());
    assertEquals("1", attempt(on, 0, 1).executor());
    assertEquals(500, attempt(on, 0, 1).t());
    List<ExecutorExcluded> task = on.all(ExecutorExcluded.class, e -> e.scope() == ExclusionScope.TASK);
    assertEquals(1, task.size());
    assertEquals("0", task.get(0).executor());
    assertEquals(0, task.get(0).partition());
    assertEquals(500, task.get(0).t());
  }

  /**
   * "update excludelist for stage": two failed tasks exclude executor 0 for the stage
   * (stage.maxFailedTasksPerExecutor 2); no task of that stage attempt launches there afterwards.
   */
  @Test
  void isExecutorExcludedForTaskSet_noLaunchOnTheExecutorAfterTwoFailedTasks() {
    // Two executors of 2 cores, 10 tasks of 1 s: p0 and p2 start on executor 0 and fail at 500 ms.
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("j", stage("s", 10, 1000))
        .fail("j", "s", 0, 0, 0, 500)
        .fail("j", "s", 2, 0, 0, 500).build());
    List<ExecutorExcluded> stage = run.all(ExecutorExcluded.class, e -> e.scope() == ExclusionScope.STAGE);
    assertEquals(1, stage.size());
    assertEquals("0", stage.get(0).executor());
    assertEquals(500, stage.get(0).t());
    assertEquals(2, stage.get(0).failures());
    // Spark offers a task's executor its freed cores before the failure is processed (StatusUpdate,
    // then the task-result-getter), so p4 and p5 still start on executor 0 at 500 ms. Once the
    // exclusion is known, the retries of p0 and p2 and p6..p9 all run on executor 1.
    int excludedAt = run.events.indexOf(stage.get(0));
    List<String> after = run.events.subList(excludedAt, run.events.size()).stream()
        .filter(e -> e instanceof TaskLaunched).map(e -> ((TaskLaunched) e).executor()).toList();
    assertEquals(List.of("1", "1", "1", "1", "1", "1"), after);
    assertEquals(JobStatus.SUCCEEDED, run.all(JobEnded.class).get(0).result());
  }

  /**
   * "task excluded on node after maxTaskAttemptsPerNode": host-0 holds executors 0 and 1. The task
   * fails on 0, then on 1: two attempts on host-0 exclude the host for it, and attempt 2 goes to
   * executor 2 on host-1.
   */
  @Test
  void isNodeExcludedForTask_thirdAttemptLeavesTheHost() {
    RecordedRun run = RecordedRun.of(spec().executorsPerHost(2, 1, 2).executors(1, 1)
        .excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("j", stage("s", 1, 1000))
        .fail("j", "s", 0, 0, 0, 500)
        .fail("j", "s", 0, 0, 1, 500).build());
    assertEquals("0", attempt(run, 0, 0).executor());
    assertEquals("1", attempt(run, 0, 1).executor());
    assertEquals("2", attempt(run, 0, 2).executor());
    List<NodeExcluded> nodes = run.all(NodeExcluded.class);
    assertEquals(1, nodes.size());
    assertEquals("host-0", nodes.get(0).host());
    assertEquals(ExclusionScope.TASK, nodes.get(0).scope());
    assertEquals(1000, nodes.get(0).t());
  }

  /**
   * "abort stage if executor loss results in unschedulability" / {@code abortSinceCompletelyExcludedOnFailure}:
   * one executor of 2 cores; p0 fails and is excluded on the only executor, which still runs p1, so
   * no executor is idle and Spark aborts the TaskSet at once, in these words.
   */
  @Test
  void abortSinceCompletelyExcludedOnFailure_abortsAtOnceWhenNoExecutorIsIdle() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("j", stage("s", 2, 5000))
        .fail("j", "s", 0, 0, 0, 500).build());
    JobEnded end = run.all(JobEnded.class).get(0);
    assertEquals(JobStatus.FAILED, end.result());
    assertEquals(500, end.t());
    String expected = "Job aborted due to stage failure: \nAborting TaskSet 0.0 because task 0 (partition 0)\n"
        + "cannot run anywhere due to node and executor excludeOnFailure.\nMost recent failure:\n"
        + "Lost task 0.0 in stage 0.0 (TID 0) (host-0 executor 0): ";
    assertTrue(end.reason().startsWith(expected), end.reason());
    assertTrue(end.reason().endsWith("\n\nExcludeOnFailure behavior can be configured via spark.excludeOnFailure.*.\n"),
        end.reason());
  }

  /**
   * "SPARK-22148 abort timer should kick in when task is completely excluded & no new executor can
   * be acquired": the only executor is idle, so Spark waits
   * {@code spark.scheduler.excludeOnFailure.unschedulableTaskSetTimeout} (120 s) and then aborts.
   */
  @Test
  void unschedulableTaskSetTimeout_abortsAfter120sWhenAnExecutorIsIdle() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("j", stage("s", 1, 5000))
        .fail("j", "s", 0, 0, 0, 500).build());
    JobEnded end = run.all(JobEnded.class).get(0);
    assertEquals(JobStatus.FAILED, end.result());
    assertEquals(500 + 120_000, end.t());
    assertTrue(end.reason().contains("cannot run anywhere due to node and executor excludeOnFailure."), end.reason());
  }

  /**
   * "SPARK-22148 try to acquire a new executor when task is unschedulable with 1 executor": an
   * executor that joins before the timer fires takes the task, which clears the timer.
   */
  @Test
  void unschedulableTaskSetTimeout_isClearedWhenATaskLaunches() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).addAt(10_000, 1, 1)
        .excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("j", stage("s", 1, 5000))
        .fail("j", "s", 0, 0, 0, 500).build());
    assertEquals("1", attempt(run, 0, 1).executor());
    assertEquals(10_000, attempt(run, 0, 1).t());
    assertEquals(JobStatus.SUCCEEDED, run.all(JobEnded.class).get(0).result());
    assertEquals(15_000, run.all(JobEnded.class).get(0).t());
  }

  /** {@code config/package.scala} defaults and {@code validateExcludeOnFailureConfs}' refusal, word for word. */
  @Test
  void validateExcludeOnFailureConfs_defaultsAndTheBadNodeRefusal() {
    ExcludeOnFailureConf d = ExcludeOnFailureConf.DISABLED;
    assertEquals(List.of(1, 2, 2, 2, 2, 2), List.of(d.maxTaskAttemptsPerExecutor(), d.maxTaskAttemptsPerNode(),
        d.stageMaxFailedTasksPerExecutor(), d.stageMaxFailedExecutorsPerNode(), d.applicationMaxFailedTasksPerExecutor(),
        d.applicationMaxFailedExecutorsPerNode()));
    assertEquals(3_600_000L, d.timeoutMs());
    assertEquals(120_000L, d.unschedulableTaskSetTimeoutMs());
    assertEquals(ExcludeOnFailureConf.DISABLED, SparkConf.DEFAULTS.excludeOnFailure());
    SparkConf twoAttempts = new SparkConf(1, Map.of(), SchedulingMode.FIFO, 1000, 15_000, 40, 365L * 24 * 3600 * 1000,
        4, 2, false, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> twoAttempts.withExcludeOnFailure(ExcludeOnFailureConf.ENABLED));
    assertEquals("spark.excludeOnFailure.task.maxTaskAttemptsPerNode ( = 2) was >= spark.task.maxFailures ( = 2 ). "
        + "Though excludeOnFailure is enabled, with this configuration, Spark will not be robust to one bad node. "
        + "Decrease spark.excludeOnFailure.task.maxTaskAttemptsPerNode, increase spark.task.maxFailures, or disable "
        + "excludeOnFailure with spark.excludeOnFailure.enabled", e.getMessage());
    // Off, Spark checks nothing: the same keys are accepted.
    twoAttempts.withExcludeOnFailure(ExcludeOnFailureConf.DISABLED);
  }
}
