package dev.barriersim.scenario.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.core.properties.Draw;
import dev.barriersim.core.properties.ScenarioGen;
import dev.barriersim.core.properties.ScenarioYaml;
import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioException;
import dev.barriersim.scenario.ScenarioLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The counterexamples the property suite prints are runnable: 200 generated scenarios of every
 * shape are rendered as YAML, loaded by the scenario loader, and must run to the same digest as
 * the spec they were rendered from.
 */
class ScenarioYamlRoundTripPropertiesTest {
  @Test
  void generatedScenarios_survivePrintingAndLoading_withTheSameDigest() {
    SplittableRandom r = new SplittableRandom(Long.getLong("QT_SEED", 20261124L));
    ScenarioGen.Shape[] shapes = ScenarioGen.Shape.values();
    int n = Integer.getInteger("QT_EXAMPLES", 200);
    for (int i = 0; i < n; i++) {
      SimulationSpec spec = ScenarioGen.scenario(Draw.seeded(r.split()), shapes[i % shapes.length]);
      String yaml = ScenarioYaml.render(spec);
      Scenario loaded;
      try {
        loaded = ScenarioLoader.load("generated-" + i + ".yaml", yaml);
      } catch (ScenarioException e) {
        fail("example " + i + " does not load: " + e.getMessage() + "\n" + yaml);
        return;
      }
      RunResult original = Simulations.run(spec);
      RunResult reloaded = Simulations.run(loaded.spec());
      assertEquals(original.digest(), reloaded.digest(), () -> "example digests differ:\n" + yaml);
      assertEquals(original, reloaded, () -> "example results differ:\n" + yaml);
    }
  }
}
