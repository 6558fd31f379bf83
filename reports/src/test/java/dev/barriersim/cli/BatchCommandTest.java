package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.barriersim.report.FakeEngine;
import dev.barriersim.report.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch} with the fake loader and engine. */
class BatchCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir Path tmp;

  private Path scenarios() throws IOException {
    Path dir = tmp.resolve("scenarios");
    Files.createDirectories(dir);
    // Written out of order: the batch sorts by file name.
    Files.writeString(dir.resolve("c.yaml"), "name: gamma\nseed: 3\nreplications: 3\n");
    Files.writeString(dir.resolve("a.yaml"), "name: alpha\nseed: 1\n");
    Files.writeString(dir.resolve("b.yaml"), "name: beta\nproblem: cores must be >= 1\n");
    Files.writeString(dir.resolve("d.yaml"), "name: delta\nmodes: non-barrier\nreplications: 2\n");
    Files.writeString(dir.resolve("notes.txt"), "not a scenario");
    return dir;
  }

  @Test
  void runsTheValidOnesSkipsTheInvalidOneAndExits2() throws Exception {
    Path dir = scenarios();
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.fake(FakeEngine.ok(), "batch", dir.toString(), "--out", out.toString(), "--parallelism", "2");
    assertEquals(2, r.code(), r.toString());
    String md = Files.readString(out.resolve("index.md"));
    int a = md.indexOf("a.yaml`");
    int b = md.indexOf("b.yaml` | invalid");
    int c = md.indexOf("c.yaml`");
    assertTrue(0 < a && a < b && b < c, md);
    String listing = Trees.listing(out);
    assertTrue(listing.contains("alpha/summary.json") && listing.contains("gamma/barrier/tasks.csv")
        && listing.contains("delta/non-barrier/events.jsonl"), listing);
    assertFalse(listing.contains("beta"), listing);
    assertFalse(listing.contains("partial"), listing);
    String[] progress = r.err().lines().filter(l -> l.startsWith("[")).toArray(String[]::new);
    assertEquals(4, progress.length, r.err());
    assertTrue(progress[0].startsWith("[1/4] " + dir.resolve("a.yaml") + ": alpha: ok"), progress[0]);
    assertTrue(progress[1].startsWith("[2/4] " + dir.resolve("b.yaml") + ": invalid, skipped (1 problem)"), progress[1]);
    assertTrue(r.err().contains(dir.resolve("b.yaml") + ":2:3: jobs[0].stages[0]: cores must be >= 1; fix it\n"));
    assertTrue(r.out().contains("alpha"), r.out());

    JsonNode index = MAPPER.readTree(out.resolve("index.json").toFile());
    JsonNode entries = index.get("scenarios");
    assertEquals(4, entries.size());
    assertEquals("ok", entries.get(0).get("status").asText());
    assertEquals("alpha", entries.get(0).get("name").asText());
    assertEquals("alpha/summary.json", entries.get(0).get("summary").asText());
    assertEquals(1501, entries.get(0).get("modes").get("barrier").get("makespanMs").asLong());
    assertEquals(1, entries.get(0).get("modes").get("non-barrier").get("jobsSucceeded").asLong());
    assertEquals(0, entries.get(0).get("modes").get("non-barrier").get("jobsFailed").asLong());
    assertEquals(64, entries.get(0).get("modes").get("barrier").get("digest").asText().length());
    assertEquals("invalid", entries.get(1).get("status").asText());
    assertEquals(1, entries.get(1).get("problems").size());
    assertFalse(entries.get(3).get("modes").has("barrier"));
    assertTrue(Files.readString(out.resolve("index.md")).contains("[summary.json](alpha/summary.json)"));
  }

  @Test
  void parallelism1And2GiveIdenticalTrees() throws Exception {
    Path dir = scenarios();
    Cli.Result one = Cli.fake(FakeEngine.ok(), "batch", dir.toString(), "--out", tmp.resolve("p1").toString(),
        "--parallelism", "1");
    Cli.Result two = Cli.fake(FakeEngine.ok(), "batch", dir.toString(), "--out", tmp.resolve("p2").toString(),
        "--parallelism", "2");
    assertEquals(Trees.snapshot(tmp.resolve("p1")), Trees.snapshot(tmp.resolve("p2")));
    assertEquals(one.out().replace("p1", "pX"), two.out().replace("p2", "pX"));
    assertEquals(one.err().replace("p1", "pX"), two.err().replace("p2", "pX"));
  }

  @Test
  void allValidExits0() throws Exception {
    Path a = tmp.resolve("a.yaml");
    Files.writeString(a, "name: alpha\n");
    Cli.Result r = Cli.fake(FakeEngine.ok(), "batch", a.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.toString());
  }

  @Test
  void duplicateNamesAreReportedAndSkipped() throws Exception {
    Path a = tmp.resolve("a.yaml");
    Path a2 = tmp.resolve("a2.yaml");
    Files.writeString(a, "name: alpha\n");
    Files.writeString(a2, "name: alpha\n");
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.fake(FakeEngine.ok(), "batch", a.toString(), a2.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("scenario name 'alpha' is already used by " + a), r.err());
    assertTrue(Files.exists(out.resolve("alpha/summary.json")));
  }

  @Test
  void aMissingInputRunsNothingAndCreatesNoOutputFolder() throws Exception {
    Path a = tmp.resolve("a.yaml");
    Files.writeString(a, "name: alpha\n");
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.fake(FakeEngine.ok(), "batch", a.toString(), tmp.resolve("missing").toString(),
        "--out", out.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals("barriersim: " + tmp.resolve("missing") + ": no such file or folder; nothing was run\n", r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aForeignNonEmptyOutputFolderIsRefusedBeforeRunning() throws Exception {
    Path a = tmp.resolve("a.yaml");
    Files.writeString(a, "name: alpha\n");
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("thesis.tex"), "mine");
    Cli.Result r = Cli.fake(FakeEngine.ok(), "batch", a.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("holds thesis.tex, which is not a barriersim output"), r.err());
    assertEquals(List.of("thesis.tex"), Files.list(out).map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void anInternalErrorInOneScenarioExits1AndTheOthersStillRun() throws Exception {
    Path a = tmp.resolve("a.yaml");
    Path b = tmp.resolve("b.yaml");
    Files.writeString(a, "name: alpha\nseed: 5\n");
    Files.writeString(b, "name: beta\nseed: 6\n");
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.fake(FakeEngine.failing(s -> s.seed() == 5), "batch", a.toString(), b.toString(),
        "--out", out.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("barriersim: internal error: "), r.err());
    assertEquals("beta", Files.list(out).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("index"))
        .sorted().reduce((x, y) -> x + "," + y).orElse(""));
    JsonNode index = MAPPER.readTree(out.resolve("index.json").toFile());
    assertEquals("error", index.get("scenarios").get(0).get("status").asText());
  }
}
