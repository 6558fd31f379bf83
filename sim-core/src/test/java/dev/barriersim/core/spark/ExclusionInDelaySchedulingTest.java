package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exclusion on failure inside delay scheduling, for a set whose tasks all prefer host-0, after
 * Spark's {@code TaskSetManager.dequeueTaskFromList} (a task excluded on the offered executor is
 * skipped and stays in the list) and {@code resourceOffer} (an executor excluded for the set gets
 * no task).
 */
class ExclusionInDelaySchedulingTest {

  private static List<TaskLaunched> launchesOf(RecordedRun run, int partition) {
    return run.all(TaskLaunched.class, l -> l.partition() == partition);
  }

  /**
   * Executors 0 and 1 on host-0, one core each. Partition 0 fails on executor 0 at 500 ms and is
   * excluded there (executor 0 takes partition 2 as the status update frees it, before the failure
   * is handled). When partition 2 ends at 1500 ms, the offer of executor 0 skips partition 0 (kept
   * on top of host-0's list) and takes partition 3 below it. The retry waits for executor 1, free
   * at 5 s, and is still found in host-0's list: NODE_LOCAL.
   */
  @Test
  void aTaskExcludedOnTheOffer_isSkippedAndKeptForAnotherExecutorOfItsHost() {
    RecordedRun run = RecordedRun.of(spec().executorsPerHost(2, 1, 2).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("j", inputHosts(stagePerPartition("s", new long[] {1000, 5000, 1000, 1000}), List.of("host-0")))
        .fail("j", "s", 0, 0, 0, 500).build());
    TaskLaunched p3 = launchesOf(run, 3).get(0);
    assertEquals(List.of(1500L, 0L), List.of(p3.t(), Long.parseLong(p3.executor())));
    assertEquals(2, launchesOf(run, 0).size());
    TaskLaunched retry = launchesOf(run, 0).get(1);
    assertEquals("1", retry.executor());
    assertEquals(5000L, retry.t());
    assertEquals(TaskLocality.NODE_LOCAL, retry.locality());
    assertEquals(Outcome.COMPLETED, run.result.outcome());
  }

  /**
   * Executor 0 on host-0 and executor 1 on host-1, one core each. Partitions 0 and 1 fail on
   * executor 0 (at 500 and 1000 ms): two failed tasks exclude it for the set
   * ({@code maxFailedTasksPerExecutor} 2). Partition 2, offered executor 0 as its status update
   * freed it (before the failure was handled, as in Spark), ends at 2 s; from then on executor 0
   * gets nothing: partition 3 and the retries go to executor 1, at ANY.
   */
  @Test
  void anExecutorExcludedForTheSet_getsNoTaskOfIt() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 1, 1, null).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("j", inputHosts(stagePerPartition("s", new long[] {1000, 1000, 1000, 1000}), List.of("host-0")))
        .fail("j", "s", 0, 0, 0, 500).fail("j", "s", 1, 0, 0, 500).build());
    assertEquals(List.of(), run.all(TaskLaunched.class, l -> l.executor().equals("0") && l.t() > 1000));
    assertEquals("1", launchesOf(run, 3).get(0).executor());
    assertEquals(Outcome.COMPLETED, run.result.outcome());
  }
}
