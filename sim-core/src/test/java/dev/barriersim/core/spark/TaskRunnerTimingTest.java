package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import dev.barriersim.core.testing.SpecBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a task attempt ends: scripted failures and hangs, kill latency, untilDone, interruption. */
class TaskRunnerTimingTest {
  private static List<Long> ends(RecordedRun run, TaskStatus status) {
    return run.ends(status).stream().map(TaskEnded::t).toList();
  }

  /** A failure without {@code after} fires at the end of the attempt's work. */
  @Test
  void failureWithoutAfterFiresAtTheEndOfTheWork() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).job("j", stage("s", 1, 1000))
        .fail("j", "s", 0, 0, 0, -1).build());
    assertEquals(List.of(1000L), ends(run, TaskStatus.FAILED));
    assertEquals(List.of(2000L), ends(run, TaskStatus.SUCCESS));
  }

  /** A failure scheduled after the attempt's end never fires. */
  @Test
  void failureAfterTheEndNeverFires() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).job("j", stage("s", 1, 1000))
        .fail("j", "s", 0, 0, 0, 5000).build());
    assertEquals(List.of(), ends(run, TaskStatus.FAILED));
  }

  /** A killed computing task stops after the kill latency, or when its work ends if that is earlier. */
  @Test
  void killLatencyIsCappedByTheEndOfTheWork() {
    SpecBuilder base = spec().executors(1, 2).maxConsecutiveAttempts(1)
        .job("j", barrier("b", 2, new long[] {1000}), stage("r", 1, 10, "b")).fail("j", "b", 1, 0, 0, 400);
    assertEquals(List.of(700L), ends(RecordedRun.of(base.killLatency(300).build()), TaskStatus.KILLED));
    assertEquals(List.of(1000L), ends(RecordedRun.of(base.killLatency(900).build()), TaskStatus.KILLED));
  }

  /** untilDone in a phase followed by barrier(): the task ends its phase, enters barrier() and sees the kill at its first poll. */
  @Test
  void untilDoneBeforeABarrierCallAddsOnePoll() {
    SpecBuilder base = spec().executors(1, 2).killUntilDone().maxConsecutiveAttempts(1)
        .job("j", barrier("b", 2, new long[] {1000, 1000})).fail("j", "b", 1, 0, 0, 400);
    assertEquals(List.of(2000L), ends(RecordedRun.of(base.build()), TaskStatus.KILLED));
    assertEquals(List.of(1000L), ends(RecordedRun.of(base.poll(0).build()), TaskStatus.KILLED));
  }

  /** A hung task killed with a fixed latency stops after it; under untilDone it never stops and keeps its slot. */
  @Test
  void hungTaskStopsAfterTheKillLatencyOrNeverUnderUntilDone() {
    SpecBuilder base = spec().executors(1, 2).job("j", stage("s", 2, 1000)).hang("j", "s", 0, -1)
        .fail("j", "s", 1, 0, 0, 100).fail("j", "s", 1, 0, 1, 100).fail("j", "s", 1, 0, 2, 100)
        .fail("j", "s", 1, 0, 3, 100);
    RecordedRun fixed = RecordedRun.of(base.killLatency(300).build());
    assertEquals(400L, fixed.result.jobs().get(0).endMs());
    assertEquals(List.of(700L), ends(fixed, TaskStatus.KILLED));
    RecordedRun untilDone = RecordedRun.of(base.killUntilDone().build());
    assertEquals(List.of(), ends(untilDone, TaskStatus.KILLED));
    assertEquals(Outcome.COMPLETED, untilDone.result.outcome());
    assertTrue(untilDone.taskCsv.contains(",RUNNING,"), untilDone.taskCsv);
  }

  /** A hung non-barrier task that nobody kills leaves its job running: the run stalls. */
  @Test
  void hungTaskNobodyKillsStallsTheRun() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).job("j", stage("s", 1, 1000)).hang("j", "s", 0, 500).build());
    assertEquals(Outcome.STALLED, run.result.outcome());
    assertEquals("RUNNING", run.result.jobs().get(0).status());
  }

  /** A scripted failure while the task waits in barrier() fails it at that instant. */
  @Test
  void failureWhileWaitingInBarrier() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).poll(0).maxConsecutiveAttempts(1)
        .job("j", barrier("b", 2, new long[] {100, 100})).fail("j", "b", 0, 0, 0, 150).hang("j", "b", 1, 50).build());
    assertEquals(List.of(150L), ends(run, TaskStatus.FAILED));
  }

  /** A killed task whose scripted failure comes before the end of its phase stops at that failure. */
  @Test
  void killedTaskStopsAtAnEarlierScriptedFailure() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).killUntilDone().maxConsecutiveAttempts(1)
        .job("j", barrier("b", 2, 1000)).fail("j", "b", 0, 0, 0, 300).fail("j", "b", 1, 0, 0, 600).build());
    assertEquals(List.of(600L), ends(run, TaskStatus.KILLED));
  }

  /** A killed task that will hang before the end of its phase never stops under untilDone. */
  @Test
  void killedTaskThatHangsBeforeItsPhaseEndsNeverStopsUnderUntilDone() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).killUntilDone().maxConsecutiveAttempts(1)
        .job("j", barrier("b", 2, 1000)).fail("j", "b", 0, 0, 0, 300).hang("j", "b", 1, 500).build());
    assertEquals(List.of(), ends(run, TaskStatus.KILLED));
    assertEquals(Outcome.COMPLETED, run.result.outcome());
    assertEquals(300L, run.result.makespanMs());
  }
}
