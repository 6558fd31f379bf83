package dev.barriersim.core.properties;

import static dev.barriersim.core.properties.PropertyRuns.assertHolds;
import static dev.barriersim.core.properties.PropertyRuns.qt;
import static dev.barriersim.core.properties.PropertyRuns.scenarios;

import dev.barriersim.core.properties.ScenarioGen.Shape;
import dev.barriersim.core.properties.checks.AllOrNothingCheck;
import dev.barriersim.core.properties.checks.BarrierFailureCheck;
import dev.barriersim.core.properties.checks.BarrierSlotsCheck;
import dev.barriersim.core.properties.checks.ResubmitDelayCheck;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.properties.checks.SpeculationCheck;
import dev.barriersim.core.spark.OfferOrder;
import dev.barriersim.core.spark.SimulationSettings;
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

  /**
   * {@code offerOrder: shuffled} ({@code TaskSchedulerImpl.shuffleOffers}) changes which executors a
   * gang lands on, never the all-or-nothing rule nor the free-slot rule.
   */
  @Test
  void underShuffledOffers_aGangStillLaunchesAllAtOnceOrNone_andOnlyIntoEnoughFreeSlots() {
    qt(EXAMPLES).forAll(scenarios(Shape.FULL).map(BarrierPropertiesTest::shuffled))
        .checkAssert(s -> assertHolds(s, List.of(new AllOrNothingCheck(), new BarrierSlotsCheck())));
  }

  static SimulationSpec shuffled(SimulationSpec s) {
    SimulationSettings x = s.settings();
    SimulationSettings settings = new SimulationSettings(x.backend(), x.launchLatencyMs(), x.statusUpdateLatencyMs(),
        x.killLatencyMs(), x.barrierPollIntervalMs(), x.horizonMs(), x.maxEvents(), x.reviveOffsetMs(),
        OfferOrder.SHUFFLED, x.barrierPartialRerun());
    return new SimulationSpec(s.name(), s.seed(), s.cluster(), s.conf(), s.pools(), settings, s.jobs(), s.failures());
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
