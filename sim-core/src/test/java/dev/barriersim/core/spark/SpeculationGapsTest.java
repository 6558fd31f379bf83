package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.SpeculativeTaskSubmitted;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Speculation behaviours PIT's survivors showed no test pinned (docs/properties.md), after Spark
 * 3.5's {@code TaskSetManager.checkSpeculatableTasks} and {@code TaskSchedulerImpl}'s speculation thread.
 */
class SpeculationGapsTest {

  /**
   * {@code PercentileHeap(0.5)} of 200, 400, 100 ms (arriving in that order) is 200, the element
   * at index 1 of the sorted durations, not the last and smallest (100). One one-core executor:
   * successes at 200, 600, 700 ms; hung partition 3 launches at 700, the threshold is 1.5 x 200 =
   * 300 ms, and with a 1 ms interval it is marked at 1001 ms having run 301 ms.
   */
  @Test
  void percentileHeap_aSmallestLastDurationDoesNotBecomeTheMedian() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).speculation(new SpeculationConf(true, 1, 1.5, 0.75, 0))
        .job("j", stagePerPartition("s", new long[] {200, 400, 100, 1000})).hang("j", "s", 3, 0).build());
    List<SpeculativeTaskSubmitted> marked = run.all(SpeculativeTaskSubmitted.class);
    assertEquals(1, marked.size());
    assertEquals(300L, marked.get(0).thresholdMs());
    assertEquals(1001L, marked.get(0).t());
  }
}
