package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.SimEvent.ExecutorUnexcluded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round a task end makes on its executor alone (Spark's {@code makeOffers(executorId)} into
 * {@code TaskSchedulerImpl.resourceOffers}) first lifts the exclusions that timed out
 * ({@code applyExcludeOnFailureTimeout}) and leaves out an executor still excluded. Executors 0 and
 * 1 have 2 cores; job "a"'s task fails on executor 0 at 50 ms and succeeds on 1 at 240 ms, so
 * executor 0 is excluded for the application until 1240 ms (timeout 1 s, one failure). Job "c"'s
 * p0 runs on executor 0 until {@code p0Ms}, its p4 holds executor 0's other core and its p2 one of
 * executor 1's; job "d" (two 3 s tasks) is submitted at 1100 ms and its p0 takes executor 1's last core.
 */
class OfferOnExclusionGapsTest {
  private static final ExcludeOnFailureConf ONE_FAILURE_ONE_SECOND =
      new ExcludeOnFailureConf(true, 1, 2, 2, 2, 1, 2, 1000, 120_000L);

  private static RecordedRun run(long p0Ms) {
    return RecordedRun.of(spec().executors(2, 2).excludeOnFailure(ONE_FAILURE_ONE_SECOND)
        .job("a", stage("a", 1, 100))
        .job("c", stagePerPartition("c", new long[] {p0Ms, 40, 5000, 100, 5000}))
        .job("d", 1100, "default", stage("d", 2, 3000))
        .fail("a", "a", 0, 0, 0, 50).build());
  }

  private static TaskLaunched launchOf(RecordedRun run, String stage, int partition) {
    return run.all(TaskLaunched.class, l -> l.stage().equals(stage) && l.partition() == partition).get(0);
  }

  /** c's p0 ends at 1.5 s, after the expiry and before the next periodic revive (2 s): d's p1 launches there then. */
  @Test
  void taskEndAfterTheExpiry_liftsTheExclusionAndLaunchesOnThatExecutor() {
    RecordedRun run = run(1500);
    assertEquals(List.of(new ExecutorUnexcluded(1500, "0", ExclusionScope.APPLICATION)),
        run.all(ExecutorUnexcluded.class));
    TaskLaunched d1 = launchOf(run, "d", 1);
    assertEquals(1500L, d1.t());
    assertEquals("0", d1.executor());
  }

  /** c's p0 ends at 1.2 s, before the expiry: executor 0 is not offered, d's p1 waits for the periodic revive at 2 s. */
  @Test
  void taskEndBeforeTheExpiry_doesNotOfferTheExcludedExecutor() {
    RecordedRun run = run(1200);
    TaskLaunched d1 = launchOf(run, "d", 1);
    assertEquals(2000L, d1.t());
    assertEquals("0", d1.executor());
  }
}
