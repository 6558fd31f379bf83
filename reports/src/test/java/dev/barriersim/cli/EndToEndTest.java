package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.barriersim.report.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tool: YAML loader and sim-core engine, through {@code new CommandLine(new Main())}.
 * These need both modules' bodies; they fail (not skip) while either is still a placeholder.
 */
class EndToEndTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir Path tmp;

  /** 8 tasks x 1 s on 2 executors x 2 cores: two waves, 2 s in either mode. */
  static final String TINY = """
      name: tiny
      seed: 7
      cluster:
        executors:
          - count: 2
            cores: 2
      jobs:
        - name: etl
          stages:
            - name: map
              tasks: 8
              duration: 1s
      """;

  /** A barrier stage of 6 tasks on 4 slots: it can never start, so the job fails after two slot checks. */
  static final String TOO_WIDE = """
      name: too-wide
      cluster:
        executors:
          - count: 2
            cores: 2
      spark:
        spark.scheduler.barrier.maxConcurrentTasksCheck.interval: 1s
        spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures: 2
      jobs:
        - name: train
          stages:
            - name: fit
              tasks: 6
              barrier: true
              duration: 1s
      """;

  /** A barrier stage that fits, two phases with a sync between, three replications. */
  static final String GANG = """
      name: gang
      seed: 11
      cluster:
        executors:
          - count: 2
            cores: 2
      jobs:
        - name: train
          stages:
            - name: load
              tasks: 6
              duration: {dist: exponential, mean: 2s}
            - name: fit
              tasks: 4
              barrier: true
              parents: [load]
              phases:
                - {dist: uniform, min: 1s, max: 3s}
                - {dist: constant, value: 500ms}
      run:
        replications: 3
      """;

  private Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  @Test
  void tinyScenarioTakesTwoSecondsInBothModes() throws Exception {
    Path f = write("tiny.yaml", TINY);
    Path out = tmp.resolve("out/tiny");
    Cli.Result r = Cli.run("run", f.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("seed: 7\n"), r.out());
    for (String mode : new String[] {"barrier", "non-barrier"}) {
      assertEquals("events.jsonl\ntasks.csv", Trees.listing(out.resolve(mode)));
      assertEquals(9, Files.readAllLines(out.resolve(mode + "/tasks.csv")).size(), "header + 8 attempts");
    }
    JsonNode s = MAPPER.readTree(out.resolve("summary.json").toFile());
    assertEquals(2, s.get("runs").size());
    for (JsonNode run : s.get("runs")) {
      assertEquals("COMPLETED", run.get("outcome").asText());
      assertEquals(2000, run.get("makespanMs").asLong());
      assertEquals(8, run.get("tasks").get("launched").asLong());
      assertEquals("SUCCEEDED", run.get("jobs").get(0).get("status").asText());
    }
    assertEquals(0.0, s.get("aggregates").get("paired").get("makespanMs").get("mean").asDouble());
  }

  @Test
  void sameInputSameBytes() throws Exception {
    Path f = write("gang.yaml", GANG);
    assertEquals(0, Cli.run("run", f.toString(), "--out", tmp.resolve("a").toString(), "--parallelism", "1").code());
    assertEquals(0, Cli.run("run", f.toString(), "--out", tmp.resolve("b").toString(), "--parallelism", "4").code());
    assertEquals(Trees.snapshot(tmp.resolve("a")), Trees.snapshot(tmp.resolve("b")));
    JsonNode s = MAPPER.readTree(tmp.resolve("a/summary.json").toFile());
    assertEquals(6, s.get("runs").size());
    assertEquals(3, s.get("aggregates").get("barrier").get("makespanMs").get("n").asInt());
  }

  @Test
  void aJobFailingInsideTheSimulationIsAResult() throws Exception {
    Path f = write("too-wide.yaml", TOO_WIDE);
    Path out = tmp.resolve("o");
    Cli.Result r = Cli.run("run", f.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.toString());
    JsonNode runs = MAPPER.readTree(out.resolve("summary.json").toFile()).get("runs");
    assertEquals("FAILED", runs.get(0).get("jobs").get(0).get("status").asText());
    assertFalse(runs.get(0).get("jobs").get(0).get("failureReason").isNull());
    assertTrue(runs.get(0).get("barrier").get("slotCheckFailures").asLong() >= 1);
    assertEquals("SUCCEEDED", runs.get(1).get("jobs").get(0).get("status").asText());
  }

  @Test
  void aBarrierStageSparksSlotCheckWillFailIsAWarning_validateExits0AndRunRunsAnyway() throws Exception {
    Path f = write("too-wide.yaml", TOO_WIDE);
    Cli.Result v = Cli.run("validate", f.toString());
    assertEquals(0, v.code(), v.toString());
    assertEquals(f + ": ok\n", v.out());
    assertEquals(1, v.err().lines().count(), v.err());
    assertTrue(v.err().matches("\\Q" + f + "\\E:\\d+:\\d+: jobs\\[0]\\.stages\\[0]\\.tasks: warning: barrier stage 'fit' needs 6 "
        + "slots at once, .* so the job will fail with \\[SPARK-24819] at about \\S+; .+\n"), v.err());
    Cli.Result r = Cli.run("run", f.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().startsWith(v.err()), r.toString());
    assertTrue(Files.exists(tmp.resolve("o").resolve("summary.json")));
  }

  @Test
  void invalidYamlPrintsLocatedProblemsAndNoStackTrace() throws Exception {
    Path f = write("bad.yaml", TINY.replace("cores: 2", "coers: 2").replace("duration: 1s", "duration: 1"));
    Cli.Result r = Cli.run("run", f.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(2, r.code(), r.toString());
    assertFalse(r.err().contains("\tat "), r.err());
    assertTrue(r.err().lines().count() >= 2, r.err());
    assertTrue(r.err().lines().allMatch(l -> l.matches(".*bad\\.yaml:\\d+:\\d+: \\S+: .+; .+")), r.err());
    assertFalse(Files.exists(tmp.resolve("o")));
    Cli.Result v = Cli.run("validate", f.toString());
    assertEquals(2, v.code());
    assertEquals(r.err(), v.err());
  }

  @Test
  void batchOutputIsIdenticalForParallelism1And2() throws Exception {
    write("in/01-tiny.yaml", TINY);
    write("in/02-gang.yaml", GANG);
    write("in/03-too-wide.yaml", TOO_WIDE);
    write("in/04-bad.yaml", "name: bad\n");
    Cli.Result one = Cli.run("batch", tmp.resolve("in").toString(), "--out", tmp.resolve("p1").toString(),
        "--parallelism", "1");
    Cli.Result two = Cli.run("batch", tmp.resolve("in").toString(), "--out", tmp.resolve("p2").toString(),
        "--parallelism", "2");
    assertEquals(2, one.code(), one.toString());
    assertEquals(2, two.code(), two.toString());
    assertEquals(Trees.snapshot(tmp.resolve("p1")), Trees.snapshot(tmp.resolve("p2")));
    String listing = Trees.listing(tmp.resolve("p1"));
    for (String s : new String[] {"index.json", "index.md", "tiny/summary.json", "gang/barrier/events.jsonl",
        "too-wide/non-barrier/tasks.csv"}) {
      assertTrue(listing.contains(s), s + " missing from\n" + listing);
    }
  }
}
