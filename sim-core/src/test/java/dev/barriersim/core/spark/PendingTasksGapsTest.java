package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spark's {@code TaskSetManager.dequeueTaskHelper} for task index 0 of a set with preferred
 * locations: index 0 is a task like any other at every level (PIT survivors of
 * {@code PendingTasksByLocality.dequeue}, docs/properties.md).
 */
class PendingTasksGapsTest {

  private static TaskLaunched launchOf(RecordedRun run, int partition) {
    List<TaskLaunched> l = run.launches("s", 0).stream().filter(t -> t.partition() == partition).toList();
    assertEquals(1, l.size());
    return l.get(0);
  }

  /**
   * {@code dequeueTaskHelper} at {@code NO_PREF}: partition 0 prefers nothing, partition 1 host-0.
   * Host-0 takes partition 1 NODE_LOCAL; in the NO_PREF pass host-1 takes partition 0 at 0 ms,
   * reported PROCESS_LOCAL, without waiting the 3 s locality wait for ANY.
   */
  @Test
  void taskZeroWithoutPreferences_launchesAtOnceInTheNoPrefPass() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 1, 1, null)
        .job("j", inputHosts(stage("s", 2, 10_000), List.of(), List.of("host-0"))).build());
    TaskLaunched zero = launchOf(run, 0);
    assertEquals(0L, zero.t());
    assertEquals("host-1", zero.host());
    assertEquals(TaskLocality.PROCESS_LOCAL, zero.locality());
  }

  /**
   * {@code dequeueTaskHelper} at {@code RACK_LOCAL}: three one-core hosts of rack r1; job a's task
   * holds host-0 from 0 ms, so of job b's partitions (0 prefers host-0, 1 host-1) only partition 1
   * launches at once. After the 3 s node wait host-2 takes partition 0 RACK_LOCAL at 3000 ms, not
   * at ANY 3 s later.
   */
  @Test
  void taskZeroAtRackLevel_launchesRackLocalWhenTheNodeWaitEnds() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(3, 1, 1, "r1")
        .job("a", stage("t", 1, 10_000))
        .job("b", inputHosts(stage("s", 2, 10_000), List.of("host-0"), List.of("host-1"))).build());
    assertEquals("host-0", run.launches("t", 0).get(0).host());
    TaskLaunched zero = launchOf(run, 0);
    assertEquals(3000L, zero.t());
    assertEquals("host-2", zero.host());
    assertEquals(TaskLocality.RACK_LOCAL, zero.locality());
  }
}
