package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent.BarrierSyncReleased;
import dev.barriersim.core.event.SimEvent.BarrierSyncTimedOut;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskHung;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.testing.RecordedRun;
import dev.barriersim.core.testing.SpecBuilder;
import dev.barriersim.core.workload.StageSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code barrier()} syncs, as pinned by Spark's {@code BarrierTaskContextSuite} and decision 7. */
class BarrierTaskContextSuiteTest {

  private static StageSpec perPartition(String name, long[]... phases) {
    List<DurationSpec> specs = java.util.Arrays.stream(phases)
        .map(p -> DurationSpec.of(new Distribution.PerPartition(p))).toList();
    return new StageSpec(name, phases[0].length, true, List.of(), null, specs, null);
  }

  private static List<Long> endTimes(RecordedRun run) {
    return run.all(TaskEnded.class).stream().map(TaskEnded::t).sorted().toList();
  }

  /** Decision 7, measured on local[4]: phases 1 s, 1 s, 0.5 s end at 3.5 s (one task) and 4.5 s (three). */
  @Test
  void decision7_localBackendPollingExample() {
    RecordedRun run = RecordedRun.of(spec().local().executors(1, 4)
        .job("j", barrier("b", 4, new long[] {1000, 1000, 500})).build());
    assertEquals(List.of(3500L, 4500L, 4500L, 4500L), endTimes(run));
  }

  /**
   * The same example's time inside barrier(): epoch 0, three tasks wait 1000 ms (the last leaves
   * at once); epoch 1, the early task waits 2000 ms, two wait 1000 ms, the last arriver none.
   */
  @Test
  void decision7_timeInsideBarrierIsSummedPerEpoch() {
    RecordedRun run = RecordedRun.of(spec().local().executors(1, 4)
        .job("j", barrier("b", 4, new long[] {1000, 1000, 500})).build());
    assertEquals(List.of(3000L, 4000L), run.all(BarrierSyncReleased.class).stream().map(BarrierSyncReleased::waitMs).toList());
    assertEquals(7000L, run.result.barrier().syncWaitCoreMs());
  }

