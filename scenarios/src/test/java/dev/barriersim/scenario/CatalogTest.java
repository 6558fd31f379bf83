package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogTest {
  static final Path CATALOG = Path.of("catalog");

  static Stream<Path> catalog() throws IOException {
    try (Stream<Path> files = Files.list(CATALOG)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("catalog")
  void loadsAndIsSmall(Path file) throws Exception {
    Scenario s = ScenarioLoader.load(file);
    assertEquals(file.getFileName().toString().replace(".yaml", ""), s.spec().name(), "name matches the file name");
    long tasks = s.spec().jobs().stream()
        .mapToLong(j -> (long) (j.repeat() == null ? 1 : j.repeat().count()) * j.stages().stream().mapToLong(st -> st.tasks()).sum())
        .sum();
    assertTrue(tasks < 2_000, file + " has " + tasks + " tasks");
    assertTrue(s.spec().hasBarrierStage(), file + " compares barrier with non-barrier");
  }

  /** Every story the catalog promises (README, docs) is there; new scenarios may be added freely. */
  @Test
  void holdsEveryStoryScenario() throws IOException {
    List<String> files = catalog().map(p -> p.getFileName().toString()).toList();
    for (String story : List.of("two-waves.yaml", "gang-behind-fifo-waves.yaml", "fragmentation-mixed-gangs.yaml",
        "failure-amplification.yaml", "failure-probability-amplification.yaml", "stragglers-at-barrier-sync.yaml",
        "barrier-too-large-until-growth.yaml", "gpu-gang.yaml", "executor-loss-under-load.yaml",
        "etl-train-evaluate.yaml", "job-stream-under-failures.yaml", "barrier-retry-timeline.yaml",
        "sweep-gang-size-vs-cluster.yaml", "sweep-failure-probability.yaml", "sweep-executors-until-gang-runs.yaml")) {
      assertTrue(files.contains(story), story + " missing from " + files);
    }
  }

  /** The three sweeps answer their questions over a grid; each stays small enough for the README's main job. */
  @Test
  void theSweepsAreSmallGrids() throws Exception {
    for (String f : List.of("sweep-gang-size-vs-cluster.yaml", "sweep-failure-probability.yaml",
        "sweep-executors-until-gang-runs.yaml")) {
      Scenario s = ScenarioLoader.load(CATALOG.resolve(f));
      assertTrue(s.hasSweep(), f);
      assertTrue(s.sweep().check().isEmpty(), f + ": every point is valid and clean: " + s.sweep().check());
      long runs = s.sweep().points() * s.modes().size() * s.replications();
      assertTrue(runs <= 120, f + " has " + runs + " runs");
    }
  }

  @Test
  void catalogDetails() throws Exception {
    Scenario growth = ScenarioLoader.load(CATALOG.resolve("barrier-too-large-until-growth.yaml"));
    assertEquals(60_000, growth.spec().cluster().changes().get(0).atMs());
    assertEquals(15_000, growth.spec().conf().slotCheckIntervalMs());
    Scenario gpu = ScenarioLoader.load(CATALOG.resolve("gpu-gang.yaml"));
    assertEquals(1, gpu.spec().jobs().get(0).stages().get(1).resources().get("gpu"));
    assertEquals(4, gpu.spec().jobs().get(0).stages().get(1).phases().size());
    Scenario fail = ScenarioLoader.load(CATALOG.resolve("failure-amplification.yaml"));
    assertEquals(0, fail.spec().settings().killLatencyMs());
    assertEquals(5_000, fail.spec().failures().tasks().get(0).afterMs());
  }
}
