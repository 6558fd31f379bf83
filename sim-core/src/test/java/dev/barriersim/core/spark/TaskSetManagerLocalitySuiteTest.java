package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.cachedFrom;
import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.LocalityLevelChanged;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Delay scheduling as Spark's {@code TaskSetManagerSuite}, {@code TaskSchedulerImplSuite},
 * {@code DAGSchedulerSuite} and {@code BarrierTaskContextSuite} pin it, one test per Spark case;
 * each names the Spark method it mirrors.
 */
class TaskSetManagerLocalitySuiteTest {
  private static final TaskLocality PROCESS = TaskLocality.PROCESS_LOCAL;
  private static final TaskLocality NODE = TaskLocality.NODE_LOCAL;
  private static final TaskLocality ANY = TaskLocality.ANY;

  private static List<Long> launchTimes(RecordedRun run, String stage) {
    return run.launches(stage, 0).stream().map(TaskLaunched::t).toList();
  }

  private static List<TaskLocality> localities(RecordedRun run, String stage) {
    return run.launches(stage, 0).stream().map(TaskLaunched::locality).toList();
  }

  /**
   * "basic delay scheduling" ({@code getAllowedLocalityLevel}): both tasks' input is on host-0; the
   * second waits {@code spark.locality.wait} (3 s) at NODE_LOCAL while host-1 idles, then goes ANY.
   */
  @Test
  void basicDelayScheduling_waitsTheLocalityWaitThenLaunchesAny() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).executorsOn(1, 1, 1, null)
        .job("j", inputHosts(stage("s", 2, 10_000), List.of("host-0"))).build());
    List<TaskLaunched> l = run.launches("s", 0);
    assertEquals(List.of(0L, 3000L), l.stream().map(TaskLaunched::t).toList());
    assertEquals(List.of(NODE, ANY), localities(run, "s"));
    assertEquals("1", l.get(1).executor());
    List<LocalityLevelChanged> changes = run.all(LocalityLevelChanged.class);
    assertEquals("submitted", changes.get(0).reason());
    assertEquals(NODE, changes.get(0).to());
    assertEquals(new LocalityLevelChanged(3000, "j", "s", 0, NODE, ANY, "wait"), changes.get(1));
  }

  /** {@code getAllowedLocalityLevel} with {@code spark.locality.wait.node}: the wait is the level's own. */
  @Test
  void perLevelWait_nodeWaitDecidesWhenTheSecondTaskGoesAny() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).executorsOn(1, 1, 1, null)
        .locality(new LocalityConf(3000, 5000, 3000, true, false))
        .job("j", inputHosts(stage("s", 2, 10_000), List.of("host-0"))).build());
    assertEquals(List.of(0L, 5000L), launchTimes(run, "s"));
  }

  /**
   * "delay scheduling ... launches locally when the preferred place frees first": the first task
   * ends at 1 s, and the round over its executor takes the second task there, NODE_LOCAL.
   */
  @Test
  void delayScheduling_preferredExecutorFreesBeforeTheWait_launchesLocally() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).executorsOn(1, 1, 1, null)
        .job("j", inputHosts(stage("s", 2, 1_000), List.of("host-0"))).build());
    assertEquals(List.of(0L, 1000L), launchTimes(run, "s"));
    assertEquals(List.of(NODE, NODE), localities(run, "s"));
  }

  /** "we do not need to delay scheduling when we only have noPref tasks in the queue" ({@code dequeueTask}). */
  @Test
  void noPrefTasks_launchAtOnceReportedProcessLocal() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).job("j", stage("s", 2, 1_000)).build());
    assertEquals(List.of(0L, 0L), launchTimes(run, "s"));
    assertEquals(List.of(PROCESS, PROCESS), localities(run, "s"));
    assertTrue(run.all(LocalityLevelChanged.class).isEmpty());
  }

  /**
   * "SPARK-24818: test delay scheduling for barrier TaskSetManager" ({@code TaskSchedulerImplSuite}):
   * a one-task barrier set prefers executor 0 (cached there), which is busy; executor 1 on the same
   * host is free. It launches nothing until the PROCESS_LOCAL wait passes, then NODE_LOCAL.
   */
  @Test
  void spark24818_barrierSetWaitsForItsLocalityLevel() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 1, 2, null)
        .job("prep", stage("p", 1, 1000))
        .job("busy", 1000, "default", stage("b", 1, 9000))
        .job("train", 1000, "default", cachedFrom(barrier("t", 1, 1000), "prep", "p")).build());
    assertEquals("0", run.launches("p", 0).get(0).executor());
    assertEquals("0", run.launches("b", 0).get(0).executor());
    assertEquals(List.of(4000L), launchTimes(run, "t"));
    assertEquals(List.of(NODE), localities(run, "t"));
    assertEquals("1", run.launches("t", 0).get(0).executor());
  }

  /**
   * SPARK-24818, non-legacy ({@code resourceOffers}' barrier branch): both tasks of a barrier set
   * prefer executor 0; each round places one there, cannot place the other, and reverts; once the
   * PROCESS_LOCAL and NODE_LOCAL waits have passed (3 s + 3 s) both launch, {PROCESS_LOCAL, ANY}.
   */
  @Test
  void spark24818_barrierSetRevertsUntilItsWaitsPass() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).addAt(5000, 1, 1)
        .job("prep", stage("p", 2, 1000))
        .job("train", 6000, "default", cachedFrom(barrier("t", 2, 1000), "prep", "p")).build());
    assertEquals(List.of(12_000L, 12_000L), launchTimes(run, "t"));
    assertEquals(List.of(PROCESS, ANY), localities(run, "t"));
    assertTrue(run.all(dev.barriersim.core.event.SimEvent.BarrierPlacementReverted.class).size() >= 1);
  }

  /**
   * "SPARK-24818 disable legacy delay scheduling for barrier stage" ({@code BarrierTaskContextSuite},
   * {@code getLocalityWait} returns 0 for a barrier set under the legacy reset): the barrier set
   * launches at once with {PROCESS_LOCAL, ANY}; the same stage without barrier waits and runs both
   * tasks PROCESS_LOCAL (the legacy rule resets the timer at every launch).
   */
  @Test
  void spark24818_legacyReset_barrierDoesNotWaitButNormalStageDoes() {
    LocalityConf legacy = new LocalityConf(3000, 3000, 3000, true, true);
    var s = spec().executorsOn(1, 1, 1, null).addAt(5000, 1, 1).locality(legacy)
        .job("prep", stage("p", 2, 1000))
        .job("train", 6000, "default", cachedFrom(barrier("t", 2, 1000), "prep", "p")).build();
    RecordedRun gang = RecordedRun.of(s);
    assertEquals(List.of(6000L, 6000L), launchTimes(gang, "t"));
    assertEquals(List.of(PROCESS, ANY), localities(gang, "t"));
    RecordedRun plain = RecordedRun.of(s.withoutBarrier());
    assertEquals(List.of(6000L, 7000L), launchTimes(plain, "t"));
    assertEquals(List.of(PROCESS, PROCESS), localities(plain, "t"));
  }

  /**
   * Legacy reset ({@code resourceOffers}): a barrier set placed only in part aborts, and its job
   * fails with Spark's message, instead of waiting for a later round.
   */
  @Test
  void legacyReset_partialBarrierPlacementAbortsTheJob() {
    LocalityConf legacy = new LocalityConf(3000, 3000, 3000, true, true);
    // 4 GPU slots are counted but cores allow 2 placements: a partial placement (SPARK-24818's revert case).
    RecordedRun run = RecordedRun.of(spec().executors(3, 4, java.util.Map.of("gpu", 2)).locality(legacy)
        .job("cpu", stage("busy", 10, 3000))
        .job("gang", dev.barriersim.core.testing.SpecBuilder.withResources(barrier("b", 4, 1000),
            java.util.Map.of("gpu", 1))).build());
    JobEnded gang = run.all(JobEnded.class, e -> e.job().equals("gang")).get(0);
    assertTrue(gang.reason().contains("Fail resource offers for barrier stage"), gang.reason());
    assertTrue(gang.reason().contains("spark.locality.wait.legacyResetOnTaskLaunch to false"), gang.reason());
  }

  /**
   * "new executors get added and lost" / SPARK-31837 ({@code recomputeLocality}): the input is on
   * host-1, which has no executor at first, so the only level is ANY; when an executor joins there
   * the set shifts to NODE_LOCAL.
   */
  @Test
  void executorAdded_recomputesLevelsAndShiftsToTheNewLocalLevel() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).addAt(500, 1, 1)
        .job("j", inputHosts(stage("s", 3, 2000), List.of("host-1"))).build());
    List<LocalityLevelChanged> changes = run.all(LocalityLevelChanged.class);
    assertEquals(ANY, changes.get(0).to());
    assertEquals(new LocalityLevelChanged(500, "j", "s", 0, ANY, NODE, "executors"), changes.get(1));
    assertEquals(List.of(ANY, NODE, NODE), localities(run, "s"));
  }

  private static final LocalityConf REDUCE_LOCALITY = new LocalityConf(3000, 3000, 3000, true, false);

  /**
   * "reduce tasks should be placed locally with map output" ({@code DAGSchedulerSuite},
   * {@code getPreferredLocationsForShuffle}): with {@code spark.shuffle.reduceLocality.enabled} the
   * one map output is on host-0, so both reduce tasks prefer it and the second waits 3 s; without
   * it (barriersim's default) neither waits.
   */
  @Test
  void reduceTasksPreferTheHostsOfTheirMapOutputs() {
    var b = spec().executorsOn(1, 1, 1, null).executorsOn(1, 1, 1, null)
        .job("j", stage("map", 1, 1000), stage("reduce", 2, 10_000, "map"));
    RecordedRun off = RecordedRun.of(b.build());
    assertEquals(List.of(1000L, 1000L), launchTimes(off, "reduce"));
    RecordedRun run = RecordedRun.of(b.locality(REDUCE_LOCALITY).build());
    assertEquals(List.of(1000L, 4000L), launchTimes(run, "reduce"));
    assertEquals(List.of(NODE, ANY), localities(run, "reduce"));
  }

  /**
   * "reduce task locality preferences should only include machines with largest map outputs"
   * ({@code getLocationsWithLargestOutputs}, 20 %): with 6 map outputs spread over 6 hosts (17 %
   * each) no host is preferred, so nothing waits.
   */
  @Test
  void reduceTasks_noHostWithAFifthOfTheOutputs_noPreference() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(6, 1, 1, null).locality(REDUCE_LOCALITY)
        .job("j", stage("map", 6, 1000), stage("reduce", 6, 1000, "map")).build());
    assertEquals(List.of(PROCESS, PROCESS, PROCESS, PROCESS, PROCESS, PROCESS), localities(run, "reduce"));
    assertTrue(run.all(LocalityLevelChanged.class).isEmpty());
    assertEquals(Outcome.COMPLETED, run.result.outcome());
  }

  /** RACK_LOCAL ({@code dequeueTask}): with racks known, a task whose host is busy goes to its rack first. */
  @Test
  void rackLocal_afterTheNodeWaitTheRackComesBeforeAny() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 1, 1, "r1").executorsOn(1, 1, 1, "r2")
        .locality(new LocalityConf(3000, 3000, 10_000, true, false))
        .job("j", inputHosts(stage("s", 3, 20_000), List.of("host-0"))).build());
    assertEquals(List.of(0L, 3000L, 13_000L), launchTimes(run, "s"));
    assertEquals(List.of(NODE, TaskLocality.RACK_LOCAL, ANY), localities(run, "s"));
    assertEquals(List.of("0", "1", "2"), run.launches("s", 0).stream().map(TaskLaunched::executor).toList());
  }
}