  /** Coarse-grained: the reply crosses JVMs, so even the last arriver waits one poll step. */
  @Test
  void coarseGrainedLastArriverWaitsOneStepToo() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .job("j", barrier("b", 4, new long[] {1000, 1000, 500})).build());
    assertEquals(List.of(4500L, 4500L, 4500L, 4500L), endTimes(run));
  }

  /** barrierPollInterval 0ms: the ideal barrier, released the instant the last task arrives. */
  @Test
  void zeroPollIntervalIsTheIdealBarrier() {
    RecordedRun run = RecordedRun.of(spec().poll(0).executors(1, 4)
        .job("j", barrier("b", 4, new long[] {1000, 1000, 500})).build());
    assertEquals(List.of(2500L, 2500L, 2500L, 2500L), endTimes(run));
  }

  /** "global sync by barrier() call": arrivals spread over a second leave within one poll step of each other. */
  @Test
  void globalSync_spreadAfterTheBarrierIsAtMostOnePollStep() {
    RecordedRun run = RecordedRun.of(spec().executors(4, 1)
        .job("j", perPartition("b", new long[] {100, 400, 700, 950}, new long[] {10, 10, 10, 10})).build());
    List<Long> ends = endTimes(run);
    assertTrue(ends.get(3) - ends.get(0) <= 1000, ends.toString());
    assertEquals(1, run.all(BarrierSyncReleased.class).size());
    assertEquals(950L, run.all(BarrierSyncReleased.class).get(0).t());
  }

  /** "support multiple barrier() call within a single task": two epochs, both released. */
  @Test
  void twoBarrierCallsInOneTask() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).job("j", barrier("b", 2, new long[] {100, 100, 100})).build());
    assertEquals(List.of(0, 1), run.all(BarrierSyncReleased.class).stream().map(BarrierSyncReleased::epoch).toList());
  }

  /** "barrier call timeout": spark.barrier.sync.timeout=1; one task arrives 2 s late, the others fail. */
  @Test
  void syncTimeout_failsTheWaitingTasksWithSparksMessage() {
    RecordedRun run = RecordedRun.of(spec().executors(4, 1).syncTimeout(1000)
        .job("j", perPartition("b", new long[] {10, 10, 10, 2000}, new long[] {10, 10, 10, 10})).build());
    BarrierSyncTimedOut timeout = run.all(BarrierSyncTimedOut.class).get(0);
    assertEquals(1010L, timeout.t());
    assertEquals(3, timeout.arrived());
    assertEquals(3 * 2000L, timeout.waitMs()); // each entered at 10 and sees the failure at its poll at 2010
    String reason = run.result.jobs().get(0).failureReason();
    assertTrue(reason.contains("The coordinator didn't get all barrier sync requests for barrier epoch 0 from Stage 0 "
        + "(Attempt 0) within 1 second(s)."), reason);
  }

  /** "barrier task doesn't call barrier() on every path" (a hang before the sync): the others time out. */
  @Test
  void taskThatNeverSyncs_leadsToTheTimeout() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).syncTimeout(5000).interruptOnCancel()
        .job("j", barrier("b", 2, new long[] {100, 100})).hang("j", "b", 0, 50).build());
    assertEquals(100L + 5000L, run.all(BarrierSyncTimedOut.class).get(0).t());
    assertEquals("FAILED", run.result.jobs().get(0).status());
    assertTrue(run.result.jobs().get(0).failureReason().contains("within 5 second(s)"));
  }

  /** "barrier task killed, no interrupt": a task waiting in barrier() ends at its next poll instant. */
  @Test
  void killWhileWaiting_endsAtTheNextPollInstant() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).killUntilDone()
        .job("j", perPartition("b", new long[] {100, 3000}, new long[] {10, 10}))
        .fail("j", "b", 1, 0, 0, 1500).build());
    TaskEnded killed = run.ends(TaskStatus.KILLED).get(0);
    assertEquals(0, killed.partition());
    assertEquals(2100L, killed.t());
  }

  /** "barrier task killed, interrupt": interruption ends it at once. */
  @Test
  void killWhileWaitingWithInterrupt_endsAtOnce() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).interruptOnCancel()
        .job("j", perPartition("b", new long[] {100, 3000}, new long[] {10, 10}))
        .fail("j", "b", 1, 0, 0, 1500).build());
    assertEquals(1500L, run.ends(TaskStatus.KILLED).get(0).t());
  }

  /**
   * kind: hang without after in a two-phase barrier task: it computes phase 0 and never calls
   * barrier(), so its sibling waits and the sync times out spark.barrier.sync.timeout after the
   * first arrival (the sibling's, at 100 ms), not after the hung task's phase end (300 ms).
   */
  @Test
  void hangWithoutAfter_neverReachesTheFirstBarrier_soTheSyncTimesOutFromTheFirstArrival() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).syncTimeout(5000).interruptOnCancel()
        .job("j", perPartition("b", new long[] {300, 100}, new long[] {100, 100})).hang("j", "b", 0, -1).build());
    List<BarrierSyncTimedOut> timeouts = run.all(BarrierSyncTimedOut.class);
    assertEquals(1, timeouts.size());
    assertEquals(100L + 5000L, timeouts.get(0).t());
    assertEquals(1, timeouts.get(0).arrived());
    assertEquals(List.of(), run.all(BarrierSyncReleased.class));
    assertEquals("FAILED", run.result.jobs().get(0).status());
    assertEquals(Outcome.COMPLETED, run.result.outcome());
  }

  /** kind: hang without after in a one-phase task: it computes its work and never finishes. */
  @Test
  void hangWithoutAfter_inAOnePhaseTask_neverFinishes() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1)
        .job("j", barrier("b", 2, 1000)).hang("j", "b", 0, -1).build());
    assertEquals(List.of(1000L), run.ends(TaskStatus.SUCCESS).stream().map(TaskEnded::t).toList());
    assertEquals(Outcome.STALLED, run.result.outcome());
    assertEquals("RUNNING", run.result.jobs().get(0).status());
  }

  /** Without barrier() calls (the non-barrier arm) the phases run back to back, so the hang comes after all of them. */
  @Test
  void hangWithoutAfter_inANonBarrierTask_comesAtTheEndOfAllItsPhases() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1)
        .job("j", perPartition("b", new long[] {300, 100}, new long[] {100, 100}).withoutBarrier())
        .hang("j", "b", 0, -1).build());
    assertEquals(List.of(200L), run.ends(TaskStatus.SUCCESS).stream().map(TaskEnded::t).toList());
    assertEquals(Outcome.STALLED, run.result.outcome());
    assertTrue(run.taskCsv.contains(",RUNNING,"), run.taskCsv);
  }

  /**
   * after counts from the start of the task's work, as its code sees it: launched at 0 with a
   * 40 ms launch latency, a task that throws 500 ms into its code fails at 540 ms (Spark measured
   * about 540 ms on a two-executor cluster).
   */
  @Test
  void failAfter_countsFromTheStartOfTheWork_notFromTheLaunch() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).latency(40, 0).maxConsecutiveAttempts(1)
        .job("j", barrier("b", 2, 2000)).fail("j", "b", 1, 0, 0, 500).build());
    TaskEnded failed = run.ends(TaskStatus.FAILED).get(0);
    assertEquals(0L, failed.launchMs());
    assertEquals(540L, failed.t());
  }

  /**
   * A hang 1010 ms into a task whose work takes 1000 ms never happens, whatever the launch
   * latency: the work ends first (at 40 + 1000 ms) and the task succeeds.
   */
  @Test
  void hangAfter_countsFromTheStartOfTheWork_soAHangPastTheWorkNeverHappens() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).latency(40, 0)
        .job("j", barrier("b", 1, 1000)).hang("j", "b", 0, 1010).build());
    assertEquals(List.of(1040L), run.ends(TaskStatus.SUCCESS).stream().map(TaskEnded::t).toList());
    assertEquals(Outcome.COMPLETED, run.result.outcome());
  }

  /** taskFailureProbability's point is a point of the attempt's work: never inside the launch latency, never past the work. */
  @Test
  void randomFailurePoint_fallsInsideTheAttemptsWork() {
    RecordedRun run = RecordedRun.of(spec().executors(4, 2).latency(300, 0).failureProbability(0.5).taskMaxFailures(8)
        .job("j", SpecBuilder.stage("s", 40, 100)).build());
    List<TaskEnded> failed = run.ends(TaskStatus.FAILED);
    assertTrue(failed.size() >= 10, "enough failures to look at: " + failed.size());
    for (TaskEnded t : failed) {
      assertTrue(t.t() >= t.launchMs() + 300 && t.t() < t.launchMs() + 300 + 100, t.toString());
    }
  }

  private static TaskEnded endOf(RecordedRun run, int stageAttempt, int partition) {
    return run.all(TaskEnded.class, e -> e.stageAttempt() == stageAttempt && e.partition() == partition).get(0);
  }

  /** The coordinator cancels an epoch's timeout when the epoch is released: a released sync never times out later. */
  @Test
  void releasedEpoch_neverTimesOutLater() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).syncTimeout(1000)
        .job("j", barrier("b", 2, new long[] {100, 100})).build());
    assertEquals(List.of(100L), run.all(BarrierSyncReleased.class).stream().map(BarrierSyncReleased::t).toList());
    assertEquals(1200L, run.result.makespanMs(), "the run outlives the cancelled timeout (100 + 1 s)");
    assertEquals(List.of(), run.all(BarrierSyncTimedOut.class));
  }

  /**
   * When a stage attempt fails, the coordinator drops its state ({@code onStageCompleted}): the
   * timeout pending since p0 entered barrier() at 100 never fires, although the run goes on past
   * 1100 with the next attempt.
   */
  @Test
  void failedAttemptsPendingSyncTimeout_neverFires() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).syncTimeout(1000)
        .job("j", perPartition("m", new long[] {100, 600}, new long[] {100, 100}), stage("r", 1, 10, "m"))
        .fail("j", "m", 1, 0, 0, 500).build());
    assertEquals(List.of(1100L), run.launchInstants("m", 1));
    assertEquals(2810L, run.result.makespanMs());
    assertEquals(List.of(), run.all(BarrierSyncTimedOut.class));
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  /**
   * After an epoch timed out, a task that arrives late gets no reply and no timeout of its own:
   * it waits in barrier() until the driver, told of the failure 3 s later (status-update
   * latency), kills it at its next poll.
   */
  @Test
  void taskArrivingAfterTheSyncTimedOut_waitsForItsKill() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).syncTimeout(1000).latency(0, 3000)
        .job("j", perPartition("b", new long[] {100, 1500}, new long[] {10, 10})).build());
    List<BarrierSyncTimedOut> timeouts = run.all(BarrierSyncTimedOut.class);
    assertEquals(1, timeouts.size());
    assertEquals(1100L, timeouts.get(0).t());
    TaskEnded late = endOf(run, 0, 1);
    assertEquals(TaskStatus.KILLED, late.status());
    assertEquals(8500L, late.t());
  }

  /** A task that hangs instead of calling its first barrier() reports TaskHung when its first phase ends. */
  @Test
  void hangWithoutAfter_isReportedWhenTheFirstPhaseEnds() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).syncTimeout(5000).interruptOnCancel()
        .job("j", perPartition("b", new long[] {300, 100}, new long[] {100, 100})).hang("j", "b", 0, -1).build());
    List<TaskHung> hung = run.all(TaskHung.class);
    assertEquals(1, hung.size());
    assertEquals(300L, hung.get(0).t());
    assertEquals(0, hung.get(0).partition());
  }

  /** A task killed while it waits in barrier() records its time inside barrier() up to the poll at which it stops. */
  @Test
  void taskKilledWhileWaiting_recordsItsWaitUntilItStops() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).killUntilDone()
        .job("j", perPartition("b", new long[] {100, 3000}, new long[] {10, 10}))
        .fail("j", "b", 1, 0, 0, 1500).build());
    TaskEnded killed = endOf(run, 0, 0);
    assertEquals(TaskStatus.KILLED, killed.status());
    assertEquals(List.of(100L, 2100L), java.util.Arrays.stream(killed.barrierWaits()).boxed().toList());
  }

  /** An executor lost while its task waits in barrier(): the task's time inside barrier() ends with the loss. */
  @Test
  void executorLostWhileItsTaskWaits_closesTheTasksWaitAtTheLoss() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).addAt(600, 1, 1)
        .job("j", perPartition("m", new long[] {100, 2000}, new long[] {10, 10}), stage("r", 1, 10, "m"))
        .loseExecutor("0", 500).build());
    TaskEnded lost = endOf(run, 0, 0);
    assertEquals(TaskStatus.FAILED, lost.status());
    assertEquals(500L, lost.t());
    assertEquals(List.of(100L, 500L), java.util.Arrays.stream(lost.barrierWaits()).boxed().toList());
  }

  /** A task that hung inside barrier() never stops under {@code killLatency: untilDone}: it holds its slot. */
  @Test
  void taskHungInsideBarrier_neverStopsUnderUntilDone() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).killUntilDone()
        .job("j", perPartition("b", new long[] {100, 1000}, new long[] {10, 10}))
        .hang("j", "b", 0, 500).fail("j", "b", 1, 0, 0, 700).build());
    assertEquals(List.of(500L), run.all(TaskHung.class).stream().map(TaskHung::t).toList());
    assertEquals(List.of(), run.all(TaskEnded.class, e -> e.partition() == 0));
    assertEquals(Outcome.COMPLETED, run.result.outcome());
    assertEquals(700L, run.result.makespanMs());
  }

  /** A hang due exactly when the phase ends wins over the end (as without a kill): untilDone never stops the task. */
  @Test
  void killedTaskWhoseHangFallsExactlyAtItsPhaseEnd_neverStopsUnderUntilDone() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).killUntilDone().maxConsecutiveAttempts(1)
        .job("j", barrier("b", 2, 1000)).fail("j", "b", 0, 0, 0, 300).hang("j", "b", 1, 1000).build());
    assertEquals(List.of(), run.all(TaskEnded.class, e -> e.partition() == 1));
    assertEquals(300L, run.result.makespanMs());
  }

  /** A kill cancels what the task had planned: a hang due between the kill and its stop never happens. */
  @Test
  void killCancelsAHangDueBeforeTheTaskStops() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).killLatency(500).maxConsecutiveAttempts(1)
        .job("j", barrier("b", 2, 1000)).fail("j", "b", 0, 0, 0, 300).hang("j", "b", 1, 400).build());
    assertEquals(List.of(), run.all(TaskHung.class));
    TaskEnded killed = endOf(run, 0, 1);
    assertEquals(TaskStatus.KILLED, killed.status());
    assertEquals(800L, killed.t());
  }

  /**
   * Killed at the very instant its own scripted failure is due (executor 0 is lost at 400 ms,
   * before task-side events of that instant), a sibling stops then, not after the 500 ms kill latency.
   */
  @Test
  void killAtTheInstantOfTheTasksOwnScriptedFailure_stopsItThen() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).killLatency(500).maxConsecutiveAttempts(1)
        .job("j", barrier("b", 2, 1000)).fail("j", "b", 1, 0, 0, 400).loseExecutor("0", 400).build());
    TaskEnded sibling = endOf(run, 0, 1);
    assertEquals(TaskStatus.KILLED, sibling.status());
    assertEquals(400L, sibling.t());
  }

  private static long waitedMs(TaskEnded e) {
    long sum = 0;
    for (int i = 0; i + 1 < e.barrierWaits().length; i += 2) sum += e.barrierWaits()[i + 1] - e.barrierWaits()[i];
    return sum;
  }

  /**
   * A task that fails inside barrier() (p0, at 150) is still counted by the coordinator, so the
   * epoch is released when p1 arrives at 300, before the driver hears of the failure (500 ms
   * status-update latency). The epoch's time inside barrier() counts p0 only until it failed:
   * 50 ms, plus p1's 1000 ms up to its poll, as the tasks' own barrier() intervals say.
   */
  @Test
  void taskThatFailedInsideBarrierBeforeTheRelease_countsItsWaitOnlyUntilItFailed() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).latency(0, 500).maxConsecutiveAttempts(1)
        .job("j", perPartition("b", new long[] {100, 300}, new long[] {10, 10})).fail("j", "b", 0, 0, 0, 150).build());
    BarrierSyncReleased released = run.all(BarrierSyncReleased.class).get(0);
    assertEquals(300L, released.t());
    assertEquals(List.of(100L, 150L), java.util.Arrays.stream(endOf(run, 0, 0).barrierWaits()).boxed().toList());
    assertEquals(50L + 1000L, released.waitMs());
    assertEquals(waitedMs(endOf(run, 0, 0)) + waitedMs(endOf(run, 0, 1)), released.waitMs());
    assertEquals(1050L, run.result.barrier().syncWaitCoreMs());
  }

  /** The same for a sync timeout: p0 failed inside barrier() at 150, so the timed-out epoch counts its 50 ms, not 1000. */
  @Test
  void taskThatFailedInsideBarrierBeforeTheTimeout_countsItsWaitOnlyUntilItFailed() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).latency(0, 3000).syncTimeout(1000).maxConsecutiveAttempts(1)
        .job("j", perPartition("b", new long[] {100, 5000}, new long[] {10, 10})).fail("j", "b", 0, 0, 0, 150).build());
    BarrierSyncTimedOut timeout = run.all(BarrierSyncTimedOut.class).get(0);
    assertEquals(1100L, timeout.t());
    assertEquals(1, timeout.arrived());
    assertEquals(50L, timeout.waitMs());
  }
}
