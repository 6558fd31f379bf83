package dev.barriersim.scenario.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.properties.Draw;
import dev.barriersim.core.properties.ScenarioGen;
import dev.barriersim.core.properties.ScenarioYaml;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import dev.barriersim.scenario.Problem;
import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioException;
import dev.barriersim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The counterexamples the property suite prints are runnable: 200 generated scenarios of every
 * shape are rendered as YAML and loaded by the scenario loader. Those Spark would run must run to
 * the same digest as the spec they were rendered from. The generator also makes clusters that
 * Spark refuses at startup (an executor with fewer cores than {@code spark.task.cpus}, a task
 * resource no executor can give), which the simulator copes with but the loader must refuse, with
 * Spark's checks and nothing else.
 */
class ScenarioYamlRoundTripPropertiesTest {
  @Test
  void generatedScenarios_survivePrintingAndLoading_withTheSameDigest() {
    SplittableRandom r = new SplittableRandom(Long.getLong("QT_SEED", 20261124L));
    ScenarioGen.Shape[] shapes = ScenarioGen.Shape.values();
    int n = Integer.getInteger("QT_EXAMPLES", 200);
    int roundTrips = 0;
    for (int i = 0; i < n; i++) {
      int example = i;
      SimulationSpec spec = ScenarioGen.scenario(Draw.seeded(r.split()), shapes[i % shapes.length]);
      String yaml = ScenarioYaml.render(spec);
      Scenario loaded;
      try {
        loaded = ScenarioLoader.load("generated-" + i + ".yaml", yaml);
      } catch (ScenarioException e) {
        if (!sparkRefuses(spec)) fail("example " + i + " does not load: " + e.getMessage() + "\n" + yaml);
        for (Problem p : e.problems()) {
          assertTrue(p.isWarning() || p.message().startsWith("Spark fails at startup: ")
              || p.message().startsWith("no executor has room for one task"), () -> "example " + example + ": " + p + "\n" + yaml);
        }
        continue;
      }
      assertTrue(!sparkRefuses(spec), () -> "example " + example + " loads although Spark would refuse it:\n" + yaml);
      RunResult original = Simulations.run(spec);
      RunResult reloaded = Simulations.run(loaded.spec());
      assertEquals(original.digest(), reloaded.digest(), () -> "example digests differ:\n" + yaml);
      assertEquals(original, reloaded, () -> "example results differ:\n" + yaml);
      roundTrips++;
    }
    assertTrue(roundTrips >= n / 2, "too few examples left to round-trip: " + roundTrips + " of " + n);
  }

  /** Spark's startup checks, restated on the spec: some executor too small for spark.task.cpus, or a task resource no executor can give. */
  private static boolean sparkRefuses(SimulationSpec spec) {
    List<ExecutorGroup> groups = new ArrayList<>(spec.cluster().executors());
    for (ClusterChange c : spec.cluster().changes()) if (c.add() != null) groups.add(c.add());
    int cpus = spec.conf().taskCpus();
    if (groups.stream().anyMatch(g -> g.cores() < cpus)) return true;
    List<Map<String, Integer>> demands = new ArrayList<>();
    demands.add(spec.conf().taskResources());
    for (JobSpec j : spec.jobs()) for (StageSpec s : j.stages()) if (s.resources() != null) demands.add(s.resources());
    for (Map<String, Integer> demand : demands) {
      boolean someExecutorFits = groups.stream().anyMatch(g -> demand.entrySet().stream()
          .allMatch(e -> g.resources().getOrDefault(e.getKey(), 0) >= e.getValue()));
      if (!someExecutorFits) return true;
    }
    return false;
  }
}
