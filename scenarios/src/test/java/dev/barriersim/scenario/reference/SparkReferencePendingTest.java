package dev.barriersim.scenario.reference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The spark-reference cases whose rule the simulator does not model yet (issue 16, items 1-4 are
 * built on other branches). Tagged {@code pending-model}, which the build leaves out by default
 * ({@code barriersim.excludedGroups} in the parent pom); docs/fidelity.md lists them with the
 * model each one waits for and the command that runs them. Each fails today because the twin
 * uses a key the simulator does not read yet, or because the simulator's timeline differs from
 * Spark's exactly where the missing rule acts. Move a case to {@link SparkReferenceTest} once its
 * model lands and it passes.
 */
@Tag("pending-model")
class SparkReferencePendingTest {
  @Test
  @DisplayName("(a) pending the model of locality and delay scheduling (cachedFrom, spark.locality.wait)")
  void cachedPartitionsWaitForLocalityBeforeGoingAny() throws Exception {
    ReferenceCase.assertMatches("a_cached_locality_wait");
  }

  @Test
  @DisplayName("(b) pending the model of exclusion (spark.excludeOnFailure.*)")
  void failedTasksAreExcludedFromTheirExecutor() throws Exception {
    ReferenceCase.assertMatches("b_exclusion_after_two_failures");
  }

  @Test
  @DisplayName("(c) pending the model of an app-caused executor exit (failures.tasks[].kind: exit)")
  void anExitCausedByTheAppCountsTowardsMaxFailures() throws Exception {
    ReferenceCase.assertMatches("c_exit_counts_towards_max_failures");
  }

  @Test
  @DisplayName("(d) pending the model of a joining executor offered alone (makeOffers(executorId))")
  void aJoiningExecutorIsOfferedAloneSoTheGangWaitsForTheRevive() throws Exception {
    ReferenceCase.assertMatches("d_join_offered_alone");
  }

  @Test
  @DisplayName("(e) pending the model of the partial barrier rerun (simulation.barrierPartialRerun: spark)")
  void lostBarrierOutputsAreRerunPartiallyAndTimeOut() throws Exception {
    ReferenceCase.assertMatches("e_partial_barrier_rerun");
  }

  @Test
  @DisplayName("(f) pending the model of speculation (spark.speculation.*)")
  void aStragglerIsSpeculatedOnTheOtherHost() throws Exception {
    ReferenceCase.assertMatches("f_speculation_two_hosts");
  }
}
