package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.BarrierRoundSkipped;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The periodic revive of {@code CoarseGrainedSchedulerBackend} ({@code ReviveOffers} every
 * second) as barriersim schedules it: a tick whose round would see nothing new is not simulated.
 */
class SchedulerBackendGapsTest {

  /**
   * Three one-core executors: x takes executor 0 and fails at 1.5 s, y holds executor 1 for 20 s,
   * and barrier gang g (3 tasks) waits. The failure's offers and revive at 1.5 s (off the 1 s grid)
   * retry x and skip g; the tick at 2 s sees nothing changed since that full round and runs none,
   * so g is skipped next when x ends at 4.5 s (and in the full round of the 5 s tick).
   */
  @Test
  void aTickAfterAFullRoundWithNothingChanged_runsNoRound() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 1)
        .job("a", stage("x", 1, 3000)).job("c", stage("y", 1, 20_000)).job("b", barrier("g", 3, 1000))
        .fail("a", "x", 0, 0, 0, 1500).build());
    List<Long> skipped = run.all(BarrierRoundSkipped.class).stream().map(BarrierRoundSkipped::t).toList();
    assertEquals(List.of(0L, 1500L, 1500L, 4500L, 5000L, 20_000L), skipped);
  }
}
