package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.SpeculativeTaskSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Speculation behaviours PIT's survivors showed no test pinned (docs/properties.md), after Spark
 * 3.5's {@code TaskSetManager.checkSpeculatableTasks} and {@code TaskSchedulerImpl}'s speculation thread.
 */
class SpeculationGapsTest {

  /**
   * {@code PercentileHeap(0.5)} of 200, 400, 100 ms (arriving in that order) is 200, the element
   * at index 1 of the sorted durations, not the last and smallest (100). One one-core executor:
   * successes at 200, 600, 700 ms; hung partition 3 launches at 700, the threshold is 1.5 x 200 =
   * 300 ms, and with a 1 ms interval it is marked at 1001 ms having run 301 ms.
   */
  @Test
  void percentileHeap_aSmallestLastDurationDoesNotBecomeTheMedian() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).speculation(new SpeculationConf(true, 1, 1.5, 0.75, 0))
        .job("j", stagePerPartition("s", new long[] {200, 400, 100, 1000})).hang("j", "s", 3, 0).build());
    List<SpeculativeTaskSubmitted> marked = run.all(SpeculativeTaskSubmitted.class);
    assertEquals(1, marked.size());
    assertEquals(300L, marked.get(0).thresholdMs());
    assertEquals(1001L, marked.get(0).t());
  }

  /**
   * {@code TaskSchedulerImpl}'s speculation thread checks every interval, so a task launched at
   * an instant with no task end is checked too: job x holds host-0's one core; partition 0 (no
   * preference) runs on host-1 from 0 to 1 s; partition 1 prefers host-0 and goes to host-1 at ANY
   * when the 3 s locality wait ends, and hangs. With quantile 0.5 the threshold is 1.5 s, so it is
   * marked at the 4600 ms tick, long before job x ends.
   */
  @Test
  void aLaunchWithNoTaskEndAtItsInstant_isCheckedForSpeculation() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 1, 1, null).speculation(new SpeculationConf(true, 100, 1.5, 0.5, 100))
        .job("x", stage("x", 1, 100_000))
        .job("b", inputHosts(stage("s", 2, 1000), List.of(), List.of("host-0"))).hang("b", "s", 1, 0).build());
    assertEquals(List.of(0L, 3000L), run.launchInstants("s", 0).subList(0, 2));
    List<SpeculativeTaskSubmitted> marked = run.all(SpeculativeTaskSubmitted.class);
    assertEquals(1, marked.size());
    assertEquals(1, marked.get(0).partition());
    assertEquals(4600L, marked.get(0).t());
  }

  /**
   * {@code TaskSetManager.checkSpeculatableTasks} returns at once for a zombie set. Three one-core
   * executors run map stage a, then c (1 s, 60 s, 1 s) from 100 ms; executor 2 is lost at 500 ms
   * with a's output there, and c's retry of partition 2 fetch-fails at 1100 ms: attempt 0 of c is a
   * zombie. Its partition 0 succeeded at 1100 ms and partition 1 still runs past 1.5 x 1 s, but it
   * is never marked.
   */
  @Test
  void aZombieSet_isNotCheckedForSpeculation() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 1).speculation(new SpeculationConf(true, 100, 1.5, 0.5, 100))
        .loseExecutor("2", 500)
        .job("j", stage("a", 3, 100), stagePerPartition("c", new long[] {1000, 60_000, 1000}, "a")).build());
    assertEquals(List.of(), run.all(SpeculativeTaskSubmitted.class, m -> m.stageAttempt() == 0));
  }

  /**
   * {@code TaskSetManager.handleSuccessfulTask} treats a success as "did not commit" only for an
   * attempt in {@code killedByOtherAttempt}; a fetch failure marks its task successful without
   * killing the other attempt. Three one-core executors run map stage a, then c (1 s, 60 s, 1 s)
   * from 100 ms; executor 2 (with a's output) is lost at 1.5 s; partition 1 is marked at 1.7 s and
   * its copy fetch-fails at once. The original still ends SUCCESS at 60.1 s.
   */
  @Test
  void anAttemptSucceedingAfterItsCopyFetchFailed_endsSuccess() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 1).speculation(new SpeculationConf(true, 100, 1.5, 0.5, 100))
        .loseExecutor("2", 1500)
        .job("j", stage("a", 3, 100), stagePerPartition("c", new long[] {1000, 60_000, 1000}, "a")).build());
    List<TaskEnded> ends = run.all(TaskEnded.class, e -> e.stage().equals("c") && e.stageAttempt() == 0 && e.partition() == 1);
    assertEquals(List.of(TaskStatus.FAILED, TaskStatus.SUCCESS), ends.stream().map(TaskEnded::status).toList());
    assertEquals(60_100L, ends.get(1).t());
  }
}
