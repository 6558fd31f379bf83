package dev.barriersim.core.properties;

import static dev.barriersim.core.properties.PropertyRuns.assertHolds;
import static dev.barriersim.core.properties.PropertyRuns.qt;
import static dev.barriersim.core.properties.PropertyRuns.scenarios;

import dev.barriersim.core.properties.ScenarioGen.Shape;
import dev.barriersim.core.properties.checks.AllOrNothingCheck;
import dev.barriersim.core.properties.checks.BarrierFailureCheck;
import dev.barriersim.core.properties.checks.BarrierSlotsCheck;
import dev.barriersim.core.properties.checks.ResubmitDelayCheck;
import dev.barriersim.core.properties.checks.SpeculationCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Barrier invariants on random scenarios with failures, losses and cluster changes. */
class BarrierPropertiesTest {
  static final int EXAMPLES = 500;

  @Test
  void barrierStageAttempt_launchesAllItsTasksAtOneInstantOrNone() {
    qt(EXAMPLES).forAll(scenarios(Shape.FULL)).checkAssert(s -> assertHolds(s, List.of(new AllOrNothingCheck())));
  }

  /** Generated scenarios speculate in 40 % of runs without executor losses (ScenarioGen). */
  @Test
  void barrierTask_isNeverSpeculated_andACopyNeverRunsOnAHostItsTaskRanOn() {
    qt(EXAMPLES).forAll(scenarios(Shape.FULL)).checkAssert(s -> assertHolds(s, List.of(new SpeculationCheck())));
  }

  @Test
  void barrierStageAttempt_launchesOnlyWhenTheClusterHasEnoughFreeSlots() {
    qt(EXAMPLES).forAll(scenarios(Shape.FULL)).checkAssert(s -> assertHolds(s, List.of(new BarrierSlotsCheck())));
  }

  @Test
  void barrierTaskFailure_killsEverySiblingAtOnce_andFailsAResultStagesJob() {
    qt(EXAMPLES).forAll(scenarios(Shape.FULL)).checkAssert(s -> assertHolds(s, List.of(new BarrierFailureCheck())));
  }

  @Test
  void failedStageAttempt_isResubmittedOnlyAfterResubmitTimeout() {
    qt(EXAMPLES).forAll(scenarios(Shape.FULL)).checkAssert(s -> assertHolds(s, List.of(new ResubmitDelayCheck())));
  }
}
