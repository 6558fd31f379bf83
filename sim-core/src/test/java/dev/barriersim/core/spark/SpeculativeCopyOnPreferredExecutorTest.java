package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.cachedFrom;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.SpeculativeTaskLaunched;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import org.junit.jupiter.api.Test;

/**
 * A speculative copy landing on the executor its task prefers (a cached block) reports
 * PROCESS_LOCAL, as Spark's {@code TaskSetManager.dequeueTaskHelper(speculative = true)} finds it
 * in {@code pendingSpeculatableTasks.forExecutor} first.
 */
class SpeculativeCopyOnPreferredExecutorTest {
  private static final LocalityConf NO_WAIT = new LocalityConf(0, 0, 0, false, false);

  /**
   * Two one-core executors on host-0 and host-1. Job a caches partitions 0 and 1 of c on
   * executors 0 and 1. One-task jobs x1 (1 s) and x2 (5 s) hold both cores from 1.5 s; job b
   * (reading c from the cache) launches partition 0 on executor 0 at 2.5 s and partition 1, which
   * hangs, there at 3.5 s (no locality wait). Its copy goes to executor 1, free at 6.5 s, the
   * executor holding its block: PROCESS_LOCAL.
   */
  @Test
  void aCopyOnThePreferredExecutor_isProcessLocal() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 1, 1, null).locality(NO_WAIT).speculation()
        .job("a", stage("c", 2, 1000))
        .job("x1", 1500, "default", stage("x", 1, 1000))
        .job("x2", 1500, "default", stage("x", 1, 5000))
        .job("b", 2000, "default", cachedFrom(stage("s", 2, 1000), "a", "c"))
        .hang("b", "s", 1, 0).build());
    TaskLaunched original = run.all(TaskLaunched.class, l -> l.job().equals("b") && l.partition() == 1).get(0);
    assertEquals("0", original.executor());
    assertEquals(TaskLocality.ANY, original.locality());
    SpeculativeTaskLaunched copy = run.all(SpeculativeTaskLaunched.class).get(0);
    TaskLaunched copyLaunch = run.all(TaskLaunched.class, l -> l.taskId() == copy.taskId()).get(0);
    assertEquals("1", copyLaunch.executor());
    assertEquals(6500L, copyLaunch.t());
    assertEquals(TaskLocality.PROCESS_LOCAL, copyLaunch.locality());
  }
}
