package dev.barriersim.scenario.reference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The spark-reference cases the simulator does not match yet. Tagged {@code pending-model}, which
 * the build leaves out by default ({@code barriersim.excludedGroups} in the parent pom);
 * docs/fidelity.md lists each with its measured error and the command that runs it. Move a case
 * to {@link SparkReferenceTest} once it passes.
 */
@Tag("pending-model")
class SparkReferencePendingTest {
  @Test
  @DisplayName("(e) the partial barrier rerun: the partial attempt's task ends FAILED here, KILLED on Spark, and the whole rerun starts 0.77 s late")
  void lostBarrierOutputsAreRerunPartiallyAndTimeOut() throws Exception {
    ReferenceCase.assertMatches("e_partial_barrier_rerun");
  }
}
