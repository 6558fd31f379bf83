package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --spark-event-log}: each arm's run also as {@code <mode>/spark-eventlog.json}, only when asked for. */
class SparkEventLogOptionTest {
  @TempDir Path tmp;

  private Path scenario() throws Exception {
    Path f = tmp.resolve("gang.yaml");
    Files.writeString(f, """
        name: gang
        cluster: {executors: [{count: 2, cores: 2}]}
        jobs:
          - name: train
            stages:
              - {name: prep, tasks: 4, duration: 1s}
              - {name: fit, tasks: 4, barrier: true, parents: [prep], duration: 2s}
        """);
    return f;
  }

  @Test
  void runWritesALogPerArmOnlyWithTheOptionAndTheSameBytesTwice() throws Exception {
    Path plain = tmp.resolve("plain");
    assertEquals(0, Cli.run("run", scenario().toString(), "--out", plain.toString(), "--no-charts").code());
    assertFalse(Files.exists(plain.resolve("barrier").resolve("spark-eventlog.json")), "not written by default");
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertEquals(0, Cli.run("run", scenario().toString(), "--out", a.toString(), "--no-charts", "--spark-event-log").code());
    assertEquals(0, Cli.run("run", scenario().toString(), "--out", b.toString(), "--no-charts", "--spark-event-log").code());
    for (String mode : new String[] {"barrier", "non-barrier"}) {
      String log = Files.readString(a.resolve(mode).resolve("spark-eventlog.json"));
      assertEquals(log, Files.readString(b.resolve(mode).resolve("spark-eventlog.json")), "byte-stable");
      assertTrue(log.startsWith("{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"3.5.9\"}\n"), log);
      assertEquals(8, log.lines().filter(l -> l.contains("\"Event\":\"SparkListenerTaskEnd\"")).count());
      assertEquals(mode.equals("barrier"), log.contains("\"Barrier\":true"), mode);
    }
    assertTrue(Files.readString(a.resolve("report.html")).contains("barrier/spark-eventlog.json"), "linked from the page");
  }

  @Test
  void batchTakesTheOptionToo() throws Exception {
    Path out = tmp.resolve("batch");
    assertEquals(0, Cli.run("batch", scenario().toString(), "--out", out.toString(), "--no-charts", "--spark-event-log").code());
    assertTrue(Files.isRegularFile(out.resolve("gang").resolve("non-barrier").resolve("spark-eventlog.json")));
  }

  @Test
  void theExportedLogImportsAsAScenarioThatRuns() throws Exception {
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("run", scenario().toString(), "--out", out.toString(), "--no-charts", "--spark-event-log").code());
    Path yaml = tmp.resolve("again.yaml");
    Cli.Result r = Cli.run("import", out.resolve("barrier").resolve("spark-eventlog.json").toString(), "--out", yaml.toString());
    assertEquals(0, r.code(), r.toString());
    assertFalse(r.err().contains("warning"), "a simulated run has nothing that cannot be replayed: " + r.err());
    assertEquals(0, Cli.run("run", yaml.toString(), "--out", tmp.resolve("again").toString(), "--no-charts").code());
  }
}
