package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.SpeculativeTaskLaunched;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A speculative copy of a task with preferred locations reports the locality it has where it lands,
 * as Spark's {@code TaskSetManager.dequeueTask} gives a speculative task the level it was dequeued
 * at: two executors of 2 cores on host-0 and host-1, no locality wait, partition 3 hangs on
 * host-1 and its copy goes to host-0 at 1600 ms.
 */
class SpeculativeCopyLocalityTest {
  private static final LocalityConf NO_WAIT = new LocalityConf(0, 0, 0, false, false);

  private static TaskLocality copyLocality(String rack, List<String> partitionThreeHosts) {
    var s = inputHosts(stage("s", 4, 1000), List.of("host-0"), List.of("host-1"), List.of("host-0"), partitionThreeHosts);
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 2, 1, rack).locality(NO_WAIT).speculation()
        .job("j", s).hang("j", "s", 3, 0).build());
    SpeculativeTaskLaunched copy = run.all(SpeculativeTaskLaunched.class).get(0);
    assertEquals("host-0", copy.host());
    return run.all(TaskLaunched.class, l -> l.taskId() == copy.taskId()).get(0).locality();
  }

  @Test
  void aCopyOnAHostItDoesNotPrefer_isAny() {
    assertEquals(TaskLocality.ANY, copyLocality(null, List.of("host-1")));
  }

  @Test
  void aCopyOnAnotherHostOfThePreferredRack_isRackLocal() {
    assertEquals(TaskLocality.RACK_LOCAL, copyLocality("r1", List.of("host-1")));
  }

  @Test
  void aCopyOnItsOtherPreferredHost_isNodeLocal() {
    assertEquals(TaskLocality.NODE_LOCAL, copyLocality("r1", List.of("host-1", "host-0")));
  }

  /** A task without preferences is reported PROCESS_LOCAL, as Spark reports NO_PREF launches. */
  @Test
  void aCopyOfATaskWithoutPreferences_isProcessLocal() {
    assertEquals(TaskLocality.PROCESS_LOCAL, copyLocality(null, List.of()));
  }
}
