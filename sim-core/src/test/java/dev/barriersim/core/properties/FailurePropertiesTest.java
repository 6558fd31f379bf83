package dev.barriersim.core.properties;

import static dev.barriersim.core.properties.PropertyRuns.assertHolds;
import static dev.barriersim.core.properties.PropertyRuns.qt;
import static dev.barriersim.core.properties.PropertyRuns.scenarios;

import dev.barriersim.core.properties.ScenarioGen.Shape;
import dev.barriersim.core.properties.checks.ScriptedFailureCheck;
import dev.barriersim.core.properties.checks.TaskRetryCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Non-barrier failure invariants. */
class FailurePropertiesTest {
  @Test
  void nonBarrierFailure_rerunsOnlyThatTask_andFailsTheJobExactlyAtMaxFailures() {
    qt(500).forAll(scenarios(Shape.FULL)).checkAssert(s -> assertHolds(s, List.of(new TaskRetryCheck())));
  }

  @Test
  void scriptedFailureHappensAtItsPoint_unlessTheAttemptWasKilledOrDoneBefore() {
    qt(500).forAll(scenarios(Shape.FULL)).checkAssert(s -> assertHolds(s, List.of(new ScriptedFailureCheck())));
  }
}
