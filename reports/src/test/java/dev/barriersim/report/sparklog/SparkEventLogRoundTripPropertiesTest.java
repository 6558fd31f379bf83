package dev.barriersim.report.sparklog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Property: for generated scenarios within what an event log can tell (executors, both backends,
 * revive interval and phase, latencies, chains of barrier and ordinary stages with per-partition
 * durations, staggered jobs, scripted task failures, task retries), exporting a run as a Spark
 * event log, importing it and running the result gives the same timeline within 1 ms.
 */
class SparkEventLogRoundTripPropertiesTest {
  @TempDir Path dir;

  /** A draw of a whole number in [lo, hi]. */
  @FunctionalInterface
  interface Draw {
    int between(int lo, int hi);
  }

  /** A scenario's YAML from the draws. */
  static String scenario(Draw d) {
    boolean local = d.between(0, 4) == 0;
    StringBuilder y = new StringBuilder("name: generated\ncluster:\n  executors:\n");
    int slots = 0;
    int groups = local ? 1 : d.between(1, 3);
    for (int g = 0; g < groups; g++) {
      int count = local ? 1 : d.between(1, 3);
      int cores = d.between(1, local ? 8 : 4);
      slots += count * cores;
      y.append("    - {count: ").append(count).append(", cores: ").append(cores).append("}\n");
    }
    int interval = 100 * d.between(2, 15);
    y.append("spark:\n  spark.scheduler.revive.interval: ").append(interval).append("ms\n")
        .append("  spark.task.maxFailures: ").append(d.between(1, 4)).append('\n');
    y.append("simulation:\n  backend: ").append(local ? "local" : "coarse-grained").append('\n');
    if (!local) y.append("  reviveOffset: ").append(d.between(0, interval - 1)).append("ms\n");
    y.append("  latency: {launch: ").append(d.between(0, 60)).append("ms, statusUpdate: ").append(d.between(0, 60))
        .append("ms}\n");
    y.append("jobs:\n");
    List<String> failures = new ArrayList<>();
    int jobs = d.between(1, 3);
    for (int j = 0; j < jobs; j++) {
      y.append("  - name: j").append(j).append("\n    submitAt: ").append(d.between(0, 4000)).append("ms\n    stages:\n");
      int stages = d.between(1, 3);
      for (int s = 0; s < stages; s++) {
        boolean barrier = d.between(0, 2) == 0;
        int tasks = d.between(1, barrier ? Math.min(slots, 6) : 8);
        y.append("      - name: s").append(s).append("\n        tasks: ").append(tasks).append('\n');
        if (barrier) y.append("        barrier: true\n");
        if (s > 0) y.append("        parents: [s").append(s - 1).append("]\n");
        List<String> values = new ArrayList<>();
        int first = 0;
        for (int p = 0; p < tasks; p++) {
          int v = 10 * d.between(10, 300);
          if (p == 0) first = v;
          values.add(v + "ms");
        }
        y.append("        duration: {dist: values, values: [").append(String.join(", ", values)).append("]}\n");
        if (d.between(0, 4) == 0) {
          failures.add("    - {job: j" + j + ", stage: s" + s + ", partition: 0, stageAttempt: 0, attempt: 0, after: "
              + d.between(0, first - 1) + "ms}\n");
        }
      }
    }
    if (!failures.isEmpty()) y.append("failures:\n  tasks:\n").append(String.join("", failures));
    return y.toString();
  }

  @Test
  void anExportedRunImportsAndRunsToTheSameTimeline() {
    Gen<String> scenarios = in -> scenario((lo, hi) -> (int) in.next(Constraint.between(lo, hi)));
    QuickTheory.qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L)).withExamples(Integer.getInteger("QT_EXAMPLES", 150))
        .withShrinkCycles(20)
        .forAll(scenarios.describedAs(s -> "\n" + s))
        .checkAssert(yaml -> {
          try {
            SimulationSpec spec = ScenarioLoader.load("generated.yaml", yaml).spec();
            Map<String, String> diff = SparkEventLogRoundTripTest.roundTrip(spec, dir);
            assertEquals(Map.of(), diff);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }
}
