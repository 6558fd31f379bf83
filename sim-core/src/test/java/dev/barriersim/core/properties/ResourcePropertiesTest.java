package dev.barriersim.core.properties;

import static dev.barriersim.core.properties.PropertyRuns.assertHolds;
import static dev.barriersim.core.properties.PropertyRuns.qt;
import static dev.barriersim.core.properties.PropertyRuns.scenarios;

import dev.barriersim.core.properties.ScenarioGen.Shape;
import dev.barriersim.core.properties.checks.CapacityCheck;
import dev.barriersim.core.properties.checks.WorkConservingCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resource invariants: capacity and work conservation after full offer rounds. */
class ResourcePropertiesTest {
  static final int EXAMPLES = 500;

  @Test
  void noExecutor_everRunsMoreCpusOrGpusThanItHas() {
    qt(EXAMPLES).forAll(scenarios(Shape.FULL)).checkAssert(s -> assertHolds(s, List.of(new CapacityCheck())));
  }

  @Test
  void afterAFullOfferRound_noPendingNonBarrierTaskFitsAFreeExecutor() {
    qt(EXAMPLES).forAll(scenarios(Shape.FULL)).checkAssert(s -> assertHolds(s, List.of(new WorkConservingCheck())));
  }
}
