package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.SimEvent.BarrierRoundSkipped;
import dev.barriersim.core.event.SimEvent.ExecutorExcluded;
import dev.barriersim.core.event.SimEvent.ExecutorUnexcluded;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import dev.barriersim.core.testing.SpecBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Application-level exclusion as Spark's {@code HealthTrackerSuite} pins it: failures of a TaskSet
 * that succeeded count against their executors ({@code updateExcludedForSuccessfulTaskSet}), an
 * excluded executor is left out of offers ({@code TaskSchedulerImpl.resourceOffers}' filteredOffers)
 * until the timeout ({@code applyExcludeOnFailureTimeout}), and the barrier slot check at submission
 * still counts it ({@code maxNumConcurrentTasks}), so a gang waits for the exclusion to end.
 */
class HealthTrackerSuiteTest {
  private static final long TIMEOUT_MS = 10_000;

  private static ExcludeOnFailureConf shortTimeout() {
    ExcludeOnFailureConf d = ExcludeOnFailureConf.ENABLED;
    return new ExcludeOnFailureConf(true, d.maxTaskAttemptsPerExecutor(), d.maxTaskAttemptsPerNode(),
        d.stageMaxFailedTasksPerExecutor(), d.stageMaxFailedExecutorsPerNode(),
        d.applicationMaxFailedTasksPerExecutor(), d.applicationMaxFailedExecutorsPerNode(), TIMEOUT_MS,
        d.unschedulableTaskSetTimeoutMs());
  }

  /**
   * Two executors of one core. Job "flaky" (3 tasks of 1 s): p0 fails on executor 0 at 500 ms, p2
   * takes executor 0 (p0 is excluded there) and fails at 1 s, so executor 0 has two failed tasks.
   * p0 and p2 rerun on executor 1 and the set succeeds at 3 s. A 2-task gang submitted at 4 s then.
   */
  private static SpecBuilder flakyThenGang() {
    return spec().executors(2, 1)
        .job("flaky", stage("s", 3, 1000))
        .job("gang", 4000, "default", barrier("b", 2, 1000))
        .fail("flaky", "s", 0, 0, 0, 500)
        .fail("flaky", "s", 2, 0, 0, 500);
  }

  /** "executors can be excluded with only a few failures per stage": two failed tasks in a successful set. */
  @Test
  void updateExcludedForSuccessfulTaskSet_excludesTheExecutorForTheApplicationUntilTheTimeout() {
    RecordedRun run = RecordedRun.of(flakyThenGang().excludeOnFailure(shortTimeout()).build());
    List<ExecutorExcluded> app = run.all(ExecutorExcluded.class, e -> e.scope() == ExclusionScope.APPLICATION);
    assertEquals(1, app.size(), "one application-level exclusion");
    assertEquals("0", app.get(0).executor());
    assertEquals(3000, app.get(0).t(), "counted when the TaskSet succeeds, not when the tasks fail");
    assertEquals(2, app.get(0).failures());
    assertEquals(3000 + TIMEOUT_MS, app.get(0).expiresMs());
  }

  /**
   * The gang passes the submission check (both executors count) but every round offers only
   * executor 1 until the exclusion has expired: Spark lifts it in the first round strictly after
   * 13 s, the periodic revive at 14 s, where the gang launches; without exclusion it launches at 4 s.
   */
  @Test
  void applyExcludeOnFailureTimeout_gangWaitsForTheExclusionToExpire() {
    RecordedRun on = RecordedRun.of(flakyThenGang().excludeOnFailure(shortTimeout()).build());
    List<BarrierRoundSkipped> skips = on.all(BarrierRoundSkipped.class, s -> s.t() == 4000);
    assertTrue(!skips.isEmpty(), "the gang is skipped at its submission");
    assertTrue(skips.stream().allMatch(s -> s.free() == 1), "the excluded executor's slot is not offered");
    assertEquals(List.of(14_000L), on.launchInstants("b", 0));
    List<ExecutorUnexcluded> un = on.all(ExecutorUnexcluded.class);
    assertEquals(1, un.size());
    assertEquals(14_000, un.get(0).t());
    assertEquals("0", un.get(0).executor());

    RecordedRun off = RecordedRun.of(flakyThenGang().build());
    assertEquals(List.of(4000L), off.launchInstants("b", 0));
    assertTrue(off.all(ExecutorExcluded.class).isEmpty(), "exclusion is off by default");
  }

  /** "excluded executors are not offered": a later ordinary job runs on executor 1 alone while the exclusion lasts. */
  @Test
  void resourceOffers_leaveAnApplicationExcludedExecutorOut() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).excludeOnFailure(shortTimeout())
        .job("flaky", stage("s", 3, 1000))
        .job("later", 4000, "default", stage("t", 3, 1000))
        .fail("flaky", "s", 0, 0, 0, 500)
        .fail("flaky", "s", 2, 0, 0, 500).build());
    List<TaskLaunched> later = run.all(TaskLaunched.class, l -> l.stage().equals("t"));
    assertEquals(3, later.size());
    assertTrue(later.stream().allMatch(l -> l.executor().equals("1")), "every task of the later job on executor 1");
    assertEquals(List.of(4000L, 5000L, 6000L), later.stream().map(TaskLaunched::t).toList());
  }

  /** Barrier task failures never reach the exclusion lists: the TaskSet is a zombie before that bookkeeping. */
  @Test
  void barrierTaskFailure_excludesNothing() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("gang", barrier("b", 2, 1000), stage("after", 1, 100, "b"))
        .fail("gang", "b", 0, 0, 0, 500)
        .fail("gang", "b", 1, 1, 0, 500).build());
    assertTrue(run.all(ExecutorExcluded.class).isEmpty());
    assertEquals(JobStatus.SUCCEEDED, run.all(JobEnded.class).get(0).result());
  }
}
