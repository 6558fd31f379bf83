package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent.ExecutorLost;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ordinary stages: waves, retries inside the TaskSet, spark.task.maxFailures, latencies, DAG order. */
class NonBarrierSchedulingTest {

  @Test
  void failedTask_isRetriedAtOnceOnItsOwnExecutor() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).job("j", stage("s", 4, 1000))
        .fail("j", "s", 1, 0, 0, 400).build());
    TaskLaunched retry = run.all(TaskLaunched.class, l -> l.attempt() == 1).get(0);
    assertEquals(1, retry.partition());
    assertEquals(400L, retry.t());
    assertEquals("1", retry.executor());
    assertEquals(1400L, run.result.makespanMs());
    assertEquals(1, run.all(StageSubmitted.class).size());
  }

  @Test
  void taskFailingFourTimes_failsTheJobWithSparksMessage() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).job("j", stage("s", 2, 1000))
        .fail("j", "s", 1, 0, 0, 100).fail("j", "s", 1, 0, 1, 100).fail("j", "s", 1, 0, 2, 100)
        .fail("j", "s", 1, 0, 3, 100).build());
    String reason = run.result.jobs().get(0).failureReason();
    assertTrue(reason.startsWith("Job aborted due to stage failure: Task 1 in stage 0.0 failed 4 times, most recent "
        + "failure: Lost task 1.3 in stage 0.0 (TID 4) (host-0 executor 0): java.lang.RuntimeException"), reason);
    assertEquals(400L, run.result.jobs().get(0).endMs());
    assertEquals(1, run.ends(TaskStatus.KILLED).size());
  }

  @Test
  void threeFailuresAreRetriedAndTheJobSucceeds() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).job("j", stage("s", 1, 1000))
        .fail("j", "s", 0, 0, 0, 100).fail("j", "s", 0, 0, 1, 100).fail("j", "s", 0, 0, 2, 100).build());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
    assertEquals(1300L, run.result.makespanMs());
    assertEquals(300L, run.result.cores().wastedCoreMs());
  }

  @Test
  void childStageStartsWhenItsParentsAreDone() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .job("j", stage("a", 2, 1000), stage("b", 2, 2000), stage("c", 1, 500, "a", "b")).build());
    assertEquals(List.of(2000L), run.launchInstants("c", 0));
    assertEquals(2500L, run.result.makespanMs());
  }

  @Test
  void launchAndStatusLatenciesDelayWorkAndSlotRelease() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).latency(50, 20).job("j", stage("s", 2, 1000)).build());
    assertEquals(List.of(0L, 1070L), run.launchInstants("s", 0));
    assertEquals(2140L, run.result.makespanMs());
  }

  @Test
  void decommissionedExecutorFinishesItsTasksTakesNoNewOnesThenLeaves() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).decommissionAt(500, "1")
        .job("j", stage("s", 4, 1000)).build());
    assertEquals(List.of("0", "1", "0", "0"), run.launches("s", 0).stream().map(TaskLaunched::executor).toList());
    assertEquals(1000L, run.all(ExecutorLost.class).get(0).t());
    assertEquals(3000L, run.result.makespanMs());
  }

  @Test
  void horizonStopsTheRun() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).horizon(1500).job("j", stage("s", 3, 1000)).build());
    assertEquals(Outcome.HORIZON, run.result.outcome());
    assertEquals(1500L, run.result.makespanMs());
    assertEquals("RUNNING", run.result.jobs().get(0).status());
    assertTrue(run.taskCsv.contains(",RUNNING,"));
  }

  @Test
  void eventLimitStopsTheRun() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).maxEvents(5).job("j", stage("s", 3, 1000)).build());
    assertEquals(Outcome.EVENT_LIMIT, run.result.outcome());
  }

  @Test
  void stageThatCanNeverRun_stallsTheRun() {
    RecordedRun run = RecordedRun.of(spec().taskCpus(2).executors(1, 1).job("j", stage("s", 1, 1000)).build());
    assertEquals(Outcome.STALLED, run.result.outcome());
  }

  @Test
  void localBackendRetriesInTheNextRound() {
    RecordedRun run = RecordedRun.of(spec().local().executors(1, 2).job("j", stage("s", 2, 1000))
        .fail("j", "s", 0, 0, 0, 300).build());
    assertEquals(300L, run.all(TaskLaunched.class, l -> l.attempt() == 1).get(0).t());
  }

  /**
   * Aborting a TaskSet ({@code TaskSchedulerImpl.cancelTasks} after "failed 2 times") asks to kill
   * its running attempts in launch order, whatever slots retries reused: partition 2 (task 2)
   * before the retry of partition 0 (task 3), which took the slot partition 0 freed.
   */
  @Test
  void abortedTaskSet_killsItsRunningAttemptsInLaunchOrder() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 3).taskMaxFailures(2).job("j", stage("s", 3, 1000))
        .fail("j", "s", 0, 0, 0, 100).fail("j", "s", 1, 0, 0, 150).fail("j", "s", 1, 0, 1, 100).build());
    List<dev.barriersim.core.event.SimEvent.TaskKillRequested> kills =
        run.all(dev.barriersim.core.event.SimEvent.TaskKillRequested.class);
    assertEquals(List.of(250L, 250L), kills.stream().map(k -> k.t()).toList());
    assertEquals(List.of(2L, 3L), kills.stream().map(k -> k.taskId()).toList());
  }
}
