package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.LocalityLevelChanged;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code TaskSetManager.isSchedulable} (no pending task left) keeps a set with preferred locations
 * out of later offer rounds ({@code Pool.getSortedTaskSetQueue}), so its delay-scheduling level
 * no longer moves.
 */
class LocalitySetLeavesRoundsGapsTest {

  /**
   * Both tasks of "s" prefer host-0 and launch on its 2-core executor at 0 ms; job "k"'s tasks run
   * one after another on host-1's executor. The rounds at k's task ends (2 s, 4 s) do not offer to
   * "s", whose level stays NODE_LOCAL.
   */
  @Test
  void setWithNothingPending_keepsItsLevelInLaterRounds() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 2, 1, null).executorsOn(1, 1, 1, null)
        .job("j", inputHosts(stage("s", 2, 10_000), List.of("host-0"), List.of("host-0")))
        .job("k", stage("k", 3, 2000)).build());
    assertEquals(List.of(0L, 2000L, 4000L), run.launches("k", 0).stream().map(TaskLaunched::t).toList());
    assertEquals(List.of(), run.all(LocalityLevelChanged.class, c -> c.t() > 0));
  }
}
