package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.BarrierSyncTimedOut;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.testing.RecordedRun;
import dev.barriersim.core.testing.SpecBuilder;
import dev.barriersim.core.workload.StageSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spark 3.5.9 reruns only the missing partitions of a barrier map stage that lost outputs without
 * a barrier task failure ({@code DAGScheduler.submitMissingTasks} takes
 * {@code ShuffleMapStage.findMissingPartitions}, with no barrier special case), and the tasks of
 * that attempt ask the {@code BarrierCoordinator} to sync {@code numPartitions} requests
 * ({@code BarrierTaskContext}'s {@code RequestToSync(numPartitions, ...)}), so its first
 * {@code barrier()} never completes and fails at {@code spark.barrier.sync.timeout}.
 * {@code simulation.barrierPartialRerun: whole} keeps the whole-stage rerun.
 */
class BarrierPartialRerunSuiteTest {

  private static List<Integer> partitions(RecordedRun run, String stage, int attempt) {
    return run.launches(stage, attempt).stream().map(TaskLaunched::partition).sorted().toList();
  }

  /**
   * A finished barrier map stage loses the output of partition 1 with executor 1 at 2 s, before any
   * task reads it: its consumer waits for another parent until 5 s. Only partition 1 reruns
   * ({@code findMissingPartitions}); with one phase there is no {@code barrier()}, so it succeeds.
   */
  private static SpecBuilder lossBeforeAnyFetch() {
    return spec().executors(2, 2)
        .job("j", barrier("m", 2, 1000), stage("p", 1, 5000), stage("r", 1, 100, "m", "p")).loseExecutor("1", 2000);
  }

  @Test
  void executorLostBeforeAnyFetch_rerunsOnlyTheMissingPartition() {
    RecordedRun run = RecordedRun.of(lossBeforeAnyFetch().build());
    assertEquals(List.of(1), partitions(run, "m", 1));
    assertEquals(1, run.all(StageSubmitted.class, s -> s.stage().equals("m") && s.stageAttempt() == 1).get(0).tasks());
    assertEquals(List.of(5000L), run.launchInstants("m", 1));
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
    assertEquals(6100L, run.result.jobs().get(0).endMs());
  }

  @Test
  void executorLostBeforeAnyFetch_rerunsWholeWithWholeRerun() {
    RecordedRun run = RecordedRun.of(lossBeforeAnyFetch().wholeBarrierRerun().build());
    assertEquals(List.of(0, 1), partitions(run, "m", 1));
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  /**
   * A late success between a failure and the kill: two barrier tasks sync once (0.1 s, left at
   * 1.1 s); in phase 1 partition 0 throws at 1.4 s, partition 1 ends at 1.45 s, and with a 100 ms
   * status update its success reaches the driver after the failure (1.5 s): it is registered. The
   * resubmission at 1.7 s reruns partition 0 alone; its {@code barrier()} (reached at 1.8 s) waits
   * for 2 requests, gets 1, and times out 5 s later; the task fails at its next poll, 7.8 s, the
   * driver knows at 7.9 s, and attempt 2 reruns both partitions at 8.1 s.
   */
  private static SpecBuilder lateSuccess() {
    StageSpec m = new StageSpec("m", 2, true, List.of(), null, List.of(DurationSpec.constant(100),
        DurationSpec.of(new Distribution.PerPartition(new long[] {1000, 350}))), null);
    return spec().executors(1, 2).latency(0, 100).syncTimeout(5000)
        .job("j", m, stage("r", 1, 10, "m")).fail("j", "m", 0, 0, 0, 1400);
  }

  @Test
  void lateSuccessRegistered_partialAttemptsBarrierWaitsForEveryPartitionAndTimesOut() {
    RecordedRun run = RecordedRun.of(lateSuccess().build());
    TaskEnded late = run.all(TaskEnded.class, e -> e.partition() == 1 && e.stageAttempt() == 0).get(0);
    assertEquals(TaskStatus.SUCCESS, late.status());
    assertEquals(1550L, late.t());
    assertEquals(List.of(0), partitions(run, "m", 1));
    assertEquals(List.of(1700L), run.launchInstants("m", 1));
    BarrierSyncTimedOut timeout = run.all(BarrierSyncTimedOut.class).get(0);
    assertEquals(6800L, timeout.t());
    assertEquals(1, timeout.stageAttempt());
    assertEquals(1, timeout.arrived());
    assertEquals(2, timeout.needed());
    assertEquals(List.of(0, 1), partitions(run, "m", 2));
    assertEquals(List.of(8100L), run.launchInstants("m", 2));
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  @Test
  void lateSuccessIgnored_withWholeRerun_theRetryRunsBothPartitionsAndSyncs() {
    RecordedRun run = RecordedRun.of(lateSuccess().wholeBarrierRerun().build());
    assertEquals(List.of(0, 1), partitions(run, "m", 1));
    assertEquals(List.of(), run.all(BarrierSyncTimedOut.class));
    assertEquals(List.of(), run.launches("m", 2));
  }
}
