package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.LocalityLevelChanged;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import dev.barriersim.core.testing.SpecBuilder;
import dev.barriersim.core.workload.StageSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A TaskSet with preferred locations recomputes its valid levels when its preferred host loses its
 * only executor (docs/properties.md, "Observable, not covered"): both tasks of "s" prefer host-0,
 * whose executor 0 (1 core) runs p0; executor 1 on host-1 has 2 cores.
 */
class ExecutorsChangedGapsTest {

  private static SpecBuilder hosts() {
    return spec().executorsOn(1, 1, 1, null).executorsOn(1, 2, 1, null);
  }

  private static StageSpec preferringHost0() {
    return inputHosts(stage("s", 2, 5000), List.of("host-0"), List.of("host-0"));
  }

  /**
   * {@code TaskSetManager.executorLost} ends with {@code recomputeLocality}: when executor 0 is
   * lost at 500 ms, NODE_LOCAL is no longer valid, so p1 and p0's retry launch at once at ANY on
   * executor 1 instead of waiting out the 3 s node wait.
   */
  @Test
  void executorLost_recomputesTheValidLevels() {
    RecordedRun run = RecordedRun.of(hosts().loseExecutor("0", 500).job("j", preferringHost0()).build());
    assertEquals(List.of(new LocalityLevelChanged(500, "j", "s", 0, TaskLocality.NODE_LOCAL, TaskLocality.ANY,
        "executors")), levelChangesAfterSubmission(run));
    List<TaskLaunched> onExecutor1 = run.all(TaskLaunched.class, l -> l.executor().equals("1"));
    assertEquals(List.of(500L, 500L), onExecutor1.stream().map(TaskLaunched::t).toList());
  }

  /**
   * {@code TaskSetManager.executorDecommission} calls {@code recomputeLocality}: executor 0's
   * decommission at 500 ms leaves host-0 without a live executor, so the set's level moves to ANY then.
   */
  @Test
  void executorDecommissioned_recomputesTheValidLevels() {
    RecordedRun run = RecordedRun.of(hosts().decommissionAt(500, "0").job("j", preferringHost0()).build());
    assertEquals(List.of(new LocalityLevelChanged(500, "j", "s", 0, TaskLocality.NODE_LOCAL, TaskLocality.ANY,
        "executors")), levelChangesAfterSubmission(run));
  }

  private static List<LocalityLevelChanged> levelChangesAfterSubmission(RecordedRun run) {
    return run.all(LocalityLevelChanged.class, c -> c.t() > 0);
  }
}
