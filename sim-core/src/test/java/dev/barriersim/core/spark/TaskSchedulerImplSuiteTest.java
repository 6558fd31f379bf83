package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.withResources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.SimEvent.BarrierPlacementReverted;
import dev.barriersim.core.event.SimEvent.BarrierRoundSkipped;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.workload.StageSpec;
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

  private static StageSpec perPartition(String name, long[] durations, String... parents) {
    return new StageSpec(name, durations.length, false, List.of(parents), null,
        List.of(DurationSpec.of(new Distribution.PerPartition(durations))), null);
  }

  /**
   * A round that has no offer left is over: a gang waiting behind a full cluster is not reported
   * skipped at 0 (the normal job took every core) nor at 500 (a new stage revives offers while
   * every core is busy); it is skipped in the five single-executor rounds of 1500 and 1600 that
   * offer a freed core, and launches with the periodic revive at 2000.
   */
  @Test
  void gangBehindAFullCluster_isSkippedOnlyInRoundsThatOfferSomething() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2)
        .job("normal", stage("n", 4, 1500)).job("gang", barrier("b", 4, 1000))
        .job("late", 500, "default", stage("l", 1, 100)).build());
    List<BarrierRoundSkipped> skips = run.all(BarrierRoundSkipped.class);
    assertEquals(List.of(1500L, 1500L, 1500L, 1500L, 1600L), skips.stream().map(BarrierRoundSkipped::t).toList());
    assertEquals(List.of(1, 1, 1, 2, 2), skips.stream().map(BarrierRoundSkipped::free).toList());
    assertEquals(5L, run.result.barrier().roundsSkipped());
    assertEquals(List.of(2000L), run.launchInstants("b", 0));
  }

  /** Two stages submitted at one instant ask for one full round there ({@code reviveOffers} is merged), so the gang is skipped once. */
  @Test
  void revivesAtOneInstant_makeOneRound() {
    RecordedRun run = RecordedRun.of(spec().taskCpus(2).executors(3, 3)
        .job("normal", stage("n", 1, 5000))
        .job("gang", barrier("b", 3, 1000)).build());
    assertEquals(1, run.all(BarrierRoundSkipped.class, k -> k.t() == 0).size());
  }

  /**
   * A placement that places nothing has nothing to revert: the free-slot count (on the limiting
   * resource, cpus here) says 2, but the GPUs are all held, so no task fits and no revert is reported.
   */
  @Test
  void placementThatPlacesNothing_revertsNothing() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4, Map.of("gpu", 4))
        .job("hog", withResources(stage("h", 2, 1000), Map.of("gpu", 2)))
        .job("gang", withResources(barrier("b", 2, 1000), Map.of("gpu", 1))).build());
    assertEquals(List.of(), run.all(BarrierPlacementReverted.class));
    assertEquals(List.of(), run.all(BarrierRoundSkipped.class));
    assertEquals(List.of(1000L), run.launchInstants("b", 0));
  }

  /**
   * SPARK-24818: a reverted placement gives back every core it took. After the gang, a stage of
   * 12 tasks submitted at 5 s runs on all 12 cores at once.
   */
  @Test
  void revertedPlacement_givesBackTheCoresItTook() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 4, Map.of("gpu", 2))
        .job("cpu", stage("busy", 10, 3000))
        .job("gang", withResources(barrier("b", 4, 1000), Map.of("gpu", 1)))
        .job("after", 5000, "default", stage("wide", 12, 1000)).build());
    assertEquals(2, run.all(BarrierPlacementReverted.class).get(0).placed());
    assertEquals(List.of(5000L), run.launchInstants("wide", 0));
    assertEquals(12, run.launches("wide", 0).size());
  }

  /** A barrier TaskSet larger than any placement buffer (20 tasks) still launches all its tasks at once. */
  @Test
  void barrierStageOfTwentyTasks_launchesAllAtOnce() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 10).job("j", barrier("b", 20, 1000)).build());
    assertEquals(List.of(0L), run.launchInstants("b", 0));
    assertEquals(20, run.launches("b", 0).size());
    assertEquals(20, run.launches("b", 0).stream().map(TaskLaunched::partition).distinct().count());
  }

  /** {@code LocalSchedulerBackend} makes a full round on every status update: the gang's skip there is a full round. */
  @Test
  void localBackend_roundAfterATaskEndIsAFullRound() {
    RecordedRun run = RecordedRun.of(spec().local().executors(1, 4)
        .job("n", perPartition("n", new long[] {1000, 2000, 3000, 3000})).job("gang", barrier("b", 2, 1000)).build());
    List<BarrierRoundSkipped> skips = run.all(BarrierRoundSkipped.class);
    assertEquals(1, skips.size());
    assertEquals(1000L, skips.get(0).t());
    assertTrue(skips.get(0).fullRound());
    assertEquals(List.of(2000L), run.launchInstants("b", 0));
  }

  /**
   * Losing an idle executor that held a finished output of a running map stage makes that task
   * pending again and revives offers at once: it relaunches at the loss on the free core of executor 0.
   */
  @Test
  void lossOfAnIdleExecutorHoldingOutputs_relaunchesThemAtOnce() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 3).executors(1, 1)
        .job("j", perPartition("m", new long[] {1000, 500, 3000}), stage("r", 1, 10, "m")).loseExecutor("1", 700).build());
    TaskLaunched relaunch = run.all(TaskLaunched.class, l -> l.attempt() == 1).get(0);
    assertEquals(1, relaunch.partition());
    assertEquals(700L, relaunch.t());
    assertEquals("0", relaunch.executor());
  }

  /**
   * With nothing left to schedule, no revive tick runs: a run that stalls (partition 1 hangs)
   * ends at its last event, partition 0's end at 1300, not at the next revive tick (2000).
   */
  @Test
  void stalledRun_endsAtItsLastEvent() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2)
        .job("j", perPartition("s", new long[] {1300, 700})).hang("j", "s", 1, 300).build());
    assertEquals(Outcome.STALLED, run.result.outcome());
    assertEquals(1300L, run.all(TaskEnded.class).get(0).t());
    assertEquals(1300L, run.result.makespanMs());
  }

  /**
   * The periodic revive ticks at reviveOffset + k x interval, the first one at or after the change
   * that asks for it: tasks ending at 999 ms are followed by the tick of 1000 ms (offset 0), and
   * tasks ending at 1800 ms by the tick of 2300 ms (offset 300). Only a full round can place the
   * gang that spans both executors.
   */
  @Test
  void periodicReviveAfterAChange_isTheFirstTickAtOrAfterIt() {
    RecordedRun justBefore = RecordedRun.of(spec().executors(2, 2)
        .job("normal", stage("n", 4, 999)).job("gang", barrier("b", 4, 1000)).build());
    assertEquals(List.of(1000L), justBefore.launchInstants("b", 0));
    RecordedRun offset = RecordedRun.of(spec().executors(2, 2).reviveOffset(300)
        .job("normal", stage("n", 4, 1800)).job("gang", barrier("b", 4, 1000)).build());
    assertEquals(List.of(2300L), offset.launchInstants("b", 0));
  }

  /**
   * Spark's {@code resourceOffers} counts a barrier TaskSet's available slots on the offers as the
   * round has left them ("... requires 4 slots, while the total number of available slots is 3"):
   * the gang of 5 takes 3 cores of executor 0 and 2 of executor 1, so the gang of 4 behind it sees 3.
   */
  @Test
  void secondGangOfARound_countsTheSlotsTheFirstGangLeft() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 4)
        .job("first", barrier("a", 5, 1000)).job("second", barrier("b", 4, 1000)).build());
    assertEquals(List.of(0L), run.launchInstants("a", 0));
    BarrierRoundSkipped skip = run.all(BarrierRoundSkipped.class).get(0);
    assertEquals(0L, skip.t());
    assertEquals("b", skip.stage());
    assertEquals(4, skip.needed());
    assertEquals(3, skip.free());
  }

  /**
   * SPARK-24818: a reverted placement gives its slots back within the round. Executors 1 and 2 keep
   * one core and two GPUs each (4 GPU slots); the gang of 4 places 2 and is reverted, so the gang
   * of 5 behind it still sees 4 slots, not the 2 the placement had left.
   */
  @Test
  void gangAfterARevertedPlacement_countsTheSlotsGivenBack() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 4, Map.of("gpu", 2))
        .job("cpu", stage("busy", 10, 3000))
        .job("gang", withResources(barrier("b", 4, 1000), Map.of("gpu", 1)))
        .job("bigger", withResources(barrier("c", 5, 1000), Map.of("gpu", 1))).build());
    assertEquals(2, run.all(BarrierPlacementReverted.class, r -> r.t() == 0).get(0).placed());
    List<BarrierRoundSkipped> skips = run.all(BarrierRoundSkipped.class, k -> k.t() == 0 && k.stage().equals("c"));
    assertEquals(1, skips.size());
    assertEquals(4, skips.get(0).free());
  }

  /**
   * The slot count is per task shape ({@code calculateAvailableSlots} reads the TaskSet's resource
   * profile): behind a GPU gang skipped with 1 free GPU slot, a cpu-only gang of 6 sees the 7 free
   * cores and launches in the same round.
   */
  @Test
  void gangsOfTwoTaskShapesInOneRound_eachCountItsOwnSlots() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 4, Map.of("gpu", 1))
        .job("hog", withResources(stage("h", 1, 5000), Map.of("gpu", 1)))
        .job("gpuGang", withResources(barrier("g", 2, 1000), Map.of("gpu", 1)))
        .job("cpuGang", barrier("c", 6, 1000)).build());
    BarrierRoundSkipped skip = run.all(BarrierRoundSkipped.class).get(0);
    assertEquals("g", skip.stage());
    assertEquals(1, skip.free());
    assertEquals(List.of(0L), run.launchInstants("c", 0));
    assertEquals(6, run.launches("c", 0).size());
  }

  /**
   * {@code makeOffers(executorId)} offers nothing for an executor that is not active: a task ending
   * on a decommissioning executor makes no round there, so the waiting gang is skipped at 1000 only
   * in the round of executor 0 (and in the periodic full round), never with 0 free slots.
   */
  @Test
  void taskEndOnADecommissioningExecutor_makesNoRound() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).decommissionAt(500, "1")
        .job("n", perPartition("n", new long[] {1000, 1000, 3000, 3000})).job("gang", barrier("b", 2, 1000)).build());
    List<BarrierRoundSkipped> single = run.all(BarrierRoundSkipped.class, k -> k.t() == 1000 && !k.fullRound());
    assertEquals(1, single.size(), single.toString());
    assertEquals(1, single.get(0).free());
  }

  /** Spark's round robin over many offers: 20 executors of 2 cores take 2 tasks each of a 40-task stage at once. */
  @Test
  void roundOverTwentyExecutors_placesTwoTasksOnEach() {
    RecordedRun run = RecordedRun.of(spec().executors(20, 2).job("j", stage("s", 40, 1000)).build());
    assertEquals(List.of(0L), run.launchInstants("s", 0));
    Map<String, Long> perExecutor = run.launches("s", 0).stream()
        .collect(java.util.stream.Collectors.groupingBy(TaskLaunched::executor, java.util.stream.Collectors.counting()));
    assertEquals(20, perExecutor.size());
    assertTrue(perExecutor.values().stream().allMatch(n -> n == 2), perExecutor.toString());
    assertEquals(1000L, run.result.makespanMs());
  }

  /**
   * Skipped rounds counted in bulk (only the checker and the metrics listen, as in {@code bench})
   * agree with skips reported one by one, also when the run stalls right after rounds that only
   * passed the waiting gang: the hung task keeps a core, so the gang is skipped at 500 (the round of
   * executor 0) and 1000 (the periodic round), and nothing changes after that.
   */
  @Test
  void skipsCountedInBulk_agreeWithSkipsReportedOneByOne_whenTheRunStallsWaiting() {
    dev.barriersim.core.SimulationSpec s = spec().executors(1, 2)
        .job("hog", perPartition("h", new long[] {5000, 500})).job("gang", barrier("b", 2, 1000))
        .hang("hog", "h", 0, 100).build();
    RecordedRun oneByOne = RecordedRun.of(s);
    dev.barriersim.core.RunResult counted = dev.barriersim.core.Simulations.run(s, dev.barriersim.core.RunOutputs.bare());
    assertEquals(Outcome.STALLED, counted.outcome());
    assertEquals(List.of(500L, 1000L), oneByOne.all(BarrierRoundSkipped.class).stream().map(BarrierRoundSkipped::t).toList());
    assertEquals(2L, oneByOne.result.barrier().roundsSkipped());
    assertEquals(2L, counted.barrier().roundsSkipped());
  }

  private static List<String> executorsByPartition(RecordedRun run) {
    return run.launches("s", 0).stream().sorted(java.util.Comparator.comparingInt(TaskLaunched::partition))
        .map(TaskLaunched::executor).toList();
  }

  /**
   * {@code simulation.offerOrder: shuffled} ({@code TaskSchedulerImpl.shuffleOffers}): each full
   * round offers the executors in a seeded random order, so partition p no longer lands on executor
   * p; the same seed gives the same order, and over a few seeds the order does change.
   */
  @Test
  void shuffledOffers_placeTasksInASeededRandomExecutorOrder() {
    java.util.Set<List<String>> orders = new java.util.TreeSet<>(java.util.Comparator.comparing(Object::toString));
    for (long seed = 1; seed <= 8; seed++) {
      var spec = spec().seed(seed).shuffledOffers().executors(6, 1).job("j", stage("s", 6, 1000)).build();
      List<String> order = executorsByPartition(RecordedRun.of(spec));
      assertEquals(order, executorsByPartition(RecordedRun.of(spec)));
      assertEquals(List.of("0", "1", "2", "3", "4", "5"), order.stream().sorted().toList());
      orders.add(order);
    }
    assertTrue(orders.size() > 1, orders.toString());
    assertTrue(orders.stream().anyMatch(o -> !o.equals(List.of("0", "1", "2", "3", "4", "5"))), orders.toString());
    RecordedRun byId = RecordedRun.of(spec().executors(6, 1).job("j", stage("s", 6, 1000)).build());
    assertEquals(List.of("0", "1", "2", "3", "4", "5"), executorsByPartition(byId));
  }

  /** The shuffle has a stream of its own: the same attempts fail (taskFailureProbability) in either offer order. */
  @Test
  void shuffledOffers_moveNoOtherDraw() {
    var ids = spec().seed(5).failureProbability(0.3).executors(4, 2).job("j", stage("s", 16, 1000));
    var shuffled = spec().seed(5).failureProbability(0.3).executors(4, 2).shuffledOffers().job("j", stage("s", 16, 1000));
    java.util.function.Function<RecordedRun, List<String>> failed = r -> r.ends(TaskStatus.FAILED).stream()
        .map(e -> e.partition() + "." + e.attempt()).sorted().toList();
    RecordedRun a = RecordedRun.of(ids.build());
    RecordedRun b = RecordedRun.of(shuffled.build());
    assertTrue(!failed.apply(a).isEmpty());
    assertEquals(failed.apply(a), failed.apply(b));
    assertTrue(!a.eventLog.equals(b.eventLog), "the placements differ");
  }

  /**
   * Shuffled offers keep Spark's sweep: each offer takes one task per sweep, so with 3 executors of
   * 2 cores the first 3 partitions go to 3 distinct executors (the shuffled order), and the next 3
   * to the same executors in the same order.
   */
  @Test
  void shuffledOffers_eachSweepGivesEveryOfferOneTask() {
    for (long seed = 1; seed <= 5; seed++) {
      List<String> order = executorsByPartition(RecordedRun.of(
          spec().seed(seed).shuffledOffers().executors(3, 2).job("j", stage("s", 6, 1000)).build()));
      assertEquals(3, order.subList(0, 3).stream().distinct().count(), order.toString());
      assertEquals(order.subList(0, 3), order.subList(3, 6), order.toString());
    }
  }
}
