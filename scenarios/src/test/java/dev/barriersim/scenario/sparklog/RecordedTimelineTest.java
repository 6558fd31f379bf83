package dev.barriersim.scenario.sparklog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The recorded timeline the importer writes beside the scenario ({@code FILE.recorded.csv}) is the
 * run Spark's own listener recorded beside each fixture: every attempt with its status, launch and
 * end measured from its job's submission (the scenario's submitAt), to the millisecond.
 */
class RecordedTimelineTest {
  @ParameterizedTest
  @ValueSource(strings = {"cb_barrier_4x1s", "ch1_barrier_job_waits_for_gang", "d_barrier_failure_retry",
      "e_map6_then_barrier4", "etl_then_train"})
  void theRecordedCsvIsTheListenersTimeline(String name) throws Exception {
    Timeline listener = RecordedTimelines.read(FixtureReplayTest.fixture(name));
    ImportResult r = SparkLogImporter.importLog(FixtureReplayTest.fixture(name).resolve("eventlog.json"),
        new ImportOptions(listener.jobs().keySet(), false, "app.recorded.csv"));
    assertTrue(r.yaml().contains("\nrecorded: \"app.recorded.csv\""), r.yaml());
    StringWriter csv = new StringWriter();
    r.recorded().writeTo(csv);
    List<String> lines = csv.toString().lines().toList();
    assertEquals(RecordedTimeline.HEADER.strip(), lines.get(0));
    Map<Integer, Long> submitAt = submitAts(r.yaml());
    Map<String, String> ours = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      int job = SimulatedTimelines.id(f[0]);
      String key = "stage " + SimulatedTimelines.id(f[1]) + "." + f[2] + " partition " + f[3] + " attempt " + f[4];
      ours.put(key, (Long.parseLong(f[7]) - submitAt.get(job)) + " " + (Long.parseLong(f[8]) - submitAt.get(job)) + " "
          + f[9]);
    }
    Map<String, String> theirs = new TreeMap<>();
    for (Timeline.Task t : listener.tasks()) {
      long s = listener.jobs().get(t.job()).submitted();
      theirs.put(t.key(), (t.launch() - s) + " " + (t.end() - s) + " " + t.status());
    }
    assertEquals(theirs, ours);
  }

  @Test
  void launchOrderAndLanesWithinTheExecutorsCores() throws Exception {
    ImportResult r = SparkLogImporter.importLog(FixtureReplayTest.fixture("etl_then_train").resolve("eventlog.json"),
        new ImportOptions(Set.of(), false, "x.csv"));
    StringWriter csv = new StringWriter();
    r.recorded().writeTo(csv);
    long last = Long.MIN_VALUE;
    List<String> slots = new ArrayList<>();
    for (String line : csv.toString().lines().skip(1).toList()) {
      String[] f = line.split(",", -1);
      assertTrue(Long.parseLong(f[7]) >= last, "launch order: " + line);
      last = Long.parseLong(f[7]);
      slots.add(f[12]);
    }
    assertEquals(61, slots.size());
    assertTrue(slots.stream().allMatch(s -> s.equals("0") || s.equals("1")), "2 cores per executor: lanes 0 and 1 only");
  }

  @Test
  void withoutARecordedFileNameNothingIsKept() throws Exception {
    ImportResult r = SparkLogImporter.importLog(FixtureReplayTest.fixture("cb_barrier_4x1s").resolve("eventlog.json"),
        new ImportOptions(Set.of(), false));
    assertNull(r.recorded());
    assertTrue(!r.yaml().contains("\nrecorded:"));
  }

  /** Spark job id -> submitAt (ms) of the imported YAML. */
  private static Map<Integer, Long> submitAts(String yaml) {
    Map<Integer, Long> out = new TreeMap<>();
    int job = -1;
    for (String line : yaml.lines().toList()) {
      String t = line.strip();
      if (t.startsWith("- name: job-")) job = Integer.parseInt(t.substring("- name: job-".length()));
      if (t.startsWith("submitAt: ")) out.put(job, Long.parseLong(t.substring(10, t.indexOf("ms"))));
    }
    return out;
  }
}
