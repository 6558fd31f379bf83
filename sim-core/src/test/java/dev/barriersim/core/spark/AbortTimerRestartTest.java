package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.RunResult.JobResult;
import dev.barriersim.core.testing.RecordedRun;
import org.junit.jupiter.api.Test;

/** {@code TaskSchedulerImpl.resourceOffers}: a launch clears the unschedulable timers, and the next periodic revive restarts them. */
class AbortTimerRestartTest {
  @Test
  void periodicRoundAfterAClearRestartsTheTimer() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 1)
        .excludeOnFailure(new ExcludeOnFailureConf(true, 1, 2, 2, 2, 2, 2, 3_600_000L, 5_000L))
        .job("a", stage("a", 1, 1000))
        .job("b", 2000, "default", barrier("b", 2, 1500))
        .fail("a", "a", 0, 0, 0, 100).fail("a", "a", 0, 0, 1, 100).fail("a", "a", 0, 0, 2, 100).build());
    JobResult a = run.result.jobs().get(0);
    // b launches at 2 s (clears a's timer); Spark's revive tick at 3 s finds a excluded with executor 2 idle: 3 s + 5 s.
    assertEquals("FAILED 8000", a.status() + " " + a.endMs());
  }
}
