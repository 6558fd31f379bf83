package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report DIR}: the charts and pages again, from the folder's files alone, byte for byte. */
class ReportCommandTest {
  @TempDir Path tmp;

  private Path scenario() throws Exception {
    Path f = tmp.resolve("gang.yaml");
    Files.writeString(f, """
        name: gang
        seed: 3
        cluster:
          executors:
            - {count: 2, cores: 4, resources: {gpu: 2}}
        jobs:
          - name: etl
            stages:
              - {name: load, tasks: 12, duration: {dist: exponential, mean: 2s}}
          - name: train
            submitAt: 1s
            stages:
              - {name: fit, tasks: 4, barrier: true, resources: {gpu: 1}, phases: [3s, {dist: uniform, min: 1s, max: 3s}]}
        run: {replications: 3}
        """);
    return f;
  }

  private static void deleteRendered(Path dir) throws Exception {
    Files.delete(dir.resolve("report.html"));
    try (Stream<Path> s = Files.walk(dir.resolve("charts"))) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** Equal trees, or the names of the files that differ. */
  private static void assertSameFiles(java.util.Map<String, String> expected, java.util.Map<String, String> actual) {
    java.util.TreeSet<String> names = new java.util.TreeSet<>(expected.keySet());
    names.addAll(actual.keySet());
    names.removeIf(n -> java.util.Objects.equals(expected.get(n), actual.get(n)));
    assertEquals(java.util.Set.of(), names, "files that differ");
  }

  @Test
  void rerendersAScenarioFolderByteForByteWithoutSimulating() throws Exception {
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("run", scenario().toString(), "--out", out.toString()).code());
    var before = Trees.snapshot(out);
    deleteRendered(out);
    Files.writeString(out.resolve("barrier/events.jsonl.keep"), "");  // a file report must leave alone
    Cli.Result r = Cli.run("report", out.toString());
    assertEquals(0, r.code(), r.toString());
    Files.delete(out.resolve("barrier/events.jsonl.keep"));
    assertSameFiles(before, Trees.snapshot(out));
    assertFalse(Trees.listing(tmp).contains(".render"), "no scratch folder left:\n" + Trees.listing(tmp));
  }

  @Test
  void rerendersEveryScenarioOfABatchAndItsIndex() throws Exception {
    Path out = tmp.resolve("batch");
    assertEquals(0, Cli.run("batch", scenario().toString(), "--out", out.toString()).code());
    var before = Trees.snapshot(out);
    deleteRendered(out.resolve("gang"));
    Files.delete(out.resolve("index.html"));
    Cli.Result r = Cli.run("report", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertSameFiles(before, Trees.snapshot(out));
  }

  @Test
  void aFolderThatIsNoOutputIsAClearError() throws Exception {
    Cli.Result r = Cli.run("report", tmp.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("barriersim: " + tmp + ": holds no summary.json"), r.err());
    Cli.Result missing = Cli.run("report", tmp.resolve("nope").toString());
    assertEquals(2, missing.code(), missing.toString());
    assertTrue(missing.err().contains("no such folder"), missing.err());
  }

  @Test
  void aDamagedSummaryIsAClearErrorAndNothingIsRewritten() throws Exception {
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("run", scenario().toString(), "--out", out.toString()).code());
    Files.writeString(out.resolve("summary.json"), "{\"scenario\": \"gang\", \"runs\": [");
    var before = Trees.snapshot(out);
    Cli.Result r = Cli.run("report", out.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("a JSON file of the output is damaged"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals(before, Trees.snapshot(out));
  }
}
