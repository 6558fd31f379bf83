package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code barriersim import}: a log becomes a scenario that runs; bad input exits 2 with one line and no stack trace. */
class ImportCommandTest {
  @TempDir Path dir;

  /** A fresh copy of the ch1 fixture (two timed jobs after four warm-ups) from the scenarios module's test resources. */
  private Path log() throws Exception {
    Path log = dir.resolve("app-20261127101901-0000");
    Path source = Path.of("..", "scenarios", "src", "test", "resources", "spark-event-logs",
        "ch1_barrier_job_waits_for_gang", "eventlog.json");
    Files.copy(source, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return log;
  }

  @Test
  void importPrintsAScenarioThatLoadsAndSaysWhatItDidOnStderr() throws Exception {
    Cli.Result r = Cli.run("import", log().toString(), "--jobs", "4,5");
    assertEquals(0, r.code(), r.toString());
    Scenario s = ScenarioLoader.load("imported.yaml", r.out());
    assertEquals(2, s.spec().jobs().size());
    assertTrue(r.err().contains("imported 2 of 6 jobs (7 task attempts) of app-20261127101901-0000 (Spark 3.5.9)"), r.err());
    assertFalse(r.out().contains(dir.toString()), "no machine path in the scenario");
  }

  @Test
  void importWritesOutAndRunRunsIt() throws Exception {
    Path yaml = dir.resolve("ch1.yaml");
    Cli.Result r = Cli.run("import", log().toString(), "--out", yaml.toString(), "--jobs", "4,5");
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out());
    Cli.Result run = Cli.run("run", yaml.toString(), "--out", dir.resolve("out").toString(), "--no-charts");
    assertEquals(0, run.code(), run.toString());
    assertTrue(Files.exists(dir.resolve("out").resolve("barrier").resolve("tasks.csv")));
  }

  @Test
  void outAlsoWritesTheRecordedRunWhichRunCopiesAndTheReportCompares() throws Exception {
    Path yaml = dir.resolve("ch1.yaml");
    Cli.Result r = Cli.run("import", log().toString(), "--out", yaml.toString(), "--jobs", "4,5");
    assertEquals(0, r.code(), r.toString());
    Path csv = dir.resolve("ch1.recorded.csv");
    assertTrue(Files.readString(yaml).contains("\nrecorded: \"ch1.recorded.csv\""));
    assertEquals(8, Files.readAllLines(csv).size(), "the header and the 7 attempts of jobs 4 and 5");
    Path out = dir.resolve("out");
    Cli.Result run = Cli.run("run", yaml.toString(), "--out", out.toString());
    assertEquals(0, run.code(), run.toString());
    assertEquals(Files.readString(csv), Files.readString(out.resolve("recorded").resolve("tasks.csv")));
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(out.resolve("report.html").toFile());
    assertEquals(2, page.select("#recorded tbody tr").size());
    assertTrue(page.select("#recorded").text().contains("2 of 2 jobs within the tolerance"), page.select("#recorded").text());
    Cli.Result again = Cli.run("report", out.toString());
    assertEquals(0, again.code(), again.toString());
    assertEquals(2, org.jsoup.Jsoup.parse(out.resolve("report.html").toFile()).select("#recorded tbody tr").size(),
        "report DIR renders the comparison again from the folder alone");
  }

  @Test
  void aRecordedFileThatIsGoneIsABadScenario() throws Exception {
    Path yaml = dir.resolve("ch1.yaml");
    assertEquals(0, Cli.run("import", log().toString(), "--out", yaml.toString(), "--jobs", "4").code());
    Files.delete(dir.resolve("ch1.recorded.csv"));
    Cli.Result run = Cli.run("run", yaml.toString(), "--out", dir.resolve("out").toString(), "--no-charts");
    assertEquals(2, run.code(), run.toString());
    assertTrue(run.err().contains("recorded: ch1.recorded.csv: no such file"), run.err());
  }

  @Test
  void theSameLogGivesTheSameBytes() throws Exception {
    Path log = log();
    Cli.Result a = Cli.run("import", log.toString(), "--as-distribution");
    Cli.Result b = Cli.run("import", log.toString(), "--as-distribution");
    assertEquals(0, a.code(), a.toString());
    assertEquals(a.out(), b.out());
    assertTrue(a.out().contains("dist: empirical"), a.out());
  }

  @Test
  void aTruncatedLogExitsTwoWithOneLineAndNoStackTrace() throws Exception {
    Path log = log();
    List<String> lines = Files.readAllLines(log);
    String text = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n" + lines.get(lines.size() - 1).substring(0, 30);
    Files.writeString(log, text, StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("import", log.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith(log + ":" + lines.size() + ": the log ends in the middle of the event"), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
  }

  @Test
  void badUsageExitsTwo() throws Exception {
    assertEquals(2, Cli.run("import", log().toString(), "--jobs", "four").code());
    assertEquals(2, Cli.run("import").code());
    Cli.Result r = Cli.run("import", log().toString(), "--out", dir.resolve("no/such/folder/x.yaml").toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("cannot write the recorded timeline"), r.err());
  }

  @Test
  void whatCannotBeReplayedIsAWarningOnStderrAndACommentInTheScenario() throws Exception {
    Path log = log();
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("{\"Event\":\"SparkListenerEnvironmentUpdate\"")) {
        lines.set(i, lines.get(i).replace("\"spark.scheduler.mode\":\"FIFO\"", "\"spark.scheduler.mode\":\"FIFO\","
            + "\"spark.speculation\":\"true\",\"spark.blacklist.enabled\":\"true\""));
      }
    }
    Files.write(log, lines);
    Cli.Result r = Cli.run("import", log.toString(), "--jobs", "4,5");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("warning: not replayed: exclusion on failure: spark.blacklist.enabled is true; barriersim"
        + " reads only the spark.excludeOnFailure.* keys that replaced it in Spark 3.1 (events at line 4)"), r.err());
    assertTrue(r.out().contains("# NOT REPLAYED (1): what the simulator does not model"), r.out());
    // Speculation is modelled now: its key comes over instead of a warning.
    assertTrue(r.out().contains("  spark.speculation: true"), r.out());
  }
}
