package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent.BarrierRoundSkipped;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.testing.RecordedRun;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FAIR pools ({@code Pool}, {@code FairSchedulingAlgorithm}) as pinned by Spark's {@code PoolSuite}:
 * ties between pools and between the TaskSets of a FAIR pool go by name, needy pools first
 * whatever their place in the configuration, and an unknown pool is created with the defaults.
 */
class PoolSuiteTest {
  private static PoolSpec pool(String name, SchedulingMode mode, int weight, int minShare) {
    return new PoolSpec(name, mode, weight, minShare);
  }

  private static List<String> jobsLaunchedAt(RecordedRun run, long t) {
    return run.all(TaskLaunched.class, l -> l.t() == t).stream().map(TaskLaunched::job).toList();
  }

  /** Equal pools tie on their names ("a" before "b"), not on the order fairscheduler.xml lists them. */
  @Test
  void equalPools_tieByName_notByConfigurationOrder() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2)
        .fair(pool("b", SchedulingMode.FIFO, 1, 0), pool("a", SchedulingMode.FIFO, 1, 0))
        .job("jb", 0, "b", stage("s", 4, 1000)).job("ja", 0, "a", stage("s", 4, 1000)).build());
    assertEquals(List.of("ja", "ja"), jobsLaunchedAt(run, 0));
  }

  /**
   * Inside a FAIR pool, TaskSets with equal running counts tie on their names
   * "TaskSet_stageId.attempt", compared as strings: TaskSet_10.0 comes before TaskSet_2.0.
   */
  @Test
  void taskSetsOfAFairPool_tieOnTheirNamesAsStrings() {
    List<StageSpec> stages = new ArrayList<>();
    List<String> maps = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      stages.add(stage("s" + i, 1, 1000));
      maps.add("s" + i);
    }
    stages.add(stage("result", 1, 10, maps.toArray(String[]::new)));
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).fair(pool("p", SchedulingMode.FAIR, 1, 0))
        .job("j", 0, "p", stages.toArray(StageSpec[]::new)).build());
    List<String> order = run.all(TaskLaunched.class).stream().map(TaskLaunched::stage).toList();
    assertEquals(List.of("s0", "s1", "s10", "s2", "s3", "s4"), order.subList(0, 6));
  }

  /** A needy pool (running below minShare) goes first even when it is configured first and named last. */
  @Test
  void needyPoolConfiguredFirst_stillGoesFirst() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .fair(pool("z", SchedulingMode.FIFO, 1, 2), pool("a", SchedulingMode.FIFO, 1, 0))
        .job("ja", 0, "a", stage("s", 8, 1000)).job("jz", 0, "z", stage("s", 8, 1000)).build());
    assertEquals(List.of("jz", "jz", "jz", "jz"), jobsLaunchedAt(run, 0));
  }

  /**
   * Needy pools compare running / minShare, whichever is configured first: b (minShare 3) and a
   * (minShare 8) give b, then a, a, a at 1000 (0/3 < 3/8; 2/8 < 1/3; 1/8 < 1/3; 2/8 < 1/3).
   */
  @Test
  void runningPerMinShareDecidesBetweenNeedyPools_inEitherConfigurationOrder() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .fair(pool("b", SchedulingMode.FIFO, 1, 3), pool("a", SchedulingMode.FIFO, 1, 8))
        .job("ja", 0, "a", stage("s", 40, 1000)).job("jb", 0, "b", stage("s", 40, 1000)).build());
    assertEquals(List.of("ja", "ja", "ja", "ja"), jobsLaunchedAt(run, 0));
    assertEquals(List.of("jb", "ja", "ja", "ja"), jobsLaunchedAt(run, 1000));
  }

  /** A job naming a pool that is not configured runs in a pool Spark creates with the defaults. */
  @Test
  void jobInAnUnconfiguredPool_runsInADefaultPool() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).fair(pool("a", SchedulingMode.FIFO, 1, 0))
        .job("ad-hoc", 0, "unknown", stage("s", 2, 1000)).build());
    assertEquals(List.of(0L), run.launchInstants("s", 0));
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  /**
   * A round ends when its offers are used up, also across FAIR pools: pool "a" takes every core
   * at 0, so the gang of pool "b" is not reported skipped then; it is skipped only in the rounds
   * of 1500 that offer a freed core.
   */
  @Test
  void gangInALaterPool_isNotSkippedInARoundThatTheFirstPoolUsedUp() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2)
        .fair(pool("a", SchedulingMode.FIFO, 1, 0), pool("b", SchedulingMode.FIFO, 1, 0))
        .job("normal", 0, "a", stage("n", 4, 1500)).job("gang", 0, "b", barrier("b", 4, 1000)).build());
    List<BarrierRoundSkipped> skips = run.all(BarrierRoundSkipped.class);
    assertTrue(skips.stream().allMatch(k -> k.t() == 1500 && k.free() > 0), skips.toString());
    assertEquals(4, skips.size());
  }

  /** The same inside one FAIR pool: the normal TaskSet (TaskSet_0.0) uses every core, so the gang (TaskSet_1.0) is not reported skipped at 0. */
  @Test
  void gangInsideAFairPool_isNotSkippedInARoundThatAnEarlierTaskSetUsedUp() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).fair(pool("p", SchedulingMode.FAIR, 1, 0))
        .job("normal", 0, "p", stage("n", 4, 1500)).job("gang", 0, "p", barrier("b", 4, 1000)).build());
    List<BarrierRoundSkipped> skips = run.all(BarrierRoundSkipped.class);
    assertTrue(skips.stream().allMatch(k -> k.t() == 1500 && k.free() > 0), skips.toString());
    assertEquals(4, skips.size());
  }

  /** Under FAIR, as under FIFO, a run that stalls (a hung task) ends at its last event: no idle revive tick follows. */
  @Test
  void stalledFairRun_endsAtItsLastEvent() {
    StageSpec s = new StageSpec("s", 2, false, List.of(), null,
        List.of(DurationSpec.of(new Distribution.PerPartition(new long[] {1300, 700}))), null);
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).fair(pool("p", SchedulingMode.FAIR, 1, 0))
        .job("j", 0, "p", s).hang("j", "s", 1, 300).build());
    assertEquals(Outcome.STALLED, run.result.outcome());
    assertEquals(1300L, run.result.makespanMs());
  }
}
