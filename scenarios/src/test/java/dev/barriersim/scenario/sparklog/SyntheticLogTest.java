package dev.barriersim.scenario.sparklog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases the real fixtures lack, on small hand-built logs: each scenario loads, and replays where the simulator models the case. */
class SyntheticLogTest {
  @TempDir Path dir;

  private ImportResult importLog(LogBuilder b, ImportOptions o) throws Exception {
    return SparkLogImporter.importLog(b.write(dir.resolve("app-built")), o);
  }

  private static Scenario load(ImportResult r) throws Exception {
    return ScenarioLoader.load("built.yaml", r.yaml());
  }

  @Test
  void aStageComputedByAnEarlierJobIsSkippedAsSparkSkipsIt() throws Exception {
    LogBuilder.Stage map = new LogBuilder.Stage(0, 2, List.of(), false);
    LogBuilder b = new LogBuilder(Map.of("spark.master", "local[2]"))
        .executor("driver", "h", 2, -1000, Map.of())
        .jobStart(0, 0, Map.of(), map, new LogBuilder.Stage(1, 1, List.of(0), false))
        .stageSubmitted(0, 0, 0, 0).success(0, 0, 0, 400, "driver").success(0, 1, 0, 600, "driver")
        .stageCompleted(0, 0, 600, null)
        .stageSubmitted(0, 1, 0, 600).success(1, 0, 600, 700, "driver").stageCompleted(1, 0, 700, null).jobEnd(0, 700)
        .jobStart(1, 1000, Map.of(), map, new LogBuilder.Stage(2, 2, List.of(0), false))
        .stageSubmitted(1, 2, 0, 1000).success(2, 0, 1000, 1300, "driver").success(2, 1, 1000, 1500, "driver")
        .stageCompleted(2, 0, 1500, null).jobEnd(1, 1500);
    ImportResult r = importLog(b, ImportOptions.defaults());
    Scenario s = load(r);
    assertEquals(List.of("stage-0", "stage-1"), s.spec().jobs().get(0).stages().stream().map(x -> x.name()).toList());
    assertEquals(List.of("stage-2"), s.spec().jobs().get(1).stages().stream().map(x -> x.name()).toList());
    ReplayComparison c = new ReplayComparison(b.timeline(), SimulatedTimelines.run(s.spec()));
    assertTrue(c.violations.isEmpty(), String.join("\n", c.violations));
  }

  @Test
  void aFailedOrdinaryTaskIsScriptedAndItsRetryReplays() throws Exception {
    LogBuilder b = new LogBuilder(Map.of("spark.master", "local[2,3]"))
        .executor("driver", "h", 2, -1000, Map.of())
        .jobStart(0, 0, Map.of(), new LogBuilder.Stage(0, 2, List.of(), false))
        .stageSubmitted(0, 0, 0, 0).success(0, 0, 0, 1000, "driver")
        .task(0, 0, 1, 0, 0, 300, "driver", "ExceptionFailure", "boom", false)
        .task(0, 0, 1, 1, 300, 1100, "driver", "Success", "", false)
        .stageCompleted(0, 0, 1100, null).jobEnd(0, 1100);
    ImportResult r = importLog(b, ImportOptions.defaults());
    assertTrue(r.yaml().contains("spark.task.maxFailures: 3"), r.yaml());
    assertTrue(r.yaml().contains("- {job: job-0, stage: stage-0, partition: 1, stageAttempt: 0, attempt: 0, after: 300ms}"),
        r.yaml());
    ReplayComparison c = new ReplayComparison(b.timeline(), SimulatedTimelines.run(load(r).spec()));
    assertTrue(c.violations.isEmpty(), String.join("\n", c.violations));
  }

