package dev.barriersim.scenario.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioException;
import dev.barriersim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One case of {@code scenarios/spark-reference}: its twin scenario ({@code cases/<case>.yaml})
 * and its recording on real Spark 3.5.9 ({@code recordings/<case>/tasks.csv}).
 */
final class ReferenceCase {
  /** The harness folder, relative to the scenarios module (the tests' working directory). */
  static final Path ROOT = Path.of("spark-reference");

  private ReferenceCase() {}

  /** Loads the twin (with {@code overrides}), simulates it and compares it with the recording. */
  static TimelineComparison compare(String name, String... overrides) throws IOException {
    Path twin = ROOT.resolve("cases").resolve(name + ".yaml");
    Path recording = ROOT.resolve("recordings").resolve(name).resolve("tasks.csv");
    assertTrue(Files.isRegularFile(twin), () -> "missing twin scenario " + twin.toAbsolutePath());
    assertTrue(Files.isRegularFile(recording), () -> "missing recording " + recording.toAbsolutePath());
    Scenario s;
    try {
      s = ScenarioLoader.load(twin, List.of(overrides));
    } catch (ScenarioException e) {
      StringBuilder all = new StringBuilder();
      e.problems().forEach(p -> all.append("\n  ").append(p));
      throw new AssertionError(name + ": the simulator cannot read the twin scenario yet:" + all, e);
    }
    return new TimelineComparison(RecordedAttempts.read(recording), SimulatedAttempts.run(s.spec()));
  }

  /** Compares and fails with every violation. */
  static void assertMatches(String name) throws IOException {
    TimelineComparison c = compare(name);
    System.out.println("spark-reference " + name + ": " + c.summary());
    assertTrue(c.violations.isEmpty(), () -> name + " against real Spark 3.5.9 (" + c.summary() + "):\n  "
        + String.join("\n  ", c.violations));
  }
}
