package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.cachedFrom;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spark's {@code DAGScheduler.getCacheLocs}: an RDD cached by a job is read from the blocks that
 * job's own computation stored, whichever instance of a repeated job last computed it elsewhere.
 */
class PreferredLocationsGapsTest {

  /**
   * Four one-core executors; job r runs twice, 500 ms apart (r#1, r#2): c (1 s) and d (3 s), then
   * s reading c of job r from the cache. r#1 computes c on executor 0, r#2 on executor 2 (at 1.5 s,
   * later); r#1's s, created at 3 s when executors 0, 1 and 2 are free, prefers executor 0.
   */
  @Test
  void aCachedStageOfItsOwnJob_isReadWhereThisInstanceComputedIt() {
    RecordedRun run = RecordedRun.of(spec().executors(4, 1)
        .repeatedJob("r", 2, 500, stage("c", 1, 1000), stage("d", 1, 3000),
            cachedFrom(stage("s", 1, 1000, "c", "d"), "r", "c")).build());
    List<TaskLaunched> s = run.launches("s", 0);
    assertEquals(List.of("0", "2"), run.launches("c", 0).stream().map(TaskLaunched::executor).toList());
    assertEquals(3000L, s.get(0).t());
    assertEquals("0", s.get(0).executor());
    assertEquals(TaskLocality.PROCESS_LOCAL, s.get(0).locality());
  }
}
