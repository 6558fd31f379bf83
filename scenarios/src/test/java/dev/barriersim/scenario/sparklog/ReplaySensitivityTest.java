package dev.barriersim.scenario.sparklog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.scenario.ScenarioLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The replay comparison can fail: the measured revive phase and kill behaviour are what make two
 * fixtures replay, and an edit that drops either is caught.
 */
class ReplaySensitivityTest {
  /** Imports the fixture's timed jobs, replaces each regular expression {@code fromTo[2i]} by {@code fromTo[2i+1]}, runs and compares. */
  private static ReplayComparison replayEdited(String fixture, String... fromTo) throws Exception {
    Timeline recorded = RecordedTimelines.read(FixtureReplayTest.fixture(fixture));
    String yaml = SparkLogImporter.importLog(FixtureReplayTest.fixture(fixture).resolve("eventlog.json"),
        new ImportOptions(recorded.jobs().keySet(), false)).yaml();
    for (int i = 0; i < fromTo.length; i += 2) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(fromTo[i]).matcher(yaml);
      assertTrue(m.find(), "the imported scenario has " + fromTo[i]);
      yaml = m.replaceAll(fromTo[i + 1]);
    }
    Timeline simulated = SimulatedTimelines.run(ScenarioLoader.load("edited.yaml", yaml).spec());
    return new ReplayComparison(recorded, simulated);
  }

  @Test
  void withoutTheRevivePhaseTheGangOfCh1LaunchesAtTheWrongTick() throws Exception {
    // the simulator's default phase (a tick at time 0, the first job's submission) instead of the recorded one
    ReplayComparison c = replayEdited("ch1_barrier_job_waits_for_gang", "reviveOffset: [1-9][0-9]*ms", "reviveOffset: 0ms");
    assertTrue(c.violations.stream().anyMatch(v -> v.startsWith("stage 9.0 partition 0 attempt 0 launch")),
        "B's gang should launch at the wrong tick: " + c.summary());
  }

  @Test
  void withoutUntilDoneTheRetriedBarrierStageOfDLaunchesTooEarly() throws Exception {
    ReplayComparison c = replayEdited("d_barrier_failure_retry", "killLatency: untilDone", "killLatency: 0ms");
    assertTrue(c.violations.stream().anyMatch(v -> v.startsWith("stage 4.1 partition 0 attempt 0 launch")),
        String.join("\n", c.violations));
  }

  @Test
  void theUneditedFixturesReplay() throws Exception {
    assertTrue(FixtureReplayTest.replay("d_barrier_failure_retry", Set.of(2)).violations.isEmpty());
  }
}
