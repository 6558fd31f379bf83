package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.SimEvent.BarrierSyncReleased;
import dev.barriersim.core.event.SimEvent.BarrierSyncTimedOut;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.testing.RecordedRun;
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
}
