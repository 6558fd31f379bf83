package dev.barriersim.core.properties;

import static dev.barriersim.core.properties.PropertyRuns.assertHolds;
import static dev.barriersim.core.properties.PropertyRuns.qt;
import static dev.barriersim.core.properties.PropertyRuns.scenarios;

import dev.barriersim.core.properties.ScenarioGen.Shape;
import dev.barriersim.core.properties.checks.LifecycleCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jobs, stage attempts and executors begin and end once, in order, whatever fails. */
class LifecyclePropertiesTest {
  @Test
  void jobsStageAttemptsAndExecutors_beginAndEndOnce_inOrder() {
    qt(500).forAll(scenarios(Shape.FULL)).checkAssert(s -> assertHolds(s, List.of(new LifecycleCheck())));
  }
}
