package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code TaskSetManager.dequeueTask} offers a pending task before a speculative copy, and a copy
 * of task 0 like any other: in a round where both wait, the pending task launches first.
 */
class PendingTasksBeforeCopiesGapsTest {

  /**
   * p0 (3 s) runs on executor 0 while executor 1 runs p1-p9 (100 ms each) in turn; p0 is marked
   * speculatable at 700 ms, when p9 still waits. Executor 1 frees at 800 ms: p9 launches then and
   * p0's copy at 900 ms.
   */
  @Test
  void pendingTask_launchesBeforeAWaitingCopyOfTaskZero() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).speculation()
        .job("j", stagePerPartition("s", new long[] {3000, 100, 100, 100, 100, 100, 100, 100, 100, 100})).build());
    List<String> late = run.all(TaskLaunched.class, l -> l.t() >= 800).stream()
        .map(l -> "p" + l.partition() + "." + l.attempt() + "@" + l.t() + " on " + l.executor()).toList();
    assertEquals(List.of("p9.0@800 on 1", "p0.1@900 on 1"), late);
  }
}
