package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static dev.barriersim.core.testing.SpecBuilder.withStragglers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent.SpeculativeTaskLaunched;
import dev.barriersim.core.event.SimEvent.SpeculativeTaskSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskKillRequested;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Speculation, after Spark 3.5.9's {@code TaskSchedulerImpl} (the speculation thread) and
 * {@code TaskSetManager} ({@code checkSpeculatableTasks}, {@code checkAndSubmitSpeculatableTasks},
 * {@code dequeueTaskFromList}, {@code handleSuccessfulTask}, {@code handleFailedTask}). Two
 * executors of two cores are two hosts; four 1 s tasks of which partition 3 hangs are the
 * straggler every example shares unless it says otherwise.
 */
class SpeculationSuiteTest {

  private static RecordedRun hungPartitionThree(dev.barriersim.core.testing.SpecBuilder b) {
    return RecordedRun.of(b.job("j", stage("s", 4, 1000)).hang("j", "s", 3, 0).build());
  }

  /**
   * {@code addPendingTask} appends even when a stale entry of the task is still listed, and dequeue
   * skips stale ones: losing both executors at once re-adds the hung partition 3 twice (its copy
   * and its original) next to the three resubmitted map outputs, five entries for four tasks. The
   * replacements then run each of the four partitions once.
   */
  @Test
  void executorLost_reAddsATaskOnceForEachLostAttempt_andEachPartitionStillRunsOnce() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).speculation().addAt(5000, 2, 2)
        .loseExecutor("0", 2000).loseExecutor("1", 2000)
        .job("j", stage("s", 4, 1000), stage("r", 1, 10, "s")).hang("j", "s", 3, 0).build());
    List<TaskLaunched> rerun = run.all(TaskLaunched.class, l -> l.stage().equals("s") && l.t() >= 5000);
    assertEquals(List.of(0, 1, 2, 3), rerun.stream().map(TaskLaunched::partition).sorted().toList());
    assertEquals(1, run.all(TaskLaunched.class, l -> l.stage().equals("r")).size());
  }

  @Test
  void checkSpeculatableTasks_marksATaskPastOneAndAHalfMediansAtTheNextIntervalTick() {
    RecordedRun run = hungPartitionThree(spec().executors(2, 2).speculation());
    // Three of four successes reach quantile 0.75 at 1000 ms; the median is 1000 ms, so the
    // threshold is max(1.5 x 1000, 100) = 1500 ms, and the first 100 ms tick past it is 1600 ms.
    SpeculativeTaskSubmitted marked = run.all(SpeculativeTaskSubmitted.class).get(0);
    assertEquals(1600L, marked.t());
    assertEquals(3, marked.partition());
    assertEquals(1600L, marked.runningMs());
    assertEquals(1500L, marked.thresholdMs());
    assertEquals(1, run.all(SpeculativeTaskSubmitted.class).size());
  }

  @Test
  void dequeueTask_launchesTheCopyOnAnotherHostAndHandleSuccessfulTaskKillsTheOriginal() {
    RecordedRun run = hungPartitionThree(spec().executors(2, 2).speculation());
    SpeculativeTaskLaunched copy = run.all(SpeculativeTaskLaunched.class).get(0);
    assertEquals(1600L, copy.t());
    assertEquals("host-0", copy.host()); // the original runs on host-1
    assertEquals(1, copy.attempt());
    TaskLaunched launch = run.all(TaskLaunched.class, l -> l.taskId() == copy.taskId()).get(0);
    assertEquals(1600L, launch.t());
    TaskKillRequested kill = run.all(TaskKillRequested.class).get(0);
    assertEquals(2600L, kill.t());
    assertEquals(0, kill.attempt());
    assertEquals("another attempt succeeded", kill.reason());
    assertEquals(Outcome.COMPLETED, run.result.outcome());
    assertEquals(2600L, run.result.makespanMs());
  }

  @Test
  void speculationOff_leavesTheHungTaskRunningForever() {
    RecordedRun run = hungPartitionThree(spec().executors(2, 2));
    assertEquals(Outcome.STALLED, run.result.outcome());
    assertTrue(run.all(SpeculativeTaskSubmitted.class).isEmpty());
  }

  @Test
  void hasAttemptOnHost_neverPutsACopyOnTheHostOfTheOriginal_soOneHostNeverSpeculates() {
    RecordedRun run = hungPartitionThree(spec().executors(1, 4).speculation());
    assertEquals(1, run.all(SpeculativeTaskSubmitted.class).size());
    assertTrue(run.all(SpeculativeTaskLaunched.class).isEmpty());
    assertEquals(Outcome.STALLED, run.result.outcome()); // and no endless speculation ticks
  }

  @Test
  void checkSpeculatableTasks_neverSpeculatesABarrierTaskSet() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).speculation()
        .job("j", barrier("g", 4, 1000)).hang("j", "g", 3, 0).horizon(60_000).build());
    assertTrue(run.all(SpeculativeTaskSubmitted.class).isEmpty());
    assertTrue(run.all(SpeculativeTaskLaunched.class).isEmpty());
  }

  @Test
  void taskSchedulerImplStart_theLocalBackendNeverSpeculates() {
    RecordedRun run = hungPartitionThree(spec().executors(1, 4).local().speculation());
    assertTrue(run.all(SpeculativeTaskSubmitted.class).isEmpty());
  }

  @Test
  void minFinishedForSpeculation_waitsForQuantileOfTheTasks() {
    // Two of four hang: two successes stay below max(floor(0.75 x 4), 1) = 3.
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).speculation().job("j", stage("s", 4, 1000))
        .hang("j", "s", 2, 0).hang("j", "s", 3, 0).build());
    assertTrue(run.all(SpeculativeTaskSubmitted.class).isEmpty());
    RecordedRun lower = RecordedRun.of(spec().executors(2, 2)
        .speculation(new SpeculationConf(true, 100, 1.5, 0.5, 100)).job("j", stage("s", 4, 1000))
        .hang("j", "s", 2, 0).hang("j", "s", 3, 0).build());
    assertEquals(List.of(2, 3), lower.all(SpeculativeTaskSubmitted.class).stream()
        .map(SpeculativeTaskSubmitted::partition).sorted().toList());
  }

  @Test
  void checkSpeculatableTasks_neverSpeculatesATaskSetOfOneTask() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).speculation().job("j", stage("s", 1, 1000))
        .hang("j", "s", 0, 0).build());
    assertTrue(run.all(SpeculativeTaskSubmitted.class).isEmpty());
  }

  @Test
  void minTaskRuntime_andIntervalSetWhenTheCheckFires() {
    RecordedRun run = hungPartitionThree(spec().executors(2, 2)
        .speculation(new SpeculationConf(true, 1000, 1.5, 0.75, 4000)));
    // threshold max(1500, 4000) = 4000 ms; the first 1 s tick with runtime > 4000 ms is 5000 ms.
    assertEquals(5000L, run.all(SpeculativeTaskSubmitted.class).get(0).t());
    assertEquals(5000L, run.all(SpeculativeTaskLaunched.class).get(0).t());
  }

  @Test
  void handleSuccessfulTask_theFirstToFinishWins_aLongTaskBeatsItsLaterCopy() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).speculation()
        .job("j", stagePerPartition("s", new long[] {1000, 1000, 1000, 5000})).build());
    SpeculativeTaskLaunched copy = run.all(SpeculativeTaskLaunched.class).get(0);
    assertEquals(1600L, copy.t());
    TaskEnded copyEnd = run.all(TaskEnded.class, e -> e.taskId() == copy.taskId()).get(0);
    assertEquals(5000L, copyEnd.t());
    assertEquals(TaskStatus.KILLED, copyEnd.status());
    assertEquals("TaskKilled (another attempt succeeded)", copyEnd.reason());
    assertEquals(5000L, run.result.makespanMs());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  @Test
  void handleFailedTask_aKilledCopyIsNoFailure_evenWithMaxFailuresOne() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).speculation().taskMaxFailures(1)
        .job("j", stagePerPartition("s", new long[] {1000, 1000, 1000, 5000})).build());
    assertEquals(1, run.ends(TaskStatus.KILLED).size());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  @Test
  void handleSuccessfulTask_aCopyThatFinishesBeforeItsKillArrivesDoesNotCommit() {
    // Stragglers (attempt-level draws) with a status-update latency: a copy can end on its
    // executor after the original's end but before the driver's kill reaches it; then its
    // success is handled as killed. Whatever happens, each task succeeds exactly once.
    int notCommitted = 0;
    for (long seed = 1; seed <= 40; seed++) {
      RecordedRun run = RecordedRun.of(spec().seed(seed).executors(8, 2).latency(0, 400).speculation()
          .job("j", withStragglers(stage("s", 16, 1000), 0.2, 3.0)).build());
      assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
      List<Integer> successes = run.ends(TaskStatus.SUCCESS).stream().map(TaskEnded::partition).sorted().toList();
      assertEquals(java.util.stream.IntStream.range(0, 16).boxed().toList(), successes, "seed " + seed);
      notCommitted += run.all(TaskEnded.class, e -> e.reason() != null && e.reason().contains("did not commit")).size();
    }
    assertTrue(notCommitted > 0, "no copy lost the race in 40 seeds");
  }

  @Test
  void speculationOn_stillLaunchesAGangAllAtOnce() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).speculation()
        .job("j", stagePerPartition("m", new long[] {1000, 1000, 1000, 5000}), barrier("g", 4, 1000, "m")).build());
    assertEquals(1, run.launchInstants("g", 0).stream().distinct().count());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }
}
