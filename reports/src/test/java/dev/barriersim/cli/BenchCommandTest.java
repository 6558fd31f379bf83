package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench}: the contract's JSON line, last, for each preset; the timeline streams to a folder. */
class BenchCommandTest {
  private static JsonNode lastLine(String out) throws Exception {
    String[] lines = out.strip().split("\n");
    return new ObjectMapper().readTree(lines[lines.length - 1]);
  }

  @Test
  void everyPresetPrintsTheContractsFields() throws Exception {
    for (String preset : List.of("b1", "b2", "b3", "b4")) {
      // b4's gangs reach 512 tasks: its cluster must hold them (10 x 64 slots) for every task to run.
      String cores = preset.equals("b4") ? "64" : "4";
      Cli.Result r = Cli.run("bench", "--preset", preset, "--executors", "10", "--cores", cores, "--tasks", "2000");
      assertEquals(0, r.code(), r.toString());
      JsonNode j = lastLine(r.out());
      for (String f : List.of("preset", "executors", "cores", "tasks", "events", "makespanMs", "buildMs", "loopMs",
          "eventsPerSec", "tasksPerSec", "peakHeapMb", "roundsSkipped", "roundsSkippedPerTask", "cpuMs", "allocatedBytesPerTask")) {
        assertTrue(j.has(f), f + " missing in " + j);
      }
      assertEquals(preset, j.get("preset").asText());
      assertEquals(10, j.get("executors").asInt());
      assertTrue(j.get("tasks").asLong() >= 2000);
      assertTrue(j.get("events").asLong() >= 2 * 2000);
    }
  }

  @Test
  void theInvariantCheckerRunsOnlyWhenAskedAndChangesNothing() throws Exception {
    JsonNode plain = lastLine(Cli.run("bench", "--preset", "b2", "--executors", "10", "--tasks", "3000").out());
    JsonNode checked = lastLine(Cli.run("bench", "--preset", "b2", "--executors", "10", "--tasks", "3000", "--check").out());
    assertEquals(false, plain.get("invariantChecks").asBoolean(), plain.toString());
    assertEquals(true, checked.get("invariantChecks").asBoolean(), checked.toString());
    for (String f : List.of("events", "makespanMs", "roundsSkipped")) assertEquals(plain.get(f), checked.get(f), f);
  }

  @Test
  void countsTheLoopsOwnCpuTimeAndAllocation() throws Exception {
    JsonNode j = lastLine(Cli.run("bench", "--preset", "b1", "--executors", "10", "--tasks", "20000").out());
    long cpuMs = j.get("cpuMs").asLong();
    assertTrue(cpuMs >= 0 && cpuMs <= j.get("loopMs").asLong() + 5, "the loop's thread cannot use more CPU than wall time: " + j);
    // Building the result alone allocates; 0 would mean the counter measured nothing.
    assertTrue(j.get("allocatedBytesPerTask").asDouble() > 0, j.toString());
  }

  @Test
  void b4MakesGangsWaitOnItsSmallerCluster() throws Exception {
    Cli.Result r = Cli.run("bench", "--preset", "b4", "--tasks", "20000");
    assertEquals(0, r.code(), r.toString());
    JsonNode j = lastLine(r.out());
    assertEquals(100, j.get("executors").asInt(), "b4's cluster is 100 executors unless told otherwise");
    assertEquals(16, j.get("cores").asInt());
    assertTrue(j.get("roundsSkipped").asLong() > 0, "gangs wait at 95 % load: " + j);
    assertEquals(j.get("roundsSkipped").asDouble() / j.get("tasks").asDouble(), j.get("roundsSkippedPerTask").asDouble(),
        0.01 * j.get("roundsSkippedPerTask").asDouble() + 0.001);
  }

  @Test
  void b1IsDeterministicInEverythingButWallTime() throws Exception {
    JsonNode a = lastLine(Cli.run("bench", "--preset", "b1", "--executors", "5", "--tasks", "500").out());
    JsonNode b = lastLine(Cli.run("bench", "--preset", "b1", "--executors", "5", "--tasks", "500").out());
    assertEquals(a.get("events"), b.get("events"));
    assertEquals(a.get("makespanMs"), b.get("makespanMs"));
  }

  @Test
  void timelineStreamsTheTaskAndEventFiles(@TempDir Path dir) throws Exception {
    Cli.Result r = Cli.run("bench", "--preset", "b2", "--executors", "4", "--cores", "16", "--tasks", "300",
        "--timeline", dir.toString());
    assertEquals(0, r.code(), r.toString());
    long rows = Files.readAllLines(dir.resolve("tasks.csv")).size() - 1;
    assertTrue(rows >= 300, "rows " + rows);
    assertEquals(lastLine(r.out()).get("events").asLong(), Files.readAllLines(dir.resolve("events.jsonl")).size());
  }

  @Test
  void warmUpRunsLeaveTheTimedRunAndItsFilesAsTheyWere(@TempDir Path dir) throws Exception {
    Path cold = dir.resolve("cold");
    Path warm = dir.resolve("warm");
    JsonNode a = lastLine(Cli.run("bench", "--preset", "b3", "--executors", "4", "--tasks", "300",
        "--timeline", cold.toString()).out());
    Cli.Result r = Cli.run("bench", "--preset", "b3", "--executors", "4", "--tasks", "300", "--warmup", "2",
        "--timeline", warm.toString());
    assertEquals(0, r.code(), r.toString());
    JsonNode b = lastLine(r.out());
    assertEquals(0, a.get("warmupRuns").asInt());
    assertEquals(2, b.get("warmupRuns").asInt());
    assertEquals(a.get("events"), b.get("events"));
    assertEquals(a.get("makespanMs"), b.get("makespanMs"));
    for (String file : List.of("events.jsonl", "tasks.csv")) {
      assertEquals(Files.readString(cold.resolve(file)), Files.readString(warm.resolve(file)),
          file + " holds the timed run alone, once");
    }
  }

  @Test
  void negativeWarmUpIsAUsageError() {
    Cli.Result r = Cli.run("bench", "--preset", "b1", "--tasks", "10", "--warmup", "-1");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--warmup must be >= 0"), r.err());
  }

  @Test
  void unknownPresetIsAUsageError() {
    Cli.Result r = Cli.run("bench", "--preset", "b9");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown preset"), r.err());
  }

  @Test
  void helpPrintsCleanly() {
    Cli.Result r = Cli.run("bench", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("80 % load"), r.out());
    assertEquals("", r.err());
  }
}
