package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.barriersim.report.Engine;
import dev.barriersim.report.FakeEngine;
import dev.barriersim.report.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} with the fake loader and engine: options, outputs, exit codes, atomicity. */
class RunCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir Path tmp;

  private Path scenario(String text) throws IOException {
    Path f = tmp.resolve("scenario.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void aRunWritesItsFilesOnThreadsOfItsOwnOnlyWhenAProcessorIsLeftForThem() throws Exception {
    Path f = scenario("name: demo\nseed: 42\n");
    int processors = Runtime.getRuntime().availableProcessors();
    // Both modes on a pool as wide as the machine; one mode alone; both modes one at a time.
    String[][] cases = {{"--parallelism", String.valueOf(processors)}, {"--modes", "barrier"}, {"--parallelism", "1"}};
    boolean[] expected = {false, processors > 1, processors > 1};
    for (int i = 0; i < cases.length; i++) {
      Set<Boolean> seen = ConcurrentHashMap.newKeySet();
      FakeEngine fake = FakeEngine.ok();
      Engine recording = (spec, outputs) -> {
        if (outputs.eventLog() != null) seen.add(outputs.writerThreads());
        return fake.run(spec, outputs);
      };
      List<String> args = new ArrayList<>(List.of("run", f.toString(), "--out", tmp.resolve("w" + i).toString(),
          "--no-charts"));
      args.addAll(List.of(cases[i]));
      Cli.Result r = Cli.fake(recording, args.toArray(String[]::new));
      assertEquals(0, r.code(), r.toString());
      assertEquals(Set.of(expected[i]), seen, String.join(" ", cases[i]));
    }
  }

  @Test
  void writesEveryOutputOfTheRegistryAndPrintsTheSeedAndHeadline() throws Exception {
    Path f = scenario("name: demo\nseed: 42\n");
    Path out = tmp.resolve("out/demo");
    Cli.Result r = Cli.fake(FakeEngine.ok(), "run", f.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("barrier\nbarrier/events.jsonl\nbarrier/tasks.csv\ncharts\ncharts/comparison.png\ncharts/comparison.svg"
        + "\ncharts/gantt.png\ncharts/gantt.svg\ncharts/utilization.png\ncharts/utilization.svg"
        + "\nnon-barrier\nnon-barrier/events.jsonl\nnon-barrier/tasks.csv\nreport.html\nscenario.yaml\nsummary.json",
        Trees.listing(out));
    assertEquals("name: demo\nseed: 42\n", Files.readString(out.resolve("scenario.yaml")), "the scenario as given");
    assertEquals("out\nout/demo", Trees.listing(tmp).lines().filter(l -> l.startsWith("out") && l.split("/").length <= 2)
        .reduce((a, b) -> a + "\n" + b).orElse(""), "no temporary folder left beside the output");
    assertTrue(r.out().contains("seed: 42\n"), r.out());
    assertTrue(r.out().contains("headline: Every job succeeded in both arms. Makespan with barrier mode: 1.5s against"
        + " 1.0s without; paired difference +500ms"), r.out());
    JsonNode summary = MAPPER.readTree(out.resolve("summary.json").toFile());
    assertEquals(42, summary.get("seed").asLong());
    assertEquals("demo", summary.get("scenario").asText());
    // The digest in the summary is that of the events.jsonl bytes written.
    String digest = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out.resolve("barrier/events.jsonl"))));
    assertEquals(digest, summary.get("runs").get(0).get("digest").asText());
    assertTrue(Files.readString(out.resolve("barrier/tasks.csv")).startsWith("job,stage,stageAttempt,partition,"));
  }

  @Test
  void optionsOverrideTheScenario() throws Exception {
    Path f = scenario("name: demo\nseed: 42\nmodes: barrier,non-barrier\nreplications: 1\n");
    Path out = tmp.resolve("o");
    Cli.Result r = Cli.fake(FakeEngine.ok(), "run", f.toString(), "--out", out.toString(), "--seed", "7",
        "--modes", "non-barrier", "--replications", "3", "--no-charts");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("seed: 7\n"), r.out());
    JsonNode s = MAPPER.readTree(out.resolve("summary.json").toFile());
    assertEquals(7, s.get("seed").asLong());
    assertEquals(3, s.get("runs").size());
    assertEquals("non-barrier", s.get("runs").get(2).get("mode").asText());
    assertEquals(7, s.get("runs").get(0).get("seed").asLong());
    assertEquals(3, s.get("aggregates").get("non-barrier").get("makespanMs").get("n").asInt());
    assertFalse(s.get("aggregates").has("paired"));
    assertEquals("non-barrier\nnon-barrier/events.jsonl\nnon-barrier/tasks.csv\nreport.html\nscenario.yaml"
        + "\nsummary.json", Trees.listing(out), "only replication 0 writes files, and --no-charts draws no chart");
    assertFalse(Files.readString(out.resolve("report.html")).contains("charts/"), "the page shows no chart");
  }

  @Test
  void outputBytesDoNotDependOnParallelism() throws Exception {
    Path f = scenario("name: demo\nreplications: 4\n");
    Cli.fake(FakeEngine.ok(), "run", f.toString(), "--out", tmp.resolve("p1").toString(), "--parallelism", "1");
    Cli.fake(FakeEngine.ok(), "run", f.toString(), "--out", tmp.resolve("p3").toString(), "--parallelism", "3");
    assertEquals(Trees.snapshot(tmp.resolve("p1")), Trees.snapshot(tmp.resolve("p3")));
  }

  @Test
  void invalidScenarioPrintsEveryProblemAndExits2() throws Exception {
    Path f = scenario("name: demo\nproblem: tasks must be >= 1\nproblem: unknown key 'taks'\n");
    Path out = tmp.resolve("o");
    Cli.Result r = Cli.fake(FakeEngine.ok(), "run", f.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(f + ":2:3: jobs[0].stages[0]: tasks must be >= 1; fix it\n"
        + f + ":3:3: jobs[0].stages[0]: unknown key 'taks'; fix it\n", r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void missingFileExits2WithAClearMessage() {
    Cli.Result r = Cli.fake(FakeEngine.ok(), "run", tmp.resolve("nope.yaml").toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(tmp.resolve("nope.yaml") + ": no such file or directory\n", r.err());
  }

  @Test
  void badOptionValuesExit2() throws Exception {
    Path f = scenario("name: demo\n");
    for (String[] extra : new String[][] {{"--replications", "0"}, {"--parallelism", "0"},
        {"--modes", "barrier,barrier"}, {"--modes", "fast"}}) {
      Cli.Result r = Cli.fake(FakeEngine.ok(), "run", f.toString(), "--out", tmp.resolve("o").toString(),
          extra[0], extra[1]);
      assertEquals(2, r.code(), String.join(" ", extra) + "\n" + r);
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void internalErrorExits1AndLeavesNoHalfWrittenFile() throws Exception {
    Path f = scenario("name: demo\nreplications: 2\n");
    Path out = tmp.resolve("out/demo");
    Cli.Result r = Cli.fake(FakeEngine.failing(s -> !s.hasBarrierStage()), "run", f.toString(),
        "--out", out.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("barriersim: internal error: java.lang.IllegalStateException: fake engine broke"),
        r.err());
    assertEquals("out", Trees.listing(tmp).lines().filter(l -> l.startsWith("out")).reduce((a, b) -> a + "|" + b)
        .orElse(""), "neither the output nor a temporary folder is left");
  }

  @Test
  void aLoaderBugIsAnInternalError() throws Exception {
    Path f = scenario("name: demo\n");
    Main main = new Main(file -> {
      throw new IllegalStateException("loader bug");
    }, FakeEngine.ok());
    String out = tmp.resolve("o").toString();
    for (String[] args : new String[][] {{"run", f.toString(), "--out", out}, {"validate", f.toString()},
        {"batch", f.toString(), "--out", out}}) {
      String cmd = args[0];
      Cli.Result r = Cli.run(main, args);
      assertEquals(1, r.code(), cmd + "\n" + r);
      assertTrue(r.err().startsWith("barriersim: internal error: java.lang.IllegalStateException: loader bug;"
          + " the stack trace is in "), cmd + "\n" + r.err());
      assertEquals(1, r.err().lines().count(), "one line, no stack trace on the console:\n" + r.err());
      String trace = r.err().substring(r.err().indexOf(" is in ") + 7, r.err().indexOf(", please"));
      assertTrue(Files.readString(Path.of(trace)).contains("at dev.barriersim.cli"), trace);
    }
  }

  @Test
  void aFailedRunKeepsThePreviousOutput() throws Exception {
    Path f = scenario("name: demo\n");
    Path out = tmp.resolve("o");
    assertEquals(0, Cli.fake(FakeEngine.ok(), "run", f.toString(), "--out", out.toString()).code());
    var before = Trees.snapshot(out);
    assertEquals(1, Cli.fake(FakeEngine.failing(s -> true), "run", f.toString(), "--out", out.toString(),
        "--seed", "9").code());
    assertEquals(before, Trees.snapshot(out));
  }

  @Test
  void refusesToReplaceAFolderThatIsNotAnOutput() throws Exception {
    Path f = scenario("name: demo\n");
    Path out = tmp.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "keep me");
    Cli.Result r = Cli.fake(FakeEngine.ok(), "run", f.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("is not a barriersim output"), r.err());
    assertEquals("", r.out(), "nothing runs");
    assertEquals("notes.txt", Trees.listing(out));
  }

  @Test
  void anOutputFolderUnderARegularFileIsRefusedBeforeRunning() throws Exception {
    Path f = scenario("name: demo\n");
    Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
    Cli.Result r = Cli.fake(FakeEngine.ok(), "run", f.toString(), "--out", file.resolve("o").toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals("barriersim: " + file.resolve("o").toAbsolutePath() + ": " + file.toAbsolutePath()
        + " is a file, not a folder; choose another --out\n", r.err());
    assertEquals("", r.out(), "nothing runs");
  }

  @Test
  void aFolderIsRefusedWithAHintToUseBatch() {
    Cli.Result r = Cli.fake(FakeEngine.ok(), "run", tmp.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals("barriersim: " + tmp + ": is a folder; 'run' takes one scenario file, use 'batch " + tmp
        + "' to run every *.yaml in it\n", r.err());
  }
}
