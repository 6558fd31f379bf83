package dev.barriersim.core.observe;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskHung;
import dev.barriersim.core.event.SimEvent.TaskKillRequested;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import org.junit.jupiter.api.Test;

/** The always-on checker's bookkeeping of running task ids, fed events directly. */
class InvariantCheckerTest {
  /** A task id far past the first words of the checker's set of running ids. */
  private static final long FAR = 5_000_000_123L % Integer.MAX_VALUE;

  private static InvariantChecker checker() {
    InvariantChecker c = new InvariantChecker(spec().executors(2, 4).job("j", stage("s", 4, 100)).build());
    c.onEvent(new ExecutorAdded(0, "0", "host-0", 4));
    c.onEvent(new ExecutorAdded(0, "1", "host-1", 4));
    return c;
  }

  private static TaskLaunched launched(long t, long taskId, String executor) {
    return new TaskLaunched(t, "j", "s", 0, 0, 0, taskId, executor, "host-" + executor);
  }

  private static TaskEnded ended(long t, long taskId, String executor) {
    return new TaskEnded(t, "j", "s", 0, 0, 0, taskId, executor, "host-" + executor, 0, TaskStatus.SUCCESS, "",
        null, TaskEnded.NO_WAITS);
  }

  private static void assertBroken(String what, Runnable events) {
    IllegalStateException e = assertThrows(IllegalStateException.class, events::run);
    assertTrue(e.getMessage().contains(what), e.getMessage());
  }

  @Test
  void aTaskLaunchedEndedAndLaunchedAgainUnderAFarIdPasses() {
    InvariantChecker c = checker();
    assertDoesNotThrow(() -> {
      c.onEvent(launched(0, 0, "0"));
      c.onEvent(launched(0, FAR, "1"));
      c.onEvent(ended(5, FAR, "1"));
      c.onEvent(ended(6, 0, "0"));
      c.onRunEnd(6, Outcome.COMPLETED);
    });
  }

  @Test
  void aTaskIdLaunchedTwiceBreaksTheRun() {
    InvariantChecker c = checker();
    c.onEvent(launched(0, FAR, "0"));
    assertBroken("task id " + FAR + " launched twice", () -> c.onEvent(launched(1, FAR, "1")));
  }

  @Test
  void anEndWithoutALaunchOrASecondEndBreaksTheRun() {
    InvariantChecker never = checker();
    assertBroken("task " + FAR + " ended twice or was never launched", () -> never.onEvent(ended(0, FAR, "0")));
    InvariantChecker twice = checker();
    twice.onEvent(launched(0, 63, "0"));
    twice.onEvent(ended(1, 63, "0"));
    assertBroken("task 63 ended twice", () -> twice.onEvent(ended(2, 63, "0")));
  }

  @Test
  void aHangOfATaskThatDoesNotRunBreaksTheRun() {
    InvariantChecker c = checker();
    c.onEvent(launched(0, 64, "0"));
    assertDoesNotThrow(() -> c.onEvent(new TaskHung(1, "j", "s", 0, 0, 0, 64, "0")));
    assertBroken("task 65 hung while not running", () -> c.onEvent(new TaskHung(1, "j", "s", 0, 0, 0, 65, "0")));
  }

  @Test
  void aCompletedRunMayLeaveOnlyHungOrKilledTasksRunning() {
    InvariantChecker left = checker();
    left.onEvent(launched(0, 1, "0"));
    left.onEvent(launched(0, FAR, "1"));
    left.onEvent(ended(3, 1, "0"));
    assertBroken("completed run left task " + FAR + " running", () -> left.onRunEnd(3, Outcome.COMPLETED));

    InvariantChecker exempt = checker();
    exempt.onEvent(launched(0, 2, "0"));
    exempt.onEvent(launched(0, FAR, "1"));
    exempt.onEvent(new TaskHung(1, "j", "s", 0, 0, 0, 2, "0"));
    exempt.onEvent(new TaskKillRequested(2, "j", "s", 0, 0, 0, FAR, "1", "killed"));
    assertDoesNotThrow(() -> exempt.onRunEnd(3, Outcome.COMPLETED));
  }

  @Test
  void anExecutorRunningMoreCpusThanItHasBreaksTheRun() {
    InvariantChecker c = checker();
    for (int i = 0; i < 4; i++) c.onEvent(launched(0, i, "1"));
    assertBroken("executor 1 runs 5 cpus but has 4", () -> c.onEvent(launched(0, 4, "1")));
  }
}
