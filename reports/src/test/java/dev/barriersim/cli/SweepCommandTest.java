package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.barriersim.report.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps and {@code --set} through the real command line: files, determinism, located errors, the size cap. */
class SweepCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir Path tmp;

  /** A barrier gang on a small cluster shared with an ETL job; 3 x 2 points, 2 replications. */
  static final String SWEEP = """
      name: small-sweep
      seed: 5
      cluster:
        executors:
          - count: 2
            cores: 4
      jobs:
        - name: etl
          stages:
            - {name: map, tasks: 12, duration: {dist: exponential, mean: 3s}}
        - name: fit
          submitAt: 1s
          stages:
            - name: train
              tasks: 4
              barrier: true
              duration: {dist: lognormal, median: 5s, sigma: 0.3}
      sweep:
        jobs[fit].stages[train].tasks: [2, 4, 8]
        cluster.executors[0].count: [2, 3]
      run:
        replications: 2
      """;

  private Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void aSweepWritesItsTableChartsAndReportButNoPointFolders() throws IOException {
    Path f = write("s.yaml", SWEEP);
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("run", f.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("sweep: 3 x 2 = 6 points (tasks, count) x 2 modes x 2 replications = 24 runs"), r.out());
    for (String file : List.of("summary.json", "sweep.csv", "sweep.json", "report.html", "scenario.yaml",
        "charts/sweep-makespanMs.svg", "charts/sweep-makespanMs.png", "charts/sweep-barrierWaitMs.svg")) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file + " in " + Trees.listing(out));
    }
    assertFalse(Files.exists(out.resolve("points")));
    assertFalse(Files.exists(out.resolve("barrier")), "a sweep has no runs of its own at the top");
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertEquals(1 + 6 * 2, csv.size());
    assertTrue(csv.get(0).startsWith("point,jobs[fit].stages[train].tasks,cluster.executors[0].count,mode,makespanMs.mean,"
        + "makespanMs.ci95Low,makespanMs.ci95High,makespanMs.n,makespanMs.diffMean,"), csv.get(0));
    assertTrue(csv.get(1).startsWith("0,2,2,barrier,") && csv.get(2).startsWith("0,2,2,non-barrier,")
        && csv.get(12).startsWith("5,8,3,non-barrier,"), String.join("\n", csv));
    JsonNode summary = MAPPER.readTree(out.resolve("summary.json").toFile());
    assertEquals(0, summary.get("runs").size());
    assertEquals(6, summary.get("sweep").get("results").size());
    assertEquals(64, summary.get("sweep").get("results").get(0).get("digest").asText().length());
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<section id=\"sweep\">") && html.contains("charts/sweep-makespanMs.svg"), html);
  }

  @Test
  void keepPointsWritesEachPointAsAScenarioFolder() throws IOException {
    Path f = write("s.yaml", SWEEP);
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("run", f.toString(), "--out", out.toString(), "--quiet", "--keep-points", "--no-charts");
    assertEquals(0, r.code(), r.toString());
    Path point = out.resolve("points/tasks=8,count=3");
    for (String file : List.of("summary.json", "barrier/tasks.csv", "non-barrier/events.jsonl", "report.html")) {
      assertTrue(Files.isRegularFile(point.resolve(file)), file + " in " + Trees.listing(out));
    }
    try (Stream<Path> s = Files.list(out.resolve("points"))) {
      assertEquals(6, s.count());
    }
    JsonNode p = MAPPER.readTree(point.resolve("summary.json").toFile());
    assertEquals(List.of("jobs[fit].stages[train].tasks=8", "cluster.executors[0].count=3"),
        MAPPER.convertValue(p.get("overrides"), List.class));
    assertTrue(Files.readString(point.resolve("report.html")).contains("--set jobs[fit].stages[train].tasks=8"));
  }

  @Test
  void filesAreByteIdenticalForOneAndTwoThreads() throws IOException {
    Path f = write("s.yaml", SWEEP);
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    assertEquals(0, Cli.run("run", f.toString(), "--out", one.toString(), "--parallelism", "1", "--quiet", "--keep-points").code());
    assertEquals(0, Cli.run("run", f.toString(), "--out", two.toString(), "--parallelism", "2", "--quiet", "--keep-points").code());
    Map<String, String> a = Trees.snapshot(one);
    assertTrue(a.size() > 40, a.keySet().toString());
    assertEquals(a, Trees.snapshot(two));
  }

  @Test
  void aSetChangesARunAsAnEditOfTheFileWould() throws IOException {
    Path f = write("plain.yaml", EndToEndTest.TINY);
    Path edited = write("edited.yaml", EndToEndTest.TINY.replace("count: 2", "count: 3").replace("tasks: 8", "tasks: 11"));
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertEquals(0, Cli.run("run", f.toString(), "--out", a.toString(), "--quiet", "--set", "cluster.executors[0].count=3",
        "--set", "jobs[etl].stages[map].tasks=11").code());
    assertEquals(0, Cli.run("run", edited.toString(), "--out", b.toString(), "--quiet").code());
    JsonNode set = MAPPER.readTree(a.resolve("summary.json").toFile());
    JsonNode edit = MAPPER.readTree(b.resolve("summary.json").toFile());
    assertEquals(digests(edit), digests(set));
    assertEquals(List.of("cluster.executors[0].count=3", "jobs[etl].stages[map].tasks=11"),
        MAPPER.convertValue(set.get("overrides"), List.class));
    assertTrue(Files.readString(a.resolve("report.html")).contains("--set cluster.executors[0].count=3"));
  }

  private static List<String> digests(JsonNode summary) {
    List<String> out = new ArrayList<>();
    summary.get("runs").forEach(r -> out.add(r.get("digest").asText()));
    return out;
  }

  @Test
  void aBadSetIsLocatedAtTheOptionAndExits2() throws IOException {
    Path f = write("plain.yaml", EndToEndTest.TINY);
    for (String cmd : List.of("run", "validate")) {
      Cli.Result r = Cli.run(cmd, f.toString(), "--set", "cluster.executors[0].cont=8");
      assertEquals(2, r.code(), r.toString());
      assertEquals("--set cluster.executors[0].cont=8: cluster.executors[0].cont: unknown key 'cont'; did you mean 'count'?\n",
          r.err());
    }
  }

  @Test
  void aGridOverTheCapIsRefusedByValidateAndRunWithItsProduct() throws IOException {
    Path f = write("big.yaml", SWEEP.replace("[2, 3]", "{from: 1, to: 1000000, step: 1}"));
    for (String cmd : List.of("run", "validate")) {
      Cli.Result r = Cli.run(cmd, f.toString());
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains(":18:1: sweep: sweep has 3 x 1,000,000 = 3,000,000 points x 2 modes x 2 replications = "
          + "12,000,000 runs, over run.maxRuns 100,000"), r.err());
    }
    Path ok = write("ok.yaml", SWEEP);
    Cli.Result r = Cli.run("run", ok.toString(), "--replications", "100000", "--out", tmp.resolve("x").toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("sweep has 3 x 2 = 6 points x 2 modes x 100000 replications = 1,200,000 runs, over"
        + " run.maxRuns 100,000"), r.err());
  }

  @Test
  void anInvalidPointNamesThePointAndTheSweepLine() throws IOException {
    Path f = write("bad.yaml", SWEEP.replace("[2, 4, 8]", "[2, 0]"));
    Cli.Result r = Cli.run("validate", f.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("bad.yaml:19:38: jobs[1].stages[0].tasks: must be between 1 and 100000000, found 0 (at sweep"
        + " point jobs[fit].stages[train].tasks=0 from line 19, cluster.executors[0].count=2 from line 20, and at 1 more"
        + " points)"), r.err());
  }

  @Test
  void aBatchRunsASweepAndListsItInTheIndex() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(dir.resolve("a.yaml"), EndToEndTest.TINY);
    Files.writeString(dir.resolve("b.yaml"), SWEEP);
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("batch", dir.toString(), "--out", out.toString(), "--quiet", "--no-charts");
    assertEquals(0, r.code(), r.toString());
    JsonNode index = MAPPER.readTree(out.resolve("index.json").toFile());
    assertTrue(index.get("scenarios").get(1).get("headline").asText().startsWith("sweep of 6 points (tasks, count)"),
        index.toString());
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("makespan over a sweep") && html.contains("small-sweep/report.html"), html);
    assertTrue(Files.isRegularFile(out.resolve("small-sweep/sweep.csv")));
  }

  @Test
  void reportRendersASweepFolderAgainByteForByte() throws IOException {
    Path f = write("s.yaml", SWEEP);
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("run", f.toString(), "--out", out.toString(), "--quiet").code());
    Map<String, String> before = Trees.snapshot(out);
    Files.delete(out.resolve("report.html"));
    Files.delete(out.resolve("charts/sweep-makespanMs.svg"));
    Cli.Result r = Cli.run("report", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(before, Trees.snapshot(out));
  }
}
