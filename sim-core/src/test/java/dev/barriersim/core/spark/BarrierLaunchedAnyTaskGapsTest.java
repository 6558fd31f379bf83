package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.RunResult.JobResult;
import dev.barriersim.core.testing.RecordedRun;
import org.junit.jupiter.api.Test;

/**
 * {@code TaskSchedulerImpl.resourceOffers}: a barrier TaskSet that launched its tasks counts as
 * {@code launchedAnyTask}, which clears the abort timers of every completely excluded TaskSet
 * ({@code unschedulableTaskSetToExpiryTime.clear()}); the excluded set starts a new timer in a later round.
 */
class BarrierLaunchedAnyTaskGapsTest {
  /** Spark's defaults, with a 5 s {@code unschedulableTaskSetTimeout}. */
  private static final ExcludeOnFailureConf FIVE_SECOND_TIMEOUT =
      new ExcludeOnFailureConf(true, 1, 2, 2, 2, 2, 2, 3_600_000L, 5_000L);

  /**
   * Three executors on three hosts; job "a"'s one task fails on executors 0, 1 and 2 (at 100, 200
   * and 300 ms) and may run nowhere: with executors idle its timer would abort it at 5.3 s. The
   * barrier stage of job "b" (2 tasks, submitted at 2 s) launches and clears that timer, so "a"
   * aborts 5 s after the next round that finds it excluded with executors idle (3 s, when b ends): at 8 s.
   */
  @Test
  void launchedBarrierSet_clearsTheAbortTimerOfACompletelyExcludedSet() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 1).excludeOnFailure(FIVE_SECOND_TIMEOUT)
        .job("a", stage("a", 1, 1000))
        .job("b", 2000, "default", barrier("b", 2, 1000))
        .fail("a", "a", 0, 0, 0, 100).fail("a", "a", 0, 0, 1, 100).fail("a", "a", 0, 0, 2, 100).build());
    JobResult a = run.result.jobs().get(0);
    assertEquals("FAILED", String.valueOf(a.status()));
    assertEquals(8000L, a.endMs(), "a aborts 5 s after the round at b's end (3 s), not at 5.3 s");
    JobResult b = run.result.jobs().get(1);
    assertEquals("b SUCCEEDED 3000", b.name() + " " + b.status() + " " + b.endMs());
  }
}
