package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.withResources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code TaskSchedulerImpl.resourceOffers} checks each barrier TaskSet against
 * {@code calculateAvailableSlots} for that set's own resource profile: two barrier sets of different
 * demands in one round each get their own count, not the one computed for the set before them.
 */
class SlotCountPerDemandGapsTest {
  /**
   * One executor of 4 cores and 4 GPUs; "hog" holds 1 core and 2 GPUs until 10 s. At 1 s "big"
   * (2 barrier tasks of 2 GPUs each: 1 slot free) is checked first and skipped; then "small" (2
   * barrier tasks of 1 GPU each: min(3 cores, 2 GPUs) = 2 slots free) fits and launches at 1 s.
   * Counting small with big's shape would find 1 slot and keep it waiting behind big.
   */
  @Test
  void secondBarrierSetOfAnotherDemand_getsItsOwnSlotCount() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4, Map.of("gpu", 4))
        .job("hog", withResources(stage("hog", 1, 10_000), Map.of("gpu", 2)))
        .job("big", 1000, "default", withResources(barrier("big", 2, 1000), Map.of("gpu", 2)))
        .job("small", 1000, "default", withResources(barrier("small", 2, 1000), Map.of("gpu", 1)))
        .build());
    List<Long> small = run.all(TaskLaunched.class, l -> l.stage().equals("small")).stream().map(TaskLaunched::t).toList();
    assertEquals(List.of(1000L, 1000L), small);
    assertEquals(10_000L, run.all(TaskLaunched.class, l -> l.stage().equals("big")).get(0).t());
  }
}
