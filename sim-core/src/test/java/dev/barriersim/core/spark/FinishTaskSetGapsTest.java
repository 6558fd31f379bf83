package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.SimEvent.ExecutorExcluded;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code TaskSetManager.maybeFinishTaskSet}: a zombie TaskSet finishes only once none of its
 * attempts runs ({@code isZombie && runningTasks == 0}), and only then do its failures count for
 * the application ({@code updateExcludedForSuccessfulTaskSet}).
 */
class FinishTaskSetGapsTest {

  /**
   * Job "x" holds executors 0 and 1 until 1 s; "s"'s p3 fails on executor 2 at 350 ms, its retry
   * runs on 0 from 1 s and gets a speculative copy on 1 at 1.2 s. The retry succeeds at 6 s and the
   * copy, killed then, ends at 6.2 s: only then is executor 2 (one failure allowed) excluded.
   */
  @Test
  void setWithACopyBeingKilled_countsItsFailuresWhenTheCopyEnds() {
    ExcludeOnFailureConf oneFailure = new ExcludeOnFailureConf(true, 1, 2, 2, 2, 1, 2, 3_600_000L, 120_000L);
    RecordedRun run = RecordedRun.of(spec().executors(3, 1).speculation().excludeOnFailure(oneFailure).killLatency(500)
        .job("x", stage("x", 2, 1000))
        .job("s", stagePerPartition("s", new long[] {100, 100, 100, 5000}))
        .fail("s", "s", 3, 0, 0, 50).build());
    List<TaskEnded> killed = run.ends(TaskStatus.KILLED);
    assertEquals(List.of("s.3.2@6200"), killed.stream().map(e -> e.stage() + "." + e.partition() + "." + e.attempt() + "@" + e.t()).toList());
    List<ExecutorExcluded> app = run.all(ExecutorExcluded.class, x -> x.scope() == ExclusionScope.APPLICATION);
    assertEquals(List.of("2@6200"), app.stream().map(x -> x.executor() + "@" + x.t()).toList());
  }
}
