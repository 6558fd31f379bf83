package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code DAGScheduler.cleanupStateForJobAndIndependentStages}: a job that succeeds forgets only its
 * own failed stages; another job's stages awaiting resubmission ({@code failedStages}) stay.
 */
class OtherJobFailedStagesGapsTest {

  /**
   * Job "b" loses executor 1 (and its map outputs) at 1.5 s; its reduce fetch-fails at 2 s, so map
   * and reduce wait for {@code RESUBMIT_TIMEOUT} (200 ms). Job "a"'s only task succeeds at 2.1 s,
   * inside that window: b's map is still resubmitted at 2.2 s and b succeeds.
   */
  @Test
  void jobSucceeding_keepsAnotherJobsStagesAwaitingResubmission() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).executors(1, 1)
        .job("a", stage("x", 1, 2100))
        .job("b", stage("map", 4, 1000), stage("reduce", 8, 1000, "map")).loseExecutor("1", 1500).build());
    assertEquals(List.of(new JobEnded(2100, "a", JobStatus.SUCCEEDED, null), new JobEnded(5200, "b", JobStatus.SUCCEEDED, null)),
        run.all(JobEnded.class));
    List<StageSubmitted> mapRetry = run.all(StageSubmitted.class, s -> s.stage().equals("map") && s.stageAttempt() == 1);
    assertEquals(List.of(2200L), mapRetry.stream().map(StageSubmitted::t).toList());
  }
}
