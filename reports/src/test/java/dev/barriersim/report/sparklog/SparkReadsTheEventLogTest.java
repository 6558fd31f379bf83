package dev.barriersim.report.sparklog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.scenario.ScenarioLoader;
import dev.barriersim.scenario.sparklog.ImportOptions;
import dev.barriersim.scenario.sparklog.SparkLogImporter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.JsonProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spark's own reader ({@code JsonProtocol.sparkEventFromJson}, spark-core 3.5.9 in test scope)
 * parses every line the writer produces, in both arms of every catalog scenario (failures, kills,
 * lost executors, fetch failures, GPUs, FAIR pools, slot-check failures) and of every fixture's
 * replay, into the listener event the line names.
 */
class SparkReadsTheEventLogTest {
  static Stream<Path> catalog() throws Exception {
    return Files.list(Path.of("..", "scenarios", "catalog")).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  /** Writes both arms of {@code spec} and parses every line with Spark; event name -> count. */
  static Map<String, Integer> parseBothArms(SimulationSpec spec) {
    Map<String, Integer> kinds = new TreeMap<>();
    for (SimulationSpec arm : List.of(spec, spec.withoutBarrier())) {
      StringWriter log = new StringWriter();
      Simulations.run(arm, RunOutputs.none().withListener(new SparkEventLogWriter(log, arm, "barrier")));
      for (String line : log.toString().lines().toList()) {
        SparkListenerEvent e = JsonProtocol.sparkEventFromJson(line);
        String named = line.substring(10, line.indexOf('"', 10));
        assertEquals(named, e.getClass().getSimpleName(), line);
        kinds.merge(named, 1, Integer::sum);
      }
    }
    return kinds;
  }

  @ParameterizedTest
  @MethodSource("catalog")
  void sparkParsesEveryLineOfEveryCatalogScenario(Path scenario) throws Exception {
    Map<String, Integer> kinds = parseBothArms(ScenarioLoader.load(scenario).spec());
    assertTrue(kinds.keySet().containsAll(List.of("SparkListenerLogStart", "SparkListenerEnvironmentUpdate",
        "SparkListenerApplicationStart", "SparkListenerExecutorAdded", "SparkListenerTaskStart", "SparkListenerTaskEnd",
        "SparkListenerApplicationEnd")), kinds.toString());
  }

  @Test
  void sparkParsesTheFixturesReplaysWithTheirStagesFailuresAndKills() throws Exception {
    List<String> reasons = new ArrayList<>();
    int jobsWithStages = 0;
    for (String name : new String[] {"d_barrier_failure_retry", "etl_then_train"}) {
      SimulationSpec spec = ScenarioLoader.load(name, SparkLogImporter.importLog(SparkEventLogRoundTripTest.fixture(name),
          ImportOptions.defaults()).yaml()).spec();
      StringWriter log = new StringWriter();
      Simulations.run(spec, RunOutputs.none().withListener(new SparkEventLogWriter(log, spec, "barrier")));
      for (String line : log.toString().lines().toList()) {
        SparkListenerEvent e = JsonProtocol.sparkEventFromJson(line);
        if (e instanceof SparkListenerTaskEnd t) reasons.add(t.reason().getClass().getSimpleName());
        if (e instanceof SparkListenerJobStart j && j.stageInfos().size() > 1) {
          jobsWithStages++;
          assertTrue(j.stageInfos().last().parentIds().nonEmpty(), "the result stage names its parent: " + line);
        }
      }
    }
    assertTrue(reasons.contains("ExceptionFailure") && reasons.contains("TaskKilled"), reasons.toString());
    assertTrue(jobsWithStages > 0);
  }
}
