package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.withResources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.SlotCheckFailed;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When {@code CoarseGrainedSchedulerBackend}'s periodic revive ({@code ReviveOffers} every
 * {@code spark.scheduler.revive.interval}) meets a locality wait, and what its
 * {@code maxNumConcurrentTasks} answers, in cases the suite tests leave open.
 */
class SchedulerBackendMutantsTest {

  /**
   * The periodic {@code ReviveOffers} still comes at the end of a locality wait after an earlier
   * revive. Task 1 of "j" prefers busy host-0 and waits 3 s at NODE_LOCAL; "o" frees host-1 at
   * 1500 ms, which asks for the revive at 2000 ms (the wait not over: nothing launches); the
   * revive at 3000 ms, when the wait has ended, launches task 1 ANY on host-1.
   */
  @Test
  void reviveOffers_aRoundAfterTheLocalityWaitEvenWhenAnEarlierReviveCameFirst() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).executorsOn(1, 1, 1, null)
        .job("j", inputHosts(stage("s", 2, 10_000), List.of("host-0"))).job("o", stage("o", 1, 1500)).build());
    List<TaskLaunched> l = run.launches("s", 0);
    assertEquals(List.of(0L, 3000L), l.stream().map(TaskLaunched::t).toList());
    assertEquals(TaskLocality.ANY, l.get(1).locality());
    assertEquals("1", l.get(1).executor());
    assertEquals(List.of(0L), run.launchInstants("o", 0));
  }
}
