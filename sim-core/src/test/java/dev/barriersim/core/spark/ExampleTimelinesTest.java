package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent.TaskKillRequested;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small scenarios whose exact timelines are worked out by hand. */
class ExampleTimelinesTest {

  @Test
  void eightOneSecondTasksOnTwoExecutorsOfTwoCores_runInTwoWaves() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).job("j", stage("s", 8, 1000)).build());
    assertEquals(Outcome.COMPLETED, run.result.outcome());
    assertEquals(2000, run.result.makespanMs());
    assertEquals(List.of(0L, 1000L), run.launchInstants("s", 0));
    assertEquals(8, run.result.tasks().succeeded());
    assertEquals(8000, run.result.cores().busyCoreMs());
    assertEquals(0, run.result.cores().idleCoreMs());
  }

  @Test
  void barrierMapStageWithFailedPartition_relaunchesAllTasksAfterResubmitTimeout() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .job("j", barrier("map", 4, 2000), stage("reduce", 1, 100, "map"))
        .fail("j", "map", 2, 0, 0, 500).build());
    assertEquals(List.of(500L), run.ends(TaskStatus.FAILED).stream().map(e -> e.t()).toList());
    assertEquals(3, run.all(TaskKillRequested.class, k -> k.t() == 500).size());
    assertEquals(List.of(500L, 500L, 500L), run.ends(TaskStatus.KILLED).stream().map(e -> e.t()).toList());
    assertEquals(List.of(700L), run.launchInstants("map", 1));
    assertEquals(4, run.launches("map", 1).size());
    assertEquals(2700L, run.result.stages().get(0).endMs());
    assertEquals(2800L, run.result.makespanMs());
  }

  @Test
  void barrierMapStageWithFailedPartition_untilDone_relaunchesWhenSiblingsStop() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).killUntilDone()
        .job("j", barrier("map", 4, 2000), stage("reduce", 1, 100, "map"))
        .fail("j", "map", 2, 0, 0, 500).build());
    assertEquals(List.of(2000L), run.launchInstants("map", 1));
    assertEquals(4000L, run.result.stages().get(0).endMs());
  }
}
