package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.BarrierRoundSkipped;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When {@code CoarseGrainedSchedulerBackend} makes offers, as its {@code DriverEndpoint} does in Spark 3.5.9. */
class CoarseGrainedSchedulerBackendSuiteTest {

  private static List<String> executors(RecordedRun run, String stage) {
    return run.launches(stage, 0).stream().map(TaskLaunched::executor).distinct().sorted().toList();
  }

  /**
   * {@code LaunchedExecutor} makes {@code makeOffers(executorId)}: a joining executor is offered
   * alone. A gang of 4 waits (two busy tasks leave one free core on each of executors 0 and 1
   * until 5 s); executor 2 joins at 1.5 s with 2 cores, so its own round has 2 slots and skips the
   * gang; the periodic revive at 2 s offers all three executors together and launches it.
   */
  @Test
  void joiningExecutor_isOfferedAlone_soAGangLargerThanItWaitsForThePeriodicRevive() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).addAt(1500, 1, 2)
        .job("busy", stage("n", 2, 5000)).job("gang", barrier("b", 4, 1000)).build());
    BarrierRoundSkipped atJoin = run.all(BarrierRoundSkipped.class, k -> k.t() == 1500).get(0);
    assertEquals(false, atJoin.fullRound());
    assertEquals(2, atJoin.free());
    assertEquals(List.of(2000L), run.launchInstants("b", 0));
    assertEquals(List.of("0", "1", "2"), executors(run, "b"));
  }

  /** A gang that fits on the joining executor alone launches there at once ({@code makeOffers(executorId)}). */
  @Test
  void joiningExecutorWithEnoughSlots_launchesTheGangAtOnceOnItself() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).addAt(1500, 1, 4)
        .job("busy", stage("n", 4, 5000)).job("gang", barrier("b", 4, 1000)).build());
    assertEquals(List.of(1500L), run.launchInstants("b", 0));
    assertEquals(List.of("2"), executors(run, "b"));
  }

  /** The periodic revive follows {@code simulation.reviveOffset}: ticks at 300 + k x 1000, so the gang above waits until 2.3 s. */
  @Test
  void joiningExecutor_gangLaunchesAtTheNextTickOfItsPhase() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).addAt(1500, 1, 2).reviveOffset(300)
        .job("busy", stage("n", 2, 5000)).job("gang", barrier("b", 4, 1000)).build());
    assertEquals(List.of(2300L), run.launchInstants("b", 0));
  }

  /** A non-barrier task needs one slot: it starts on the joining executor at the instant it joins. */
  @Test
  void joiningExecutor_takesPendingOrdinaryTasksAtOnce() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).addAt(700, 1, 1)
        .job("j", stage("s", 2, 5000)).build());
    assertEquals(List.of(0L, 700L), run.launchInstants("s", 0));
  }

  /** {@code LocalSchedulerBackend} has no executor registration: its one executor is there at 0 and a job at 0 starts at 0. */
  @Test
  void localBackend_offersItsExecutorWhenItStarts() {
    RecordedRun run = RecordedRun.of(spec().local().executors(1, 2).job("j", barrier("b", 2, 1000)).build());
    assertEquals(List.of(0L), run.launchInstants("b", 0));
  }
}
