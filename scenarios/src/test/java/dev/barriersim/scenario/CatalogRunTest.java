package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every catalog scenario runs to the end in both modes, and the headline its comments promise holds. */
class CatalogRunTest {
  private static RunResult run(String file, boolean barrier) throws ScenarioException {
    SimulationSpec spec = ScenarioLoader.load(CatalogTest.CATALOG.resolve(file)).spec();
    return Simulations.run(barrier ? spec : spec.withoutBarrier());
  }

  @ParameterizedTest
  @MethodSource("dev.barriersim.scenario.CatalogTest#catalog")
  void runsToTheEndInBothModes(Path file) throws Exception {
    for (boolean barrier : new boolean[] {true, false}) {
      RunResult r = run(file.getFileName().toString(), barrier);
      assertEquals(Outcome.COMPLETED, r.outcome(), file + " barrier=" + barrier);
      assertTrue(r.makespanMs() < 10 * 60_000, file + " stays within minutes of virtual time");
    }
  }

  @Test
  void twoWavesFailsTheGangButRunsTwoWavesWithoutBarrier() throws Exception {
    RunResult gang = run("two-waves.yaml", true);
    assertEquals("FAILED", gang.jobs().get(0).status());
    assertTrue(gang.jobs().get(0).failureReason().contains("SPARK-24819"), gang.jobs().get(0).failureReason());
    assertEquals(2_000, run("two-waves.yaml", false).makespanMs());
  }

  @Test
  void gangLaunchesOnlyOnceTheClusterHasGrown() throws Exception {
    RunResult r = run("barrier-too-large-until-growth.yaml", true);
    assertTrue(r.stages().get(0).firstLaunchMs() >= 60_000, r.stages().toString());
    assertEquals(0L, run("barrier-too-large-until-growth.yaml", false).stages().get(0).firstLaunchMs());
  }
}
