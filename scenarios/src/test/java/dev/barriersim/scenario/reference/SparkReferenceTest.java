package dev.barriersim.scenario.reference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spark-reference cases the simulator already models: each twin scenario's timeline matches
 * its recording on real Spark 3.5.9, attempt by attempt, within max(150 ms, 5 %), with the same
 * statuses.
 */
class SparkReferenceTest {
  @ParameterizedTest
  @ValueSource(strings = {"a_cached_locality_wait", "b_exclusion_after_two_failures",
      "c_exit_counts_towards_max_failures", "d_join_offered_alone", "e_partial_barrier_rerun", "f_speculation_two_hosts",
      "g_gang_waits_for_revive"})
  void theTwinScenarioMatchesTheRecordingOnRealSpark(String name) throws Exception {
    ReferenceCase.assertMatches(name);
  }

  @Test
  void aRevivePhaseOffByHalfAnIntervalIsCaught() throws Exception {
    // The gang of g launches at a periodic revive tick: with the ticks moved by 500 ms, it launches
    // 500 ms away from the recorded launch, which the comparison must report.
    TimelineComparison c = ReferenceCase.compare("g_gang_waits_for_revive", "simulation.reviveOffset=858ms");
    assertFalse(c.violations.isEmpty(), c::summary);
    assertTrue(c.violations.stream().anyMatch(v -> v.startsWith("B/gang/0/0/0 launch")), () -> String.join("\n", c.violations));
  }

  @Test
  void siblingsStartingTheirCodeTogetherWouldBothMissTheSyncTimeoutAtTheirSecondPoll() throws Exception {
    // In e the replacement executor starts its task's code later, so that task sees the sync
    // timeout first (FAILED) and its sibling is killed at its next poll. With one launch latency
    // for both, both fail a poll later and the whole rerun starts late: the comparison must say so.
    TimelineComparison c = ReferenceCase.compare("e_partial_barrier_rerun", "cluster.changes[0].add.launchLatency=70ms");
    assertFalse(c.violations.isEmpty(), c::summary);
    assertTrue(c.violations.stream().anyMatch(v -> v.startsWith("job0/gang/1/1/0: status FAILED")), () -> String.join("\n", c.violations));
  }
}
