package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.RunResult.JobResult;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code TaskSetManager.getCompletelyExcludedTaskIfAny} looks at {@code pendingTasks.all}, which
 * also lists the tasks of a set with preferred locations.
 */
class CompletelyExcludedWithLocalityTest {
  /**
   * Partition 0 prefers host-0. It fails on executor 0 at 100 ms and, after the 3 s locality wait,
   * on executor 1 at 3,100 ms; with {@code maxTaskAttemptsPerExecutor} 1 it can run nowhere, so the
   * round at 3,100 ms starts the 5 s unschedulable timer and the job aborts at 8,100 ms (before
   * the fix the set was never found completely excluded, and the run stalled).
   */
  @Test
  void setWithPreferredLocationsExcludedEverywhere_abortsAfterTheUnschedulableTimeout() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).horizon(60_000)
        .excludeOnFailure(new ExcludeOnFailureConf(true, 1, 2, 2, 2, 2, 2, 3_600_000L, 5_000L))
        .job("a", inputHosts(stage("a", 1, 1000), List.of("host-0")))
        .fail("a", "a", 0, 0, 0, 100).fail("a", "a", 0, 0, 1, 100).build());
    JobResult a = run.result.jobs().get(0);
    assertEquals("FAILED", a.status());
    assertEquals(8100L, a.endMs());
    assertTrue(a.failureReason().contains("cannot run anywhere due to node and executor excludeOnFailure"), a.failureReason());
  }
}
