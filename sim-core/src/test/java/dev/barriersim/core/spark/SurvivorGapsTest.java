package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviours that PIT's survivors showed no test pinned (docs/properties.md, "Observable, not covered"). */
class SurvivorGapsTest {

  /**
   * {@code MapOutputTracker.removeOutputsOnExecutor} unregisters every map output on a lost
   * executor, of every shuffle: executor 1 holds partition 1 of map stages a and b; when it is lost
   * while c runs, both a and b resubmit partition 1 (the lost c task's retry waits for them).
   */
  @Test
  void lostExecutor_takesTheOutputsOfEveryMapStageOnIt() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).loseExecutor("1", 2500)
        .job("j", stage("a", 2, 1000), stage("b", 2, 1000), stage("c", 2, 5000, "a", "b")).build());
    assertEquals(List.of(1), partitionsLaunchedAfter(run, "a", 2500));
    assertEquals(List.of(1), partitionsLaunchedAfter(run, "b", 2500));
    assertEquals(Outcome.COMPLETED, run.result.outcome());
  }

  /**
   * {@code TaskSetManager.handleFailedTask} puts a failed task of a set with preferred locations
   * back among its pending tasks: the retry launches and the job ends.
   */
  @Test
  void failedTaskWithPreferredLocations_isRetried() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 1, 1, null)
        .job("j", inputHosts(stage("s", 1, 1000), List.of("host-0"))).fail("j", "s", 0, 0, 0, 500).build());
    assertEquals(List.of(0, 1), run.launches("s", 0).stream().map(TaskLaunched::attempt).toList());
    assertEquals(Outcome.COMPLETED, run.result.outcome());
  }

  private static List<Integer> partitionsLaunchedAfter(RecordedRun run, String stage, long t) {
    return run.all(TaskLaunched.class, l -> l.stage().equals(stage) && l.t() > t).stream()
        .map(TaskLaunched::partition).toList();
  }

  /**
   * {@code TaskSetExcludelist.isExecutorExcludedForTask} in {@code resourceOfferSingleTaskSet}: with
   * {@code maxTaskAttemptsPerExecutor} 1, partition 0 failed on executor 0 is not retried there,
   * although executor 0 is free at once; the retry waits for executor 1 (free at 1,000 ms).
   */
  @Test
  void taskExcludedOnAnExecutor_isRetriedOnlyElsewhere() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("j", stage("s", 2, 1000)).fail("j", "s", 0, 0, 0, 100).build());
    TaskLaunched retry = run.all(TaskLaunched.class, l -> l.partition() == 0 && l.attempt() == 1).get(0);
    assertEquals("1", retry.executor());
    assertEquals(1000L, retry.t());
  }

  /**
   * {@code TaskSetExcludelist.isExecutorExcludedForTaskSet} in {@code resourceOfferSingleTaskSet}:
   * partitions 0 and 2 fail on executor 0 (at 100 and 200 ms), which excludes it for the stage
   * attempt ({@code stage.maxFailedTasksPerExecutor} 2). The status update at 200 ms offers the
   * freed executor before the failure is handled (as Spark's {@code StatusUpdate} does), so
   * partition 3 still starts there; after that, free as it is, it gets no task of the stage.
   */
  @Test
  void executorExcludedForTheStage_getsNoMoreTasksOfIt() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("j", stage("s", 4, 1000)).fail("j", "s", 0, 0, 0, 100).fail("j", "s", 2, 0, 0, 100).build());
    assertEquals(List.of(100L, 200L), run.all(TaskLaunched.class, l -> l.executor().equals("0") && l.t() > 0).stream()
        .map(TaskLaunched::t).toList());
  }
}
