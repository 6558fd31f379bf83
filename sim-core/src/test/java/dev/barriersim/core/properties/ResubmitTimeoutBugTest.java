package dev.barriersim.core.properties;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by {@code BarrierPropertiesTest#failedStageAttempt_isResubmittedOnlyAfterResubmitTimeout}
 * (ResubmitDelayCheck). Spark's {@code DAGScheduler.submitStage} does nothing for a stage that is
 * in {@code failedStages} ({@code if (!waitingStages(stage) && !runningStages(stage) &&
 * !failedStages(stage))}), so a failed stage comes back only with {@code ResubmitFailedStages},
 * {@code RESUBMIT_TIMEOUT} = 200 ms after its failure. barriersim's {@code submitStage} does not
 * check {@code failedStages}: when another parent of a waiting child finishes inside the 200 ms,
 * {@code submitWaitingChildStages} submits the child, which submits the failed barrier stage at
 * once. This test states Spark's behaviour and fails until the scheduler is fixed.
 */
class ResubmitTimeoutBugTest {
  @Test
  void failedBarrierMapStage_isNotResubmittedEarlyWhenASiblingParentCompletes() {
    // barrier map a fails at 500 ms; map b completes at 600 ms; result c waits on both.
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .job("j", barrier("a", 2, 1000), stage("b", 1, 600), stage("c", 1, 100, "a", "b"))
        .fail("j", "a", 0, 0, 0, 500).build());
    List<Long> retry = run.all(StageSubmitted.class, s -> s.stage().equals("a") && s.stageAttempt() == 1)
        .stream().map(StageSubmitted::t).toList();
    assertEquals(List.of(700L), retry, "Spark resubmits the failed stage 200 ms after its failure (500 ms), not at 600 ms");
  }
}
