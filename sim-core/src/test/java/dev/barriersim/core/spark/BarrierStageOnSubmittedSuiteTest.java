package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.withResources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.event.SimEvent.JobStarted;
import dev.barriersim.core.event.SimEvent.SlotCheckFailed;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Submission-time checks pinned by Spark's {@code BarrierStageOnSubmittedSuite}. */
class BarrierStageOnSubmittedSuiteTest {

  private static void assertFailedWith(RecordedRun run, String fragment) {
    RunResult.JobResult job = run.result.jobs().get(0);
    assertEquals("FAILED", job.status());
    assertTrue(job.failureReason().contains(fragment), job.failureReason());
  }

  /** "submit a barrier ResultStage with dynamic resource allocation enabled". */
  @Test
  void barrierResultStageWithDynamicAllocation_failsAtOnce() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).dynamicAllocation().job("j", barrier("b", 2, 1000)).build());
    assertFailedWith(run, "[SPARK-24942]");
    assertEquals(0L, run.result.jobs().get(0).endMs());
    assertTrue(run.all(JobStarted.class).isEmpty());
  }

  /** "submit a barrier ShuffleMapStage with dynamic resource allocation enabled". */
  @Test
  void barrierMapStageWithDynamicAllocation_failsAtOnce() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).dynamicAllocation()
        .job("j", barrier("m", 2, 1000), stage("r", 1, 10, "m")).build());
    assertFailedWith(run, "[SPARK-24942]");
  }

  /**
   * Spark's {@code Utils.isDynamicAllocationEnabled} is false on a {@code local[N]} master (unless
   * {@code spark.dynamicAllocation.testing}), so {@code checkBarrierStageWithDynamicAllocation}
   * passes there: the barrier job runs and succeeds.
   */
  @Test
  void dynamicAllocationIsIgnoredWithTheLocalBackend() {
    RecordedRun run = RecordedRun.of(spec().local().executors(1, 4).dynamicAllocation()
        .job("j", barrier("m", 2, 1000), stage("r", 1, 10, "m")).build());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
    assertEquals(1010L, run.result.jobs().get(0).endMs());
  }

  /** "submit a barrier ResultStage that requires more slots than current total under local mode" (interval 1s, maxFailures 3). */
  @Test
  void resultStageNeedingFiveSlotsOnFour_failsAfterRetries() {
    RecordedRun run = RecordedRun.of(spec().local().executors(1, 4).slotCheck(1000, 3)
        .job("j", barrier("b", 5, 1000)).build());
    assertFailedWith(run, "[SPARK-24819]");
    List<SlotCheckFailed> checks = run.all(SlotCheckFailed.class);
    assertEquals(List.of(0L, 1000L, 2000L, 3000L), checks.stream().map(SlotCheckFailed::t).toList());
    assertEquals(5, checks.get(0).required());
    assertEquals(4, checks.get(0).available());
    assertEquals(3000L, run.result.jobs().get(0).endMs());
    assertTrue(run.all(JobStarted.class).isEmpty() && run.all(StageSubmitted.class).isEmpty());
  }

  /** "submit a barrier ShuffleMapStage that requires more slots than current total under local mode". */
  @Test
  void mapStageNeedingFiveSlotsOnFour_failsAfterRetries() {
    RecordedRun run = RecordedRun.of(spec().local().executors(1, 4).slotCheck(1000, 3)
        .job("j", barrier("m", 5, 1000), stage("r", 1, 10, "m")).build());
    assertFailedWith(run, "[SPARK-24819]");
    assertEquals(4, run.all(SlotCheckFailed.class).size());
  }

  /** "... under local-cluster mode": 4 workers x 3 cores with spark.task.cpus=2 is 4 slots; 5 tasks fail. */
  @Test
  void localClusterWithTaskCpus2_countsFourSlots() {
    RecordedRun run = RecordedRun.of(spec().taskCpus(2).executors(4, 3).slotCheck(1000, 3)
        .job("j", barrier("b", 5, 1000)).build());
    assertEquals(4, run.all(SlotCheckFailed.class).get(0).available());
    assertFailedWith(run, "[SPARK-24819]");
  }

  /** SPARK-32518: one executor with 2 CPUs and 1 GPU, tasks need 1 GPU, 2 partitions: the GPU is counted. */
  @Test
  void spark32518_customResourcesAreCounted() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2, Map.of("gpu", 1)).slotCheck(1000, 1)
        .job("j", withResources(barrier("b", 2, 1000), Map.of("gpu", 1))).build());
    assertEquals(1, run.all(SlotCheckFailed.class).get(0).available());
    assertFailedWith(run, "[SPARK-24819]");
  }

  /** Decision 8: the interval is read in whole seconds, so 500ms retries at once. */
  @Test
  void intervalIsReadInWholeSeconds() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).slotCheck(1500, 2).job("j", barrier("b", 5, 1000)).build());
    assertEquals(List.of(0L, 1000L, 2000L), run.all(SlotCheckFailed.class).stream().map(SlotCheckFailed::t).toList());
  }

  /** Defaults: 40 retries 15 s apart, so the job fails about 600 s after submission. */
  @Test
  void defaultsFailTheJobAfterFortyRetries() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).job("j", barrier("b", 5, 1000)).build());
    assertEquals(41, run.all(SlotCheckFailed.class).size());
    assertEquals(600_000L, run.result.jobs().get(0).endMs());
  }

  /** The cluster may grow while the check is retried; the job then starts. */
  @Test
  void clusterGrowthDuringRetries_letsTheJobStart() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).addAt(20_000, 1, 4)
        .job("j", barrier("b", 8, 1000)).build());
    assertEquals(List.of(0L, 15_000L), run.all(SlotCheckFailed.class).stream().map(SlotCheckFailed::t).toList());
    assertEquals(List.of(30_000L), run.launchInstants("b", 0));
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  /** "CoarseGrainedSchedulerBackendSuite": busy slots count towards maxNumConcurrentTasks. */
  @Test
  void busySlotsCountAtSubmission() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .job("busy", stage("n", 4, 5000)).job("gang", 0, "default", barrier("b", 4, 1000)).build());
    assertTrue(run.all(SlotCheckFailed.class).isEmpty());
    assertEquals(List.of(5000L), run.launchInstants("b", 0));
  }

  /** CoarseGrainedSchedulerBackendSuite: local-cluster 4 workers x 3 cores has 12 slots (13 fail, 12 run). */
  @Test
  void fourWorkersOfThreeCoresHaveTwelveSlots() {
    RecordedRun fail = RecordedRun.of(spec().executors(4, 3).slotCheck(1000, 1).job("j", barrier("b", 13, 1000)).build());
    assertEquals(12, fail.all(SlotCheckFailed.class).get(0).available());
    RecordedRun ok = RecordedRun.of(spec().executors(4, 3).job("j", barrier("b", 12, 1000)).build());
    assertEquals(List.of(0L), ok.launchInstants("b", 0));
  }

  /**
   * TaskSchedulerImplSuite "Calculate available tasks slots for task resource profiles": tasks of
   * 2 cpus and 2 GPUs on 2 executors of 4 cores and 4 GPUs have 4 slots.
   */
  @Test
  void taskResourceProfileOfTwoCpusAndTwoGpus_hasFourSlotsOnTwoExecutors() {
    RecordedRun fail = RecordedRun.of(spec().taskCpus(2).executors(2, 4, Map.of("gpu", 4)).slotCheck(1000, 1)
        .job("j", withResources(barrier("b", 5, 1000), Map.of("gpu", 2))).build());
    assertEquals(4, fail.all(SlotCheckFailed.class).get(0).available());
    RecordedRun ok = RecordedRun.of(spec().taskCpus(2).executors(2, 4, Map.of("gpu", 4))
        .job("j", withResources(barrier("b", 4, 1000), Map.of("gpu", 2))).build());
    assertEquals(List.of(0L), ok.launchInstants("b", 0));
    assertEquals(4, ok.launches("b", 0).size());
  }

  /**
   * {@code maxNumConcurrentTasks} is counted for the barrier stage's own resource profile: after a
   * cpu-only gang saw 8 slots on two executors of 4 cores, a gang needing a GPU each sees the 2 GPUs.
   */
  @Test
  void slotsAtSubmission_areCountedPerTaskShape() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 4, Map.of("gpu", 1)).slotCheck(1000, 1)
        .job("cpu", 0, "default", barrier("c", 3, 1000))
        .job("gpu", 100, "default", withResources(barrier("g", 3, 1000), Map.of("gpu", 1))).build());
    List<SlotCheckFailed> checks = run.all(SlotCheckFailed.class);
    assertEquals("g", checks.get(0).stage());
    assertEquals(2, checks.get(0).available());
    assertEquals(List.of(0L), run.launchInstants("c", 0));
  }
}