  @Test
  void executorsJoiningAndLeavingBecomeChangesAndLosses() throws Exception {
    LogBuilder b = new LogBuilder(Map.of("spark.master", "spark://m:7077"))
        .executor("7", "node-a", 2, -1000, Map.of())
        .jobStart(0, 0, Map.of(), new LogBuilder.Stage(0, 2, List.of(), false))
        .executor("8", "node-b", 4, 500, Map.of())
        .stageSubmitted(0, 0, 0, 0).success(0, 0, 0, 2000, "7").success(0, 1, 0, 2500, "7")
        .executorRemoved("7", 3000, "Executor heartbeat timed out after 120000 ms")
        .executor("9", "node-c", 2, 4000, Map.of())
        .executorRemoved("8", 5000, "Executor decommission.")
        .stageCompleted(0, 0, 2500, null).jobEnd(0, 6000);
    ImportResult r = importLog(b, ImportOptions.defaults());
    String y = r.yaml();
    assertTrue(y.contains("    - {count: 1, cores: 2}  # Spark executors (id->scenario id) 7->0 on node-a"), y);
    assertTrue(y.contains("    - {at: 500ms, add: {count: 1, cores: 4}}  # Spark executor 8 -> 1 on node-b"), y);
    assertTrue(y.contains("    - {at: 4000ms, add: {count: 1, cores: 2}}  # Spark executor 9 -> 2 on node-c"), y);
    assertTrue(y.contains("    - {at: 5000ms, decommission: [\"1\"]}"), y);
    assertTrue(y.contains("    - {lose: \"0\", at: 3000ms}  # Spark executor 7: ExecutorRemoved line"), y);
    assertTrue(r.notReplayed().stream().anyMatch(g -> g.startsWith("locality and offer order: master spark://m:7077")),
        r.notReplayed().toString());
    Scenario s = load(r);
    assertEquals(1, s.spec().cluster().executors().size());
    assertEquals(3, s.spec().cluster().changes().size());
    assertEquals(1, s.spec().failures().executors().size());
  }

  /** A loss whose tasks ended {@code ExecutorLostFailure} with {@code Exit Caused By App} is replayed with {@code cause: app}. */
  @Test
  void aLossSparkBlamedOnTheAppIsReplayedWithCauseApp() throws Exception {
    LogBuilder b = new LogBuilder(Map.of("spark.master", "spark://m:7077"))
        .executor("7", "node-a", 2, -1000, Map.of()).executor("8", "node-b", 2, -1000, Map.of())
        .jobStart(0, 0, Map.of(), new LogBuilder.Stage(0, 1, List.of(), false))
        .stageSubmitted(0, 0, 0, 0)
        .task(0, 0, 0, 0, 0, 3000, "7", "ExecutorLostFailure", "app", false)
        .executorRemoved("7", 3000, "Command exited with code 1")
        .task(0, 0, 0, 1, 3000, 5000, "8", "Success", "", false)
        .stageCompleted(0, 0, 5000, null).jobEnd(0, 5000);
    ImportResult r = importLog(b, ImportOptions.defaults());
    assertTrue(r.yaml().contains("    - {lose: \"0\", at: 3000ms, cause: app}  # Spark executor 7"), r.yaml());
    assertTrue(load(r).spec().failures().executors().get(0).causedByApp());
  }

  @Test
  void fairPoolsAreDeclaredAndNamedAsNotReplayed() throws Exception {
    LogBuilder b = new LogBuilder(Map.of("spark.master", "local[2]", "spark.scheduler.mode", "FAIR"))
        .executor("driver", "h", 2, -1000, Map.of())
        .jobStart(0, 0, Map.of("spark.scheduler.pool", "etl pool"), new LogBuilder.Stage(0, 1, List.of(), false))
        .stageSubmitted(0, 0, 0, 0).success(0, 0, 0, 100, "driver").stageCompleted(0, 0, 100, null).jobEnd(0, 100);
    ImportResult r = importLog(b, ImportOptions.defaults());
    assertTrue(r.yaml().contains("  - {name: etl-pool}"), r.yaml());
    assertTrue(r.yaml().contains("    pool: etl-pool"), r.yaml());
    assertTrue(r.yaml().contains("  spark.scheduler.mode: FAIR"), r.yaml());
    assertTrue(r.notReplayed().stream().anyMatch(g -> g.startsWith("FAIR pools:")), r.notReplayed().toString());
    load(r);
  }

  @Test
  void customResourcesOfExecutorsAndTasksAreImported() throws Exception {
    LogBuilder b = new LogBuilder(Map.of("spark.master", "local-cluster[1,4,1024]", "spark.task.resource.gpu.amount", "1"))
        .executor("0", "h", 4, -1000, Map.of("gpu", 2))
        .jobStart(0, 0, Map.of(), new LogBuilder.Stage(0, 2, List.of(), true))
        .stageSubmitted(0, 0, 0, 0).success(0, 0, 5, 100, "0").success(0, 1, 5, 100, "0")
        .stageCompleted(0, 0, 100, null).jobEnd(0, 100);
    ImportResult r = importLog(b, ImportOptions.defaults());
    assertTrue(r.yaml().contains("- {count: 1, cores: 4, resources: {gpu: 2}}"), r.yaml());
    assertTrue(r.yaml().contains("  spark.task.resource.gpu.amount: 1"), r.yaml());
    assertTrue(r.yaml().contains("        barrier: true"), r.yaml());
    load(r);
  }

