package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.SimEvent.ExecutorExcluded;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code HealthTracker.handleRemovedExecutor} (called from {@code TaskSchedulerImpl.removeExecutor})
 * forgets a lost executor's failures in successful TaskSets: they no longer add up to an
 * application-level exclusion.
 */
class RemovedExecutorFailuresGapsTest {

  /**
   * Job "a"'s task fails on executor 0 at 50 ms and "a" succeeds (one failure counted there); job
   * "b"'s task fails on executor 0 at 250 ms; executor 0 is lost at 500 ms; "b" succeeds at 1250 ms.
   * Only b's failure counts then, one short of the two that exclude an executor.
   */
  @Test
  void lostExecutor_failuresOfEarlierTaskSetsNoLongerCount() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("a", stage("a", 1, 100))
        .job("b", 200, "default", stage("b", 1, 1000))
        .fail("a", "a", 0, 0, 0, 50).fail("b", "b", 0, 0, 0, 50)
        .loseExecutor("0", 500).build());
    List<String> failedOn = run.ends(TaskStatus.FAILED).stream().map(e -> e.stage() + "@" + e.executor() + "@" + e.t()).toList();
    assertEquals(List.of("a@0@50", "b@0@250"), failedOn);
    assertEquals(List.of(1250L), run.all(TaskEnded.class, e -> e.stage().equals("b") && e.status() == TaskStatus.SUCCESS)
        .stream().map(TaskEnded::t).toList());
    assertEquals(List.of(), run.all(ExecutorExcluded.class, x -> x.scope() == ExclusionScope.APPLICATION));
  }

  /** The same two failures with executor 0 kept exclude it for the application when "b" succeeds. */
  @Test
  void keptExecutor_failuresOfBothTaskSetsExcludeIt() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("a", stage("a", 1, 100))
        .job("b", 200, "default", stage("b", 1, 1000))
        .fail("a", "a", 0, 0, 0, 50).fail("b", "b", 0, 0, 0, 50).build());
    List<ExecutorExcluded> app = run.all(ExecutorExcluded.class, x -> x.scope() == ExclusionScope.APPLICATION);
    assertEquals(List.of("0@1250@2"), app.stream().map(x -> x.executor() + "@" + x.t() + "@" + x.failures()).toList());
  }
}
