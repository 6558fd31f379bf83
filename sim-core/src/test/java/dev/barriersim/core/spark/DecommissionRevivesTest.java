package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code TaskSchedulerImpl.executorDecommission} ends with {@code backend.reviveOffers()}. */
class DecommissionRevivesTest {
  /**
   * Executor 0, on the only preferred host, is decommissioned at 500 ms: the set's valid levels
   * drop NODE_LOCAL, and the revive at that instant launches the waiting partition 1 on executor 1
   * (ANY) at once, not after the 3 s locality wait.
   */
  @Test
  void decommissioningThePreferredHost_revivesAndLaunchesTheWaitingTaskElsewhere() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).executorsOn(1, 2, 1, null).decommissionAt(500, "0")
        .job("j", inputHosts(stage("s", 2, 5000), List.of("host-0"), List.of("host-0"))).build());
    TaskLaunched p1 = run.all(TaskLaunched.class, l -> l.partition() == 1).get(0);
    assertEquals(500L, p1.t());
    assertEquals("1", p1.executor());
    assertEquals(TaskLocality.ANY, p1.locality());
  }
}
