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

  /** Locality, speculation and exclusion settings survive export and import ("Spark Properties"). */
  @org.junit.jupiter.api.Test
  void localitySpeculationAndExclusionSettingsSurviveExportAndImport() throws Exception {
    SimulationSpec spec = ScenarioLoader.load("conf.yaml", """
        name: conf
        cluster:
          executors:
            - {count: 2, cores: 2}
        spark:
          spark.locality.wait.process: 1500ms
          spark.locality.wait.node: 2s
          spark.locality.wait.rack: 0ms
          spark.locality.wait.legacyResetOnTaskLaunch: true
          spark.shuffle.reduceLocality.enabled: true
          spark.speculation: true
          spark.speculation.interval: 200ms
          spark.speculation.multiplier: 2.5
          spark.speculation.quantile: 0.6
          spark.speculation.minTaskRuntime: 300ms
          spark.excludeOnFailure.enabled: true
          spark.excludeOnFailure.task.maxTaskAttemptsPerExecutor: 2
          spark.excludeOnFailure.stage.maxFailedTasksPerExecutor: 3
          spark.excludeOnFailure.timeout: 10m
          spark.scheduler.excludeOnFailure.unschedulableTaskSetTimeout: 30s
        jobs:
          - name: j
            stages:
              - {name: s, tasks: 4, duration: 1s}
        """).spec();
    StringWriter log = new StringWriter();
    RunTimeline.run(spec, false, log);
    Path file = dir.resolve("conf.json");
    Files.writeString(file, log.toString(), StandardCharsets.UTF_8);
    SimulationSpec again = ScenarioLoader.load("reimported.yaml",
        SparkLogImporter.importLog(file, ImportOptions.defaults()).yaml()).spec();
    assertEquals(spec.conf().locality(), again.conf().locality());
    assertEquals(spec.conf().speculation(), again.conf().speculation());
    assertEquals(spec.conf().excludeOnFailure(), again.conf().excludeOnFailure());
  }
}
