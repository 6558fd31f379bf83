package dev.barriersim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.random.RandomStreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ScenarioResult result(int replications, Mode... modes) {
    RunPlan plan = new RunPlan(FakeEngine.spec("demo", 42, true), List.of(modes), replications);
    FakeEngine engine = FakeEngine.ok();
    List<RunRecord> runs = plan.runs().stream()
        .map(k -> new RunRecord(k, engine.run(plan.specOf(k), RunOutputs.none()))).toList();
    return new ScenarioResult(plan, Path.of("out/demo"), runs);
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void fieldNamesAndOrderAreThoseOfTheContract() throws Exception {
    JsonNode root = MAPPER.readTree(SummaryJson.render(result(2, Mode.BARRIER, Mode.NON_BARRIER)));
    assertEquals(List.of("scenario", "seed", "version", "runs", "aggregates", "modes", "replications"), names(root));
    JsonNode run = root.get("runs").get(0);
    assertEquals(List.of("mode", "replication", "seed", "outcome", "makespanMs", "events", "digest", "jobs", "stages",
        "tasks", "cores", "barrier", "resources"), names(run));
    assertEquals(List.of("name", "status", "submitMs", "startMs", "endMs", "failureReason"), names(run.get("jobs").get(0)));
    assertTrue(run.get("jobs").get(0).get("failureReason").isNull(), "failureReason is written as null");
    assertEquals(List.of("job", "stage", "barrier", "attempts", "status", "firstLaunchMs", "endMs", "stageId"),
        names(run.get("stages").get(0)));
    assertEquals(List.of("launched", "succeeded", "failed", "killed"), names(run.get("tasks")));
    assertEquals(List.of("total", "busyCoreMs", "idleCoreMs", "wastedCoreMs", "utilization"), names(run.get("cores")));
    assertEquals(List.of("slotCheckFailures", "roundsSkipped", "waitMs", "idleCoreMsWhileWaiting", "syncWaitCoreMs",
        "slotCheckWaitMs"), names(run.get("barrier")));
    JsonNode agg = root.get("aggregates");
    assertEquals(List.of("barrier", "non-barrier", "paired"), names(agg));
    assertEquals(Metrics.ALL.stream().map(Metrics.Metric::name).toList(), names(agg.get("barrier")));
    assertEquals(List.of("mean", "stddev", "ci95", "n"), names(agg.get("barrier").get("makespanMs")));
  }

  @Test
  void runsAreModeMajorWithReplicationSeeds() throws Exception {
    JsonNode runs = MAPPER.readTree(SummaryJson.render(result(2, Mode.NON_BARRIER, Mode.BARRIER))).get("runs");
    assertEquals(4, runs.size());
    String[] modes = {"non-barrier", "non-barrier", "barrier", "barrier"};
    long[] seeds = {42, RandomStreams.replicationSeed(42, 1), 42, RandomStreams.replicationSeed(42, 1)};
    for (int i = 0; i < 4; i++) {
      assertEquals(modes[i], runs.get(i).get("mode").asText());
      assertEquals(i % 2, runs.get(i).get("replication").asInt());
      assertEquals(seeds[i], runs.get(i).get("seed").asLong());
    }
  }

  @Test
  void aggregatesAndPairedDifferences() throws Exception {
    JsonNode agg = MAPPER.readTree(SummaryJson.render(result(2, Mode.BARRIER, Mode.NON_BARRIER))).get("aggregates");
    // The fake's makespan is 1000 + seed mod 1000 (+ 500 in barrier mode): the paired difference
    // is exactly 500 in both replications, so its spread is 0.
    JsonNode paired = agg.get("paired").get("makespanMs");
    assertEquals(500.0, paired.get("mean").asDouble());
    assertEquals(0.0, paired.get("stddev").asDouble());
    assertEquals(500.0, paired.get("ci95").get(0).asDouble());
    assertEquals(500.0, paired.get("ci95").get(1).asDouble());
    assertEquals(2, paired.get("n").asInt());
    long a = 1542;
    long b = 1500 + Math.floorMod(RandomStreams.replicationSeed(42, 1), 1000);
    JsonNode m = agg.get("barrier").get("makespanMs");
    assertEquals((a + b) / 2.0, m.get("mean").asDouble(), 1e-9);
    // sd of two values = |a - b| / sqrt(2); t(0.975, 1) = 12.70620474; half-width = t * sd / sqrt(2)
    double sd = Math.abs(a - b) / Math.sqrt(2);
    assertEquals(sd, m.get("stddev").asDouble(), 1e-9);
    assertEquals((a + b) / 2.0 + 12.70620474 * sd / Math.sqrt(2), m.get("ci95").get(1).asDouble(), 1e-5);
    assertEquals(4.0, agg.get("non-barrier").get("tasks.launched").get("mean").asDouble());
  }

  @Test
  void noPairedBlockWithOneMode() throws Exception {
    JsonNode agg = MAPPER.readTree(SummaryJson.render(result(1, Mode.BARRIER))).get("aggregates");
    assertEquals(List.of("barrier"), names(agg));
    JsonNode m = agg.get("barrier").get("makespanMs");
    assertEquals(0.0, m.get("stddev").asDouble());
    assertEquals(m.get("mean").asDouble(), m.get("ci95").get(0).asDouble());
  }

  @Test
  void bytesArePrettyPrintedWithTwoSpacesAndATrailingNewline() {
    String json = SummaryJson.render(result(1, Mode.BARRIER, Mode.NON_BARRIER));
    assertTrue(json.startsWith("{\n  \"scenario\": \"demo\",\n  \"seed\": 42,\n  \"version\": \"" + Version.get()
        + "\",\n  \"runs\": [\n    {\n      \"mode\": \"barrier\",\n"), json);
    assertTrue(json.endsWith("}\n"));
    assertFalse(json.contains("\r"));
    assertEquals(json, SummaryJson.render(result(1, Mode.BARRIER, Mode.NON_BARRIER)), "deterministic bytes");
  }
}
