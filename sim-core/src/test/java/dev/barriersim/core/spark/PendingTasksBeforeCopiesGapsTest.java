package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.SpeculativeTaskLaunched;
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

  /**
   * Task 0 put back after a failure is a pending task like any other: p0 and p1 are marked
   * speculatable at 700 ms, p0 fails on executor 0 at 750 ms (which takes p1's copy, offered before
   * the failure is handled), and executor 3 joining at 760 ms takes p0's retry rather than a copy.
   */
  @Test
  void retryOfTaskZero_launchesBeforeWaitingCopies() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 1).addAt(760, 1, 1).speculation()
        .job("j", stagePerPartition("s", new long[] {1000, 3000, 100, 100, 100, 100, 100, 100, 100, 100}))
        .fail("j", "s", 0, 0, 0, 750).build());
    List<String> p0 = run.all(TaskLaunched.class, l -> l.partition() == 0 && l.t() > 0).stream()
        .map(l -> "p0." + l.attempt() + "@" + l.t() + " on " + l.executor()).toList();
    assertEquals(List.of("p0.1@760 on 3", "p0.2@800 on 2"), p0);
    assertEquals(List.of("p1.1@750", "p0.2@800"), run.all(SpeculativeTaskLaunched.class).stream()
        .map(c -> "p" + c.partition() + "." + c.attempt() + "@" + c.t()).toList());
  }
}
