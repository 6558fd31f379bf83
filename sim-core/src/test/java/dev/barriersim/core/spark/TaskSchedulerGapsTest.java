package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.SpeculativeTaskLaunched;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TaskScheduler behaviours PIT's survivors showed no test pinned (docs/properties.md, "Observable, not covered"). */
class TaskSchedulerGapsTest {

  /**
   * {@code TaskSetManager.checkSpeculatableTasks} looks at every running task, also one launched
   * when no task ends: p0-p2 of "s" succeed on executor 1 by 300 ms, p3 fails there at 350 ms (and is
   * excluded there), job "x" holds executor 0, so the retry launches on executor 2, added at 1 s;
   * running past 1.5 x the 100 ms median at the 1.2 s tick, it gets a speculative copy on executor 3.
   */
  @Test
  void taskLaunchedWhenNoTaskOfItsSetEnds_isCheckedForSpeculation() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).addAt(1000, 2, 1).speculation().excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("x", stage("x", 1, 10_000))
        .job("s", stagePerPartition("s", new long[] {100, 100, 100, 5000}))
        .fail("s", "s", 3, 0, 0, 50).build());
    List<TaskLaunched> p3 = run.all(TaskLaunched.class, l -> l.stage().equals("s") && l.partition() == 3);
    assertEquals(List.of(300L, 1000L, 1200L), p3.stream().map(TaskLaunched::t).toList());
    List<SpeculativeTaskLaunched> copies = run.all(SpeculativeTaskLaunched.class);
    assertEquals(1, copies.size());
    assertEquals(3, copies.get(0).partition());
    assertEquals(1200L, copies.get(0).t());
    assertEquals("3", copies.get(0).executor());
  }
}
