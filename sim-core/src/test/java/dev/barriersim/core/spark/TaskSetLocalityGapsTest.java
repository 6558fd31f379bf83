package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.LocalityLevelChanged;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delay-scheduling levels when executors come and go, after Spark's {@code TaskSetManager.recomputeLocality}. */
class TaskSetLocalityGapsTest {

  /**
   * SPARK-31837 moves the level to a new, more local one only when the current level's index grew:
   * host-0 (no rack) and host-1 (rack r1). Executor 1 is lost at 50 ms and replaced at 1050 ms;
   * the set submitted at 100 ms (partition 0 prefers host-0, partition 1 host-1) has levels
   * NODE_LOCAL and ANY. The replacement, on host-2 of r1, adds RACK_LOCAL after NODE_LOCAL: the
   * set stays at NODE_LOCAL (no level change for "executors"), and partition 1 goes to host-2
   * RACK_LOCAL only at the first revive after the 3 s wait, 4000 ms.
   */
  @Test
  void recomputeLocality_aNewLessLocalLevelDoesNotMoveTheLevel() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).executorsOn(1, 1, 1, "r1")
        .loseExecutor("1", 50, false, 1000)
        .job("j", 100, "default", inputHosts(stage("s", 2, 10_000), List.of("host-0"), List.of("host-1"))).build());
    assertEquals(List.of(), run.all(LocalityLevelChanged.class, c -> c.reason().equals("executors")));
    TaskLaunched one = run.all(TaskLaunched.class, l -> l.partition() == 1).get(0);
    assertEquals(4000L, one.t());
    assertEquals("host-2", one.host());
    assertEquals(TaskLocality.RACK_LOCAL, one.locality());
  }
}
