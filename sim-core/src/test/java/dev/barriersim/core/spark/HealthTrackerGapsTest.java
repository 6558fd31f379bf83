package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.BarrierRoundSkipped;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Application-level exclusion after a successful TaskSet ({@code HealthTracker.updateExcludedForSuccessfulTaskSet}). */
class HealthTrackerGapsTest {

  /**
   * A set that succeeds with no failure excludes nothing, so nothing times out after it and no
   * extra offer round follows: two one-core executors, exclusion on with a 5 s timeout; x (1 s)
   * and y (20 s) take both, and barrier gang g (2 tasks) is skipped at 1 s, when x ends (in its
   * round and the full round), and then in no round until y ends at 20 s (none at 6001 ms + tick).
   */
  @Test
  void aSetSucceedingWithoutFailures_schedulesNoRoundAtItsExclusionsExpiry() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1)
        .excludeOnFailure(new ExcludeOnFailureConf(true, 1, 2, 2, 2, 2, 2, 5000, 120_000))
        .job("a", stage("x", 1, 1000)).job("c", stage("y", 1, 20_000)).job("b", barrier("g", 2, 1000)).build());
    List<Long> skipped = run.all(BarrierRoundSkipped.class).stream().map(BarrierRoundSkipped::t).toList();
    assertEquals(List.of(1000L, 1000L, 20_000L), skipped);
  }
}
