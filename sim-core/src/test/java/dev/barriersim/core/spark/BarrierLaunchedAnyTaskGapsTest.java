package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.withResources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.RunResult.JobResult;
import dev.barriersim.core.event.SimEvent.BarrierPlacementReverted;
import dev.barriersim.core.event.SimEvent.BarrierRoundSkipped;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code TaskSchedulerImpl.resourceOffers}: a barrier TaskSet that launched its tasks counts as
 * {@code launchedAnyTask}, which clears the abort timers of every completely excluded TaskSet
 * ({@code unschedulableTaskSetToExpiryTime.clear()}); the excluded set starts a new timer in a later round.
 */
class BarrierLaunchedAnyTaskGapsTest {
  /** Spark's defaults, with a 5 s {@code unschedulableTaskSetTimeout}. */
  private static final ExcludeOnFailureConf FIVE_SECOND_TIMEOUT =
      new ExcludeOnFailureConf(true, 1, 2, 2, 2, 2, 2, 3_600_000L, 5_000L);

  /**
   * Three executors on three hosts; job "a"'s one task fails on executors 0, 1 and 2 (at 100, 200
   * and 300 ms) and may run nowhere: with executors idle its timer would abort it at 5.3 s. The
   * barrier stage of job "b" (2 tasks, submitted at 2 s) launches and clears that timer, so "a"
   * aborts 5 s after the next round that finds it excluded with executors idle (3 s, when b ends): at 8 s.
   */
  @Test
  void launchedBarrierSet_clearsTheAbortTimerOfACompletelyExcludedSet() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 1).excludeOnFailure(FIVE_SECOND_TIMEOUT)
        .job("a", stage("a", 1, 1000))
        .job("b", 2000, "default", barrier("b", 2, 1000))
        .fail("a", "a", 0, 0, 0, 100).fail("a", "a", 0, 0, 1, 100).fail("a", "a", 0, 0, 2, 100).build());
    JobResult a = run.result.jobs().get(0);
    assertEquals("FAILED 8000", a.status() + " " + a.endMs());
    JobResult b = run.result.jobs().get(1);
    assertEquals("b SUCCEEDED 3000", b.name() + " " + b.status() + " " + b.endMs());
  }

  /**
   * A reverted placement counts as {@code launchedAnyTask} too. Executor 0 (4 cores, 2 GPUs) runs
   * job "a"'s task and three 20 s "busy" tasks; executor 1 (1 core, no GPU) joins at 50 ms. "a"'s
   * task fails on executor 0 (100 ms) and 1 (200 ms) and may run nowhere, with executor 1 idle: its
   * timer would abort it at 5.2 s. From 1 s every round counts the 2 GPU slots of executor 0 for
   * the barrier stage of "b" (1 GPU a task) but places only one task on its one free core and gives
   * it back, which clears "a"'s timer again and again. When busy's tasks end at 20 s "b" launches,
   * and the next round starts "a"'s last timer: it aborts at 25 s, not at 5.2 s.
   */
  @Test
  void revertedBarrierPlacement_clearsTheAbortTimerOfACompletelyExcludedSet() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4, Map.of("gpu", 2)).addAt(50, 1, 1)
        .excludeOnFailure(FIVE_SECOND_TIMEOUT)
        .job("a", stage("a", 1, 1000))
        .job("busy", stage("busy", 3, 20_000))
        .job("b", 1000, "default", withResources(barrier("b", 2, 1000), Map.of("gpu", 1)))
        .fail("a", "a", 0, 0, 0, 100).fail("a", "a", 0, 0, 1, 100).build());
    assertEquals(1000L, run.all(BarrierPlacementReverted.class).get(0).t());
    JobResult a = run.result.jobs().get(0);
    assertEquals("FAILED 25000", a.status() + " " + a.endMs());
  }

  /**
   * A barrier set that the slot count lets in but that places nothing did not launch anything: it
   * leaves the timers alone. As above, but executor 0 has 4 GPUs, all held by two 20 s "hog" tasks
   * (2 GPUs each); the slot count on cores (the limiting resource on a tie) says 2 for "b", which
   * then finds no GPU: "a"'s timer runs out at 5.2 s.
   */
  @Test
  void barrierSetThatPlacesNothing_leavesTheAbortTimerAlone() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4, Map.of("gpu", 4)).addAt(50, 1, 1)
        .excludeOnFailure(FIVE_SECOND_TIMEOUT)
        .job("a", stage("a", 1, 1000))
        .job("hog", withResources(stage("hog", 2, 20_000), Map.of("gpu", 2)))
        .job("b", 1000, "default", withResources(barrier("b", 2, 1000), Map.of("gpu", 1)))
        .fail("a", "a", 0, 0, 0, 100).fail("a", "a", 0, 0, 1, 100).build());
    assertEquals(List.of(), run.all(BarrierPlacementReverted.class));
    assertEquals(List.of(), run.all(BarrierRoundSkipped.class, k -> k.stage().equals("b")));
    JobResult a = run.result.jobs().get(0);
    assertEquals("FAILED 5200", a.status() + " " + a.endMs());
  }

  /**
   * Under {@code spark.locality.wait.legacyResetOnTaskLaunch} a partial barrier placement aborts the
   * set, and still counts as {@code launchedAnyTask}: the round at 1 s of the reverted-placement
   * run above aborts "b" and clears "a"'s timer, so "a" aborts 5 s after a later round (at 2 s or
   * after), not at 5.2 s.
   */
  @Test
  void barrierSetAbortedForAPartialPlacement_clearsTheAbortTimerOfACompletelyExcludedSet() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4, Map.of("gpu", 2)).addAt(50, 1, 1)
        .excludeOnFailure(FIVE_SECOND_TIMEOUT).locality(new LocalityConf(3_000, 3_000, 3_000, false, true))
        .job("a", stage("a", 1, 1000))
        .job("busy", stage("busy", 3, 20_000))
        .job("b", 1000, "default", withResources(barrier("b", 2, 1000), Map.of("gpu", 1)))
        .fail("a", "a", 0, 0, 0, 100).fail("a", "a", 0, 0, 1, 100).build());
    JobResult b = run.result.jobs().get(2);
    assertEquals("FAILED 1000", b.status() + " " + b.endMs());
    JobResult a = run.result.jobs().get(0);
    // Spark's periodic revive at 2 s restarts the timer (abort at 7 s); the simulator skips that
    // unchanged round and restarts it only at 20 s, so only the bound both agree on is asserted.
    assertTrue(a.endMs() >= 7000, "a aborted at " + a.endMs());
  }

  /**
   * The same for a barrier set with preferred locations (placed through delay scheduling): "b"'s
   * tasks prefer hosts 0 and 1, launch there at 2 s and clear "a"'s timer, as in the first test.
   */
  @Test
  void launchedBarrierSetWithPreferredLocations_clearsTheAbortTimerOfACompletelyExcludedSet() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 1).excludeOnFailure(FIVE_SECOND_TIMEOUT)
        .job("a", stage("a", 1, 1000))
        .job("b", 2000, "default", inputHosts(barrier("b", 2, 1000), List.of("host-0"), List.of("host-1")))
        .fail("a", "a", 0, 0, 0, 100).fail("a", "a", 0, 0, 1, 100).fail("a", "a", 0, 0, 2, 100).build());
    assertEquals(List.of("0", "1"), run.launches("b", 0).stream().map(TaskLaunched::executor).toList());
    JobResult a = run.result.jobs().get(0);
    assertEquals("FAILED 8000", a.status() + " " + a.endMs());
  }
}
