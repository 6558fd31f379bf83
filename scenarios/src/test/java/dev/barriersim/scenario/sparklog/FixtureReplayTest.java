package dev.barriersim.scenario.sparklog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faithful replay on every real Spark 3.5.9 fixture: import the log (the timed jobs, and the whole
 * application with its warm-up jobs), run the scenario as written, and compare with the timeline
 * Spark's listener recorded: same attempts and statuses, launches, ends and job ends within
 * max(150 ms, 5 %) of the job's submission.
 */
class FixtureReplayTest {
  static final String[] FIXTURES = {"cb_barrier_4x1s", "ch1_barrier_job_waits_for_gang", "d_barrier_failure_retry",
      "e_map6_then_barrier4", "etl_then_train"};

  static Path fixture(String name) {
    return Fixtures.path("spark-event-logs/" + name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cb_barrier_4x1s", "ch1_barrier_job_waits_for_gang", "d_barrier_failure_retry",
      "e_map6_then_barrier4", "etl_then_train"})
  void theTimedJobsReplayWithinTolerance(String name) throws Exception {
    Timeline recorded = RecordedTimelines.read(fixture(name));
    ReplayComparison c = replay(name, recorded.jobs().keySet());
    System.out.println("replay " + name + " (timed jobs): " + c.summary());
    assertTrue(c.violations.isEmpty(), () -> name + ":\n  " + String.join("\n  ", c.violations));
    assertEquals(recorded.tasks().size(), c.attempts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cb_barrier_4x1s", "ch1_barrier_job_waits_for_gang", "d_barrier_failure_retry",
      "e_map6_then_barrier4", "etl_then_train"})
  void theWholeApplicationReplaysTheTimedJobsWithinTolerance(String name) throws Exception {
    ReplayComparison c = replay(name, Set.of());
    System.out.println("replay " + name + " (all jobs, warm-ups included): " + c.summary());
    assertTrue(c.violations.isEmpty(), () -> name + ":\n  " + String.join("\n  ", c.violations));
  }

  /** Imports the fixture's log ({@code jobs}: the ids to import, empty for all) and compares the timed jobs. */
  static ReplayComparison replay(String name, Set<Integer> jobs) throws Exception {
    Timeline recorded = RecordedTimelines.read(fixture(name));
    ImportResult r = SparkLogImporter.importLog(fixture(name).resolve("eventlog.json"), new ImportOptions(jobs, false));
    Scenario s = ScenarioLoader.load(name + ".yaml", r.yaml());
    Timeline simulated = SimulatedTimelines.run(s.spec());
    Set<Integer> timed = new TreeSet<>(recorded.jobs().keySet());
    Timeline onlyTimed = new Timeline(simulated.jobs(), simulated.tasks().stream().filter(t -> timed.contains(t.job())).toList());
    return new ReplayComparison(recorded, onlyTimed);
  }
}
