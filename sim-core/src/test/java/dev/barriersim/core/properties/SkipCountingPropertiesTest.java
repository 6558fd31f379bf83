package dev.barriersim.core.properties;

import static dev.barriersim.core.properties.PropertyRuns.qt;
import static dev.barriersim.core.properties.PropertyRuns.report;
import static dev.barriersim.core.properties.PropertyRuns.scenarios;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.core.observe.SimulationListener;
import dev.barriersim.core.properties.ScenarioGen.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When only the checker and the metrics listen (as in {@code bench}), the scheduler passes waiting
 * barrier sets with a count instead of one event each. That must change nothing: the same result,
 * event count included, as a run whose extra listener makes it report every skip one by one.
 */
class SkipCountingPropertiesTest {
  @Test
  void countedSkipsGiveTheResultOfSkipsReportedOneByOne() {
    int[] withSkips = {0};
    int[] examples = {0};
    qt(300).forAll(scenarios(Shape.FULL)).checkAssert(s -> {
      examples[0]++;
      Object counted = outcome(s, RunOutputs.bare());
      if (counted instanceof RunResult r && r.barrier().roundsSkipped() > 0) withSkips[0]++;
      SimulationListener wantsRecords = new SimulationListener() {};
      Object oneByOne = outcome(s, new RunOutputs(null, null, List.of(wantsRecords), false));
      if (!counted.equals(oneByOne)) {
        throw new AssertionError(report(s, List.of("counted: " + counted, "one by one: " + oneByOne)));
      }
    });
    // About 1 in 4 generated scenarios skips rounds; ask for 1 in 15 whatever QT_EXAMPLES is (PIT runs 60).
    org.junit.jupiter.api.Assertions.assertTrue(withSkips[0] * 15 >= examples[0],
        "too few scenarios skip rounds: " + withSkips[0] + " of " + examples[0]);
  }

  @Test
  void gangsBehindGangs_countedSkipsGiveTheSameResult() {
    qt(150).forAll(scenarios(Shape.HEALTHY)).checkAssert(s -> {
      Object counted = outcome(s, RunOutputs.bare());
      Object oneByOne = outcome(s, new RunOutputs(null, null, List.of(new SimulationListener() {}), false));
      if (!counted.equals(oneByOne)) {
        throw new AssertionError(report(s, List.of("counted: " + counted, "one by one: " + oneByOne)));
      }
    });
  }

  /** The run's result, or its exception's type and message. */
  private static Object outcome(SimulationSpec s, RunOutputs outputs) {
    try {
      RunResult r = Simulations.run(s, outputs);
      return r;
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
