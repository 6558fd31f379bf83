package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.withResources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.SimEvent.BarrierPlacementReverted;
import dev.barriersim.core.event.SimEvent.BarrierRoundSkipped;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Offer-round rules pinned by Spark's {@code TaskSchedulerImplSuite}, one test per Spark case. */
class TaskSchedulerImplSuiteTest {

  /** "Scheduler correctly accounts for GPUs per task": 3 offers of 1 GPU launch a 3-task barrier set together. */
  @Test
  void enoughGpus_launchesAllBarrierTasksTogether() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 2, Map.of("gpu", 1))
        .job("j", withResources(barrier("b", 3, 1000), Map.of("gpu", 1))).build());
    assertEquals(List.of(0L), run.launchInstants("b", 0));
    assertEquals(3, run.launches("b", 0).size());
    assertEquals(3, run.launches("b", 0).stream().map(TaskLaunched::executor).distinct().count());
  }

  /** "barrier task set with enough CPU slots": task.cpus=2, 3 offers x 3 cores launch 3 tasks at once. */
  @Test
  void enoughCpuSlotsWithTaskCpus2_launchesAllTogether() {
    RecordedRun run = RecordedRun.of(spec().taskCpus(2).executors(3, 3).job("j", barrier("b", 3, 1000)).build());
    assertEquals(List.of(0L), run.launchInstants("b", 0));
    assertEquals(3, run.launches("b", 0).size());
  }

  /**
   * SPARK-29263: a higher-priority normal task takes one slot first; the 2 left are fewer than the
   * barrier set's 3, so the round skips it (needed 3, free 2) and only 1 task launches.
   */
  @Test
  void spark29263_higherPriorityTaskSetConsumesSlotsBeforeBarrierCheck() {
    RecordedRun run = RecordedRun.of(spec().taskCpus(2).executors(3, 3)
        .job("normal", stage("n", 1, 5000))
        .job("gang", barrier("b", 3, 1000)).build());
    List<BarrierRoundSkipped> skips = run.all(BarrierRoundSkipped.class);
    assertEquals(3, skips.get(0).needed());
    assertEquals(2, skips.get(0).free());
    assertEquals(1, run.all(TaskLaunched.class, l -> l.t() == 0).size());
    assertEquals(List.of(5000L), run.launchInstants("b", 0));
  }

  /**
   * "SPARK-24818: test resource revert of barrier TaskSetManager": the free-slot count (limited by
   * GPUs) says the set fits, placement fails on cores, so everything placed is given back and
   * the set launches in a later round.
   */
  @Test
  void spark24818_partialPlacementIsRevertedAndRetriedLater() {
    // 10 cpu-only tasks leave executor 0 full and executors 1 and 2 with one core and two GPUs each:
    // four GPU slots are counted, but only two tasks can be placed.
    RecordedRun run = RecordedRun.of(spec().executors(3, 4, Map.of("gpu", 2))
        .job("cpu", stage("busy", 10, 3000))
        .job("gang", withResources(barrier("b", 4, 1000), Map.of("gpu", 1))).build());
    List<BarrierPlacementReverted> reverts = run.all(BarrierPlacementReverted.class);
    assertTrue(!reverts.isEmpty(), "a partial placement must be reverted");
    assertEquals(4, reverts.get(0).needed());
    assertEquals(1, run.launchInstants("b", 0).size());
    assertTrue(run.launchInstants("b", 0).get(0) >= 3000);
  }

  /** "mark taskset for a barrier stage as zombie in case a task fails": no retry inside the set, siblings killed. */
  @Test
  void barrierTaskFailure_makesSetZombieAndKillsSiblings() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 3).maxConsecutiveAttempts(1)
        .job("j", barrier("b", 3, 2000), stage("r", 1, 10, "b")).fail("j", "b", 1, 0, 0, 100).build());
    assertEquals(3, run.launches("b", 0).size());
    assertEquals(1, run.ends(TaskStatus.FAILED).size());
    assertEquals(2, run.ends(TaskStatus.KILLED).size());
    assertEquals(0, run.launches("b", 1).size());
    assertEquals("FAILED", run.result.jobs().get(0).status());
  }

  /** Decision 3: with coarse-grained offers a task end offers only its executor; a gang spanning two waits for the periodic revive. */
  @Test
  void singleExecutorRoundsCannotPlaceAGangSpanningExecutors_periodicReviveDoes() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2)
        .job("normal", stage("n", 4, 1500))
        .job("gang", barrier("b", 4, 1000)).build());
    assertEquals(List.of(2000L), run.launchInstants("b", 0));
  }

  /** {@code simulation.reviveOffset}: the periodic ticks at offset + k x interval, so the gang launches at 2300. */
  @Test
  void reviveOffsetShiftsThePeriodicRoundsThatLaunchAGangSpanningExecutors() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).reviveOffset(300)
        .job("normal", stage("n", 4, 1500))
        .job("gang", barrier("b", 4, 1000)).build());
    assertEquals(List.of(2300L), run.launchInstants("b", 0));
    RecordedRun wrapped = RecordedRun.of(spec().executors(2, 2).reviveOffset(1300)
        .job("normal", stage("n", 4, 1500))
        .job("gang", barrier("b", 4, 1000)).build());
    assertEquals(List.of(2300L), wrapped.launchInstants("b", 0), "taken modulo the interval");
  }

  /** A gang that fits on the freed executor launches at once in the single-executor round. */
  @Test
  void singleExecutorRoundLaunchesAGangThatFitsOnIt() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2)
        .job("normal", stage("n", 4, 1500))
        .job("gang", barrier("b", 2, 1000)).build());
    assertEquals(List.of(1500L), run.launchInstants("b", 0));
  }

  /** Within a round tasks go round-robin over offers: p0, p2 on one executor, p1, p3 on the other. */
  @Test
  void roundRobinOneTaskPerOfferPerSweep() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).job("j", stage("s", 4, 1000)).build());
    List<String> execs = run.launches("s", 0).stream().map(TaskLaunched::executor).toList();
    assertEquals(List.of("0", "1", "0", "1"), execs);
  }

  /**
   * FAIR pools: a task end updates the pool's running count before its executor is offered
   * (Spark's statusUpdate removes the running task first), so the first freed slot goes to the
   * pool with fewer running tasks, and ties go by pool name.
   */
  @Test
  void fairPools_freedSlotGoesToThePoolWithFewerRunningTasks() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 3)
        .fair(new PoolSpec("a", SchedulingMode.FIFO, 1, 0), new PoolSpec("b", SchedulingMode.FIFO, 1, 0))
        .job("ja", 0, "a", stage("sa", 10, 1000))
        .job("jb", 0, "b", stage("sb", 10, 1000)).build());
    assertEquals(3, run.launches("sa", 0).stream().filter(l -> l.t() == 0).count());
    List<String> at1000 = run.all(TaskLaunched.class, l -> l.t() == 1000).stream().map(TaskLaunched::stage).toList();
    assertEquals(List.of("sb", "sa", "sa"), at1000);
  }
}
