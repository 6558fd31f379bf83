package dev.barriersim.core.properties;

import static dev.barriersim.core.properties.PropertyRuns.assertHolds;
import static dev.barriersim.core.properties.PropertyRuns.qt;
import static dev.barriersim.core.properties.PropertyRuns.scenariosWithExclusion;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.properties.checks.AllOrNothingCheck;
import dev.barriersim.core.properties.checks.BarrierSlotsCheck;
import dev.barriersim.core.properties.checks.ExclusionCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exclusion on failure on random scenarios with failures, losses and cluster changes, exclusion
 * always on with small thresholds: no launch where the task, its stage attempt or the application
 * excludes the executor or its host, and a gang still launches all at once or not at all.
 */
class ExclusionPropertiesTest {
  static final int EXAMPLES = 400;

  @Test
  void noLaunchOnAnExecutorExcludedForTheTaskStageOrApplication() {
    int[] withExclusions = {0};
    int[] examples = {0};
    qt(EXAMPLES).forAll(scenariosWithExclusion()).checkAssert(s -> {
      examples[0]++;
      PropertyRuns.Observed o = PropertyRuns.run(s);
      if (o.events().stream().anyMatch(e -> e instanceof SimEvent.ExecutorExcluded)) withExclusions[0]++;
      List<String> v = PropertyRuns.violations(o, List.of(new ExclusionCheck()));
      if (!v.isEmpty()) throw new AssertionError(PropertyRuns.report(s, v) + PropertyRuns.eventsAround(o, v.get(0)));
    });
    // The generator must exercise exclusion: ask for 1 in 10 examples whatever QT_EXAMPLES is.
    assertTrue(withExclusions[0] * 10 >= examples[0],
        "too few scenarios exclude an executor: " + withExclusions[0] + " of " + examples[0]);
  }

  @Test
  void gangLaunchesAllAtOnceOrNotAtAll_withExclusionOn() {
    qt(EXAMPLES).forAll(scenariosWithExclusion())
        .checkAssert(s -> assertHolds(s, List.of(new AllOrNothingCheck(), new BarrierSlotsCheck())));
  }

  @Test
  void everyInvariant_withExclusionOn() {
    qt(EXAMPLES / 2).forAll(scenariosWithExclusion()).checkAssert(s -> assertHolds(s, PropertyRuns.allChecks()));
  }
}
