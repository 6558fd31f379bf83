package dev.barriersim.report.sparklog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.scenario.ScenarioLoader;
import dev.barriersim.scenario.sparklog.ImportOptions;
import dev.barriersim.scenario.sparklog.ImportResult;
import dev.barriersim.scenario.sparklog.SparkLogImporter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code run --spark-event-log} then {@code import}: importing the event log of a simulated run
 * and running the result again gives the same timeline, every attempt and job end within 1 ms,
 * on each real fixture's replay (gangs launched by revive ticks, a barrier stage retried after a
 * failure, kills that run on until done).
 */
class SparkEventLogRoundTripTest {
  @TempDir Path dir;

  static Path fixture(String name) {
    return Path.of("..", "scenarios", "src", "test", "resources", "spark-event-logs", name, "eventlog.json");
  }

  /** Exports a run of {@code spec}, imports the log, runs the import; the differences beyond 1 ms (empty when none). */
  static java.util.Map<String, String> roundTrip(SimulationSpec spec, Path dir) throws Exception {
    StringWriter log = new StringWriter();
    RunTimeline first = RunTimeline.run(spec, false, log);
    Path file = dir.resolve(spec.name() + ".json");
    Files.writeString(file, log.toString(), StandardCharsets.UTF_8);
    ImportResult imported = SparkLogImporter.importLog(file, ImportOptions.defaults());
    SimulationSpec again = ScenarioLoader.load("reimported.yaml", imported.yaml()).spec();
    RunTimeline second = RunTimeline.run(again, true, null);
    assertTrue(first.entries.size() > 1, "the run has attempts");
    return RunTimeline.differences(first, second, 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cb_barrier_4x1s", "ch1_barrier_job_waits_for_gang", "d_barrier_failure_retry",
      "e_map6_then_barrier4", "etl_then_train"})
  void anExportedReplayImportsAndRunsToTheSameTimeline(String name) throws Exception {
    ImportResult r = SparkLogImporter.importLog(fixture(name), ImportOptions.defaults());
    SimulationSpec spec = ScenarioLoader.load(name + ".yaml", r.yaml()).spec();
    assertEquals(java.util.Map.of(), roundTrip(spec, dir));
  }
}
