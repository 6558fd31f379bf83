package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.cachedFrom;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.LocalityLevelChanged;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delay scheduling's timer and levels within one offer round, after Spark's {@code TaskSchedulerImpl.resourceOffers}. */
class DelaySchedulingGapsTest {

  /**
   * {@code resourceOffers} resets the delay-scheduling timer at {@code minTaskLocality} of the
   * round's launches: three one-core executors on host-0; job a caches its one partition on
   * executor 0, which job x then holds. Job b (no process wait) prefers executor 0 for partition 0
   * and nothing for partition 1: the round at 2 s launches partition 0 NODE_LOCAL on executor 1,
   * then partition 1 (reported PROCESS_LOCAL) on executor 2, and the level goes back to PROCESS_LOCAL.
   */
  @Test
  void resourceOffers_resetsTheTimerAtTheMostLocalLevelLaunchedInTheRound() {
    RecordedRun run = RecordedRun.of(spec().executorsPerHost(3, 1, 3).locality(new LocalityConf(0, 3000, 3000, false, false))
        .job("a", stage("c", 1, 1000))
        .job("x", 1500, "default", stage("x", 1, 10_000))
        .job("b", 2000, "default", cachedFrom(stage("s", 2, 1000), "a", "c")).build());
    List<TaskLaunched> b = run.launches("s", 0);
    assertEquals(List.of(0, 1), b.stream().map(TaskLaunched::partition).toList());
    assertEquals(List.of(TaskLocality.NODE_LOCAL, TaskLocality.PROCESS_LOCAL), b.stream().map(TaskLaunched::locality).toList());
    List<LocalityLevelChanged> changes = run.all(LocalityLevelChanged.class, c -> c.job().equals("b") && c.t() == 2000);
    LocalityLevelChanged last = changes.get(changes.size() - 1);
    assertEquals(TaskLocality.PROCESS_LOCAL, last.to());
    assertEquals("launch", last.reason());
  }
}
