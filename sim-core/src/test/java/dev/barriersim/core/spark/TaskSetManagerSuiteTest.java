package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.ExecutorLost;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Executor loss and {@code spark.task.maxFailures}, as Spark 3.5.9's {@code TaskSetManager.executorLost}
 * decides: {@code ExecutorLostFailure(exitCausedByApp)} counts only for a loss Spark blames on the
 * application ({@code ExecutorExited(_, true, _)}, {@code ExecutorProcessLost(causedByApp = true)}
 * such as a heartbeat timeout); not for {@code ExecutorProcessLost(causedByApp = false)} or decommission.
 */
class TaskSetManagerSuiteTest {

  /** Cause {@code app}: the lost task's failure counts; with {@code maxFailures: 1} the job fails with Spark's message. */
  @Test
  void executorLostCausedByApp_countsTowardsTaskMaxFailures() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).taskMaxFailures(1)
        .job("j", stage("s", 1, 1000)).loseExecutor("0", 500, true, -1).build());
    assertEquals("FAILED", run.result.jobs().get(0).status());
    assertEquals("Job aborted due to stage failure: Task 0 in stage 0.0 failed 1 times, most recent failure: Lost task "
        + "0.0 in stage 0.0 (TID 0) (host-0 executor 0): ExecutorLostFailure (executor 0 exited caused by one of the "
        + "running tasks) Reason: Executor lost (failures.executors[0])", run.result.jobs().get(0).failureReason());
    assertEquals(500L, run.result.jobs().get(0).endMs());
  }

  /** A scripted loss with {@code replaceAfter}: a like executor (next id, same cores) joins that long after, and takes the retry. */
  @Test
  void scriptedLossWithReplaceAfter_aLikeExecutorJoins() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 3)
        .job("j", stage("s", 1, 1000)).loseExecutor("0", 500, false, 700).build());
    ExecutorAdded like = run.all(ExecutorAdded.class).get(1);
    assertEquals(1200L, like.t());
    assertEquals("1", like.executor());
    assertEquals(3, like.cores());
    assertEquals(List.of(0L, 1200L), run.launchInstants("s", 0));
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  /** Cause {@code external} (the default): the same loss is retried at once on the other executor and the job succeeds. */
  @Test
  void executorLostExternally_doesNotCount() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).taskMaxFailures(1)
        .job("j", stage("s", 1, 1000)).loseExecutor("0", 500, false, -1).build());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
    TaskEnded lost = run.ends(TaskStatus.FAILED).get(0);
    assertTrue(lost.reason().startsWith("ExecutorLostFailure (executor 0 exited unrelated to the running tasks)"));
  }

  /**
   * {@code kind: exit}: partition 0's code exits its executor's JVM 500 ms into its work. The
   * executor is lost with cause app, so both tasks that ran on it fail with a failure that counts;
   * with {@code maxFailures: 2} they are retried on executor 1 (one at a time: it has one core), and
   * the like executor "2" that joins 1.5 s later takes the other at once.
   */
  @Test
  void taskExit_losesItsExecutorCausedByTheApp_andALikeExecutorJoinsAfterReplaceAfter() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).executors(1, 1).taskMaxFailures(2)
        .job("j", stage("s", 3, 1000)).exit("j", "s", 0, 500, 1500).build());
    ExecutorLost lost = run.all(ExecutorLost.class).get(0);
    assertEquals(500L, lost.t());
    assertEquals("0", lost.executor());
    assertEquals("Executor lost (failures.tasks[0])", lost.reason());
    List<TaskEnded> failed = run.ends(TaskStatus.FAILED);
    assertEquals(2, failed.size());
    for (TaskEnded f : failed) {
      assertTrue(f.reason().startsWith("ExecutorLostFailure (executor 0 exited caused by one of the running tasks)"));
    }
    ExecutorAdded like = run.all(ExecutorAdded.class).get(2);
    assertEquals(2000L, like.t());
    assertEquals("2", like.executor());
    assertEquals(2, like.cores());
    List<TaskLaunched> retries = run.all(TaskLaunched.class, l -> l.attempt() == 1);
    assertEquals(List.of(1000L, 2000L), retries.stream().map(TaskLaunched::t).toList());
    assertEquals(List.of("1", "2"), retries.stream().map(TaskLaunched::executor).toList());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  /** The same exit with {@code maxFailures: 1} fails the job: an app-caused loss counts. */
  @Test
  void taskExit_countsTowardsTaskMaxFailures() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).executors(1, 1).taskMaxFailures(1)
        .job("j", stage("s", 3, 1000)).exit("j", "s", 0, 500, -1).build());
    assertEquals("FAILED", run.result.jobs().get(0).status());
    assertTrue(run.result.jobs().get(0).failureReason().contains("exited caused by one of the running tasks"));
    assertEquals(1, run.all(ExecutorAdded.class).size() - 1, "no replacement without replaceAfter");
  }

  /** An exit planned after the end of the attempt's work never happens: the task succeeds and its executor stays. */
  @Test
  void taskExitPlannedAfterItsWorkEnded_neverHappens() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1)
        .job("j", stage("s", 1, 1000)).exit("j", "s", 0, 5000, -1).build());
    assertEquals(List.of(), run.all(ExecutorLost.class));
    assertEquals(1000L, run.result.makespanMs());
  }

  /** An exit without {@code after} strikes at the end of the work, instead of the success. */
  @Test
  void taskExitWithoutAfter_exitsAtTheEndOfItsWork() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1)
        .job("j", stage("s", 1, 1000)).exit("j", "s", 0, -1, -1).build());
    assertEquals(1000L, run.all(ExecutorLost.class).get(0).t());
    assertEquals(List.of(0L, 1000L), run.launchInstants("s", 0));
  }

  /**
   * A barrier task that exits fails its stage attempt like any barrier failure ({@code spark.task.maxFailures}
   * does not apply to barrier tasks): the map stage reruns whole on the executors left.
   */
  @Test
  void barrierTaskExit_failsTheAttemptAndTheStageReruns() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 2).taskMaxFailures(1)
        .job("j", barrier("m", 4, 2000), stage("r", 1, 100, "m")).exit("j", "m", 0, 500, -1).build());
    assertEquals(List.of(700L), run.launchInstants("m", 1));
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  /** A random ({@code mtbf}) loss with cause app counts too. */
  @Test
  void randomLossCausedByApp_counts() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).taskMaxFailures(1)
        .job("j", stage("s", 1, 3_600_000)).mtbfCausedByApp(60_000).build());
    assertEquals("FAILED", run.result.jobs().get(0).status());
    assertTrue(run.result.jobs().get(0).failureReason().contains("exited caused by one of the running tasks"));
  }
}
