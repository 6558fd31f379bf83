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
}
