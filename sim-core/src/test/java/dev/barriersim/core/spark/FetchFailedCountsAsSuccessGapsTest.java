package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.SimEvent.ExecutorExcluded;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code TaskSetManager.handleFailedTask} marks a fetch-failed task successful (it increments
 * {@code tasksSuccessful}), so a TaskSet whose other tasks all succeeded ends as successful in
 * {@code maybeFinishTaskSet} and its failures count for the application
 * ({@code updateExcludedForSuccessfulTaskSet}).
 */
class FetchFailedCountsAsSuccessGapsTest {

  /**
   * Map "m" leaves one output on each of executors 0-2; reduce "r": p2 succeeds on 2, which is
   * lost at 175 ms with m's p2 output; p0 fails on 0 at 200 ms, and its retry on 1 at 1100 ms
   * (after p1 succeeds there) fetch-fails. The set is then complete, so executor 0 (one failure
   * allowed) is excluded for the application at 1100 ms.
   */
  @Test
  void fetchFailedTask_letsTheTaskSetFinishAsSuccessful() {
    ExcludeOnFailureConf oneFailure = new ExcludeOnFailureConf(true, 1, 2, 2, 2, 1, 2, 3_600_000L, 120_000L);
    RecordedRun run = RecordedRun.of(spec().executors(3, 1).excludeOnFailure(oneFailure)
        .job("j", stage("m", 3, 100), stagePerPartition("r", new long[] {1000, 1000, 50}, "m"))
        .fail("j", "r", 0, 0, 0, 100).loseExecutor("2", 175).build());
    List<TaskEnded> fetchFailed = run.all(TaskEnded.class, e -> e.reason() != null && e.reason().startsWith("FetchFailed"));
    assertEquals(List.of("r.0.1@1100"), fetchFailed.stream().map(e -> e.stage() + "." + e.partition() + "." + e.attempt() + "@" + e.t()).toList());
    List<ExecutorExcluded> app = run.all(ExecutorExcluded.class, x -> x.scope() == ExclusionScope.APPLICATION);
    assertEquals(List.of("0@1100@1"), app.stream().map(x -> x.executor() + "@" + x.t() + "@" + x.failures()).toList());
    assertEquals(1, run.all(TaskEnded.class, e -> e.stage().equals("r") && e.stageAttempt() == 1).size());
  }
}