  /** The keys of the models of issue 16 come over from the log's Spark Properties, with Spark's time units read. */
  @Test
  void localitySpeculationAndExclusionKeysAreCarriedOver() throws Exception {
    LogBuilder b = new LogBuilder(Map.of("spark.master", "local-cluster[2,2,1024]", "spark.locality.wait", "1s",
        "spark.speculation", "true", "spark.speculation.multiplier", "2.5", "spark.speculation.interval", "200",
        "spark.excludeOnFailure.enabled", "true", "spark.excludeOnFailure.timeout", "10min",
        "spark.excludeOnFailure.task.maxTaskAttemptsPerNode", "2", "spark.task.maxFailures", "3"))
        .executor("0", "h", 2, -1000, Map.of()).executor("1", "h", 2, -1000, Map.of())
        .jobStart(0, 0, Map.of(), new LogBuilder.Stage(0, 2, List.of(), false))
        .stageSubmitted(0, 0, 0, 0).success(0, 0, 5, 100, "0").success(0, 1, 5, 100, "1")
        .stageCompleted(0, 0, 100, null).jobEnd(0, 100);
    ImportResult r = importLog(b, ImportOptions.defaults());
    for (String line : List.of("  spark.locality.wait: 1000ms", "  spark.speculation: true", "  spark.speculation.interval: 200ms",
        "  spark.speculation.multiplier: 2.5", "  spark.excludeOnFailure.enabled: true",
        "  spark.excludeOnFailure.task.maxTaskAttemptsPerNode: 2", "  spark.excludeOnFailure.timeout: 600000ms")) {
      assertTrue(r.yaml().contains(line), line + " in\n" + r.yaml());
    }
    assertTrue(r.notReplayed().stream().noneMatch(g -> g.contains("speculat") || g.contains("exclu")), r.notReplayed().toString());
    load(r);
  }

  @Test
  void speculationAndUserKillsAreNamedWithTheirLines() throws Exception {
    LogBuilder b = new LogBuilder(Map.of("spark.master", "local[2]"))
        .executor("driver", "h", 2, -1000, Map.of())
        .jobStart(0, 0, Map.of(), new LogBuilder.Stage(0, 2, List.of(), false))
        .stageSubmitted(0, 0, 0, 0).success(0, 0, 0, 100, "driver")
        .task(0, 0, 1, 0, 0, 150, "driver", "TaskKilled", "killed by the user", false)
        .task(0, 0, 1, 1, 150, 300, "driver", "Success", "", true)
        .stageCompleted(0, 0, 300, null).jobEnd(0, 300);
    ImportResult r = importLog(b, ImportOptions.defaults());
    assertEquals(List.of("speculation: 1 speculative task attempts; they are not replayed one by one: with"
        + " spark.speculation carried over, the simulation speculates by Spark's rule (events at line 12)", "task kills: 1 tasks were killed for another reason than a barrier sibling's"
        + " failure or a job abort (a user's cancellation?); barriersim cannot cancel jobs (events at line 10)"),
        r.notReplayed());
    assertTrue(r.yaml().startsWith("# NOT REPLAYED (2)"), r.yaml());
    load(r);
  }

  @Test
  void asDistributionSummarisesALargeStageByQuantiles() throws Exception {
    LogBuilder b = new LogBuilder(Map.of("spark.master", "local[8]")).executor("driver", "h", 8, -1000, Map.of())
        .jobStart(0, 0, Map.of(), new LogBuilder.Stage(0, 2500, List.of(), false)).stageSubmitted(0, 0, 0, 0);
    for (int p = 0; p < 2500; p++) b.success(0, p, 0, 10 + p, "driver");
    b.stageCompleted(0, 0, 3000, null).jobEnd(0, 3000);
    ImportResult r = importLog(b, new ImportOptions(Set.of(), true));
    String y = r.yaml();
    assertTrue(y.contains("durations: empirical, drawn uniformly from 1000 evenly spaced quantiles of the 2500 recorded"
        + " values"), y);
    String values = y.substring(y.indexOf("values: [") + 9, y.indexOf(']', y.indexOf("values: [")));
    List<String> items = List.of(values.replaceAll("\\s+", "").split(","));
    assertEquals(1000, items.size());
    assertEquals("10ms", items.get(0));
    assertEquals("2509ms", items.get(999));
    assertFalse(y.contains("dist: values"), y);
    load(r);
  }
}
