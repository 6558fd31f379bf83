package dev.barriersim.core.properties;

import static dev.barriersim.core.properties.PropertyRuns.assertHolds;
import static dev.barriersim.core.properties.PropertyRuns.qt;
import static dev.barriersim.core.properties.PropertyRuns.scenarios;

import dev.barriersim.core.properties.ScenarioGen.Shape;
import dev.barriersim.core.properties.checks.AccountingCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary agrees with the events; makespan bounds. */
class AccountingPropertiesTest {
  @Test
  void summary_agreesWithTheEvents() {
    qt(500).forAll(scenarios(Shape.FULL)).checkAssert(s -> assertHolds(s, List.of(new AccountingCheck())));
  }

  @Test
  void healthyRun_lastsAtLeastItsCriticalPathAndTotalWorkOverCores() {
    qt(300).forAll(scenarios(Shape.HEALTHY)).checkAssert(s -> assertHolds(s, List.of(new AccountingCheck())));
  }
}
