package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.core.observe.SimulationListener;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code TaskSchedulerImpl.resourceOffers} skips a barrier TaskSet the round's free slots cannot
 * hold (SPARK-29263), once per round; a run whose listeners take skips as a count must report a
 * round's skips with that round, also when the skipped set is the last one the round visits.
 */
class SkipCountFlushGapsTest {

  /**
   * One executor of 4 cores: gang g1 (1 task, 1 s) launches at 0 and gang g2 (4 tasks) is skipped
   * in that round (3 slots free). The run stops at 500 ms, before another round: the one skip is
   * counted, as when every skip is reported one by one.
   */
  @Test
  void skipOfTheLastSetARoundVisits_isCountedWithThatRound() {
    SimulationSpec s = spec().executors(1, 4).horizon(500)
        .job("g1", barrier("g1", 1, 1000)).job("g2", barrier("g2", 4, 1000)).build();
    long counted = Simulations.run(s, RunOutputs.bare()).barrier().roundsSkipped();
    long oneByOne = Simulations.run(s, new RunOutputs(null, null, List.of(new SimulationListener() {}), false))
        .barrier().roundsSkipped();
    assertEquals(1L, oneByOne);
    assertEquals(oneByOne, counted);
  }
}
