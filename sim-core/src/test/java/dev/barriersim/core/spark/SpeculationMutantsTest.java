package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.SpeculativeTaskLaunched;
import dev.barriersim.core.event.SimEvent.SpeculativeTaskSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Speculation details the examples of {@link SpeculationSuiteTest} leave open, after Spark 3.5.9's
 * {@code TaskSetManager} ({@code successfulTaskDurations}, a {@code PercentileHeap}; 
 * {@code checkSpeculatableTasks}; {@code dequeueTaskFromList}): the median of durations that
 * arrive out of order, runtimes of tasks launched after 0, the strict threshold, a task marked
 * once, and copies dequeued from under the top of the stack.
 */
class SpeculationMutantsTest {

  private static List<SpeculativeTaskSubmitted> marked(RecordedRun run) {
    return run.all(SpeculativeTaskSubmitted.class);
  }

  /**
   * {@code PercentileHeap.percentile} of 0.5 is the element at index size / 2 of the sorted
   * durations. One one-core executor runs the tasks in turn: 300, 100 and 200 ms succeed (at 300,
   * 400, 600), so the median is 200, not the first (300) nor the smallest (100); the threshold is
   * 1.5 x 200 = 300 ms (minTaskRuntime 0), and with a 1 ms interval the task launched at 600 ms
   * is marked at the first tick its runtime exceeds it, 901 ms, having run 301 ms.
   */
  @Test
  void percentileHeap_medianOfDurationsArrivingOutOfOrder_setsTheThresholdOfATaskLaunchedLate() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).speculation(new SpeculationConf(true, 1, 1.5, 0.75, 0))
        .job("j", stagePerPartition("s", new long[] {300, 100, 200, 1000})).hang("j", "s", 3, 0).build());
    assertEquals(1, marked(run).size());
    SpeculativeTaskSubmitted m = marked(run).get(0);
    assertEquals(3, m.partition());
    assertEquals(300L, m.thresholdMs());
    assertEquals(901L, m.t());
    assertEquals(301L, m.runningMs());
  }

  /**
   * {@code PercentileHeap} of two durations (1000, 3000 ms; quantile 0.5 of four tasks needs two)
   * takes index 1, the larger: threshold 4500 ms, so the two hung tasks are marked at 4600 ms.
   */
  @Test
  void percentileHeap_medianOfTwoDurationsIsTheLarger() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).speculation(new SpeculationConf(true, 100, 1.5, 0.5, 100))
        .job("j", stagePerPartition("s", new long[] {1000, 3000, 1000, 1000}))
        .hang("j", "s", 2, 0).hang("j", "s", 3, 0).build());
    assertEquals(List.of(4500L, 4500L), marked(run).stream().map(SpeculativeTaskSubmitted::thresholdMs).toList());
    assertEquals(List.of(4600L, 4600L), marked(run).stream().map(SpeculativeTaskSubmitted::t).toList());
  }

  /**
   * {@code checkSpeculatableTasks} marks a task whose runtime is strictly greater than the
   * threshold. Partition 3 ends at 1500 ms and triggers a check then, when hung partition 4 has
   * run exactly 1500 ms = 1.5 x the 1000 ms median: not yet; it is marked at the 1600 ms tick.
   */
  @Test
  void checkSpeculatableTasks_aRuntimeEqualToTheThresholdIsNotYetSpeculatable() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 5).speculation(new SpeculationConf(true, 100, 1.5, 0.6, 100))
        .job("j", stagePerPartition("s", new long[] {1000, 1000, 1000, 1500, 1000})).hang("j", "s", 4, 0).build());
    assertEquals(1, marked(run).size());
    assertEquals(1600L, marked(run).get(0).t());
    assertEquals(1500L, marked(run).get(0).thresholdMs());
  }

  /**
   * {@code speculatableTasks.contains(index)} keeps a marked task from being marked again. On one
   * host the copy of hung partition 3 (marked at 1600 ms) can never launch; a second job at 3 s
   * makes the speculation thread check again, and partition 3 is not submitted a second time.
   */
  @Test
  void checkSpeculatableTasks_aTaskAlreadySpeculatableIsNotMarkedAgain() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).speculation()
        .job("j", stage("s", 4, 1000)).job("k", 3000, "default", stage("t", 2, 1000))
        .hang("j", "s", 3, 0).build());
    assertEquals(1, marked(run).size());
    assertEquals(1600L, marked(run).get(0).t());
    assertEquals("SUCCEEDED", run.result.jobs().get(1).status());
  }

  /**
   * {@code dequeueTaskFromList} removes an entry from under the top of the stack. Hung partitions
   * 1 (host-1) and 2 (host-0) are marked at 1600 ms, 2 on top; host-0 is offered first, skips 2
   * (it ran there) and takes 1; host-1 then takes 2. Both copies launch, on the other host.
   */
  @Test
  void dequeueTaskFromList_takingAnEntryBelowTheTopKeepsTheTopForTheNextOffer() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).speculation(new SpeculationConf(true, 100, 1.5, 0.5, 100))
        .job("j", stage("s", 4, 1000)).hang("j", "s", 1, 0).hang("j", "s", 2, 0).build());
    List<SpeculativeTaskLaunched> copies = run.all(SpeculativeTaskLaunched.class);
    assertEquals(List.of(1, 2), copies.stream().map(SpeculativeTaskLaunched::partition).toList());
    assertEquals(List.of("host-0", "host-1"), copies.stream().map(SpeculativeTaskLaunched::host).toList());
    assertEquals(List.of(1600L, 1600L), copies.stream().map(SpeculativeTaskLaunched::t).toList());
    assertEquals(2600L, run.result.makespanMs());
  }

  /**
   * {@code checkSpeculatableTasks} skips a task that already succeeded. The 5 s original of
   * partition 3 wins at 5000 ms over its copy launched at 1600 ms; the kill reaches the copy 500 ms
   * later, so at the check that the success triggers the copy still runs (3.4 s, over the 1500 ms
   * threshold; the 6 s partition 4 keeps the set live): it is not marked again.
   */
  @Test
  void checkSpeculatableTasks_aSucceededTaskWhoseCopyStillRunsIsNotMarked() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 3).speculation().killLatency(500)
        .job("j", stagePerPartition("s", new long[] {1000, 1000, 1000, 5000, 6000})).build());
    assertEquals(List.of(1600L, 1600L), marked(run).stream().map(SpeculativeTaskSubmitted::t).toList());
    SpeculativeTaskLaunched copy = run.all(SpeculativeTaskLaunched.class, c -> c.partition() == 3).get(0);
    TaskEnded copyEnd = run.all(TaskEnded.class, e -> e.taskId() == copy.taskId()).get(0);
    assertEquals(TaskStatus.KILLED, copyEnd.status());
    assertEquals(5500L, copyEnd.t());
  }
}
