package dev.barriersim.core.observe;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.withResources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.testing.RecordedRun;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The columns {@code tasks.csv} gained for the Gantt chart (slot, resource addresses, time inside
 * {@code barrier()}), the GPU usage of a run and the slot-check part of the barrier wait.
 */
class TimelineColumnsAndResourceMetricsTest {

  private static List<String[]> rows(RecordedRun run) {
    return run.taskCsv.lines().skip(1).map(l -> l.split(",", -1)).toList();
  }

  @Test
  void eachAttemptTakesTheLowestFreeLaneOfItsExecutor() {
    // 3 tasks of 1 s on one executor of 2 cores: two start at 0 on lanes 0 and 1; the third
    // starts at 1000 on lane 0, the lowest lane free again.
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).job("j", stage("s", 3, 1000)).build());
    List<String[]> rows = rows(run);
    assertEquals("slot", run.taskCsv.lines().findFirst().orElseThrow().split(",")[12]);
    assertEquals(List.of("0", "1", "0"), rows.stream().map(r -> r[12]).toList());
    assertEquals(List.of("0", "0", "1000"), rows.stream().map(r -> r[7]).toList());
  }

  @Test
  void gpuTasksGetTheLowestFreeAddresses_andTheRunReportsGpuUtilization() {
    // One executor with 4 cores and 2 GPUs; 3 one-GPU tasks of 1 s: two waves on GPU 0 and 1, then 0.
    RecordedRun run = RecordedRun.of(spec().executors(1, 4, Map.of("gpu", 2))
        .job("j", withResources(stage("s", 3, 1000), Map.of("gpu", 1))).build());
    assertEquals(List.of("gpu:0", "gpu:1", "gpu:0"), rows(run).stream().map(r -> r[13]).toList());
    RunResult.ResourceUsage gpu = run.result.resources().get(0);
    assertEquals("gpu", gpu.name());
    assertEquals(2, gpu.total());
    assertEquals(3000, gpu.busyMs());
    assertEquals(1000, gpu.idleMs());
    assertEquals(0.75, gpu.utilization(), 1e-12);
    assertEquals(true, run.eventLog.contains("\"resources\":\"gpu:2\""));
    assertEquals(true, run.eventLog.contains("\"resources\":\"gpu:1\""));
  }

  @Test
  void barrierWaitsAreTheIntervalsEachTaskSpentInsideBarrier() {
    // Two tasks of phases (1 s, 1 s), poll 1 s: both enter barrier() at 1000, the coordinator
    // replies at 1000, and each leaves at its first poll strictly after the reply, 2000.
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).poll(1000)
        .job("j", barrier("b", 2, new long[] {1000, 1000})).build());
    List<String[]> rows = rows(run);
    assertEquals("barrierWaits", run.taskCsv.lines().findFirst().orElseThrow().split(",")[14]);
    String[] waits = rows.stream().map(r -> r[14]).toArray(String[]::new);
    assertEquals("1000-2000", waits[0], Arrays.toString(waits));
    assertEquals("1000-2000", waits[1], Arrays.toString(waits));
  }

  @Test
  void slotCheckWaitMs_countsFromJobSubmissionToJobStart() {
    // A barrier stage of 4 tasks on 2 cores; 2 more cores join at 2.5 s; checks every 1 s fail at 0, 1, 2.
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).addAt(2500, 1, 2).slotCheck(1000, 10)
        .job("j", barrier("b", 4, 1000)).build());
    assertEquals(3, run.result.barrier().slotCheckFailures());
    assertEquals(3000, run.result.barrier().slotCheckWaitMs());
    assertEquals(3000, run.result.barrier().totalWaitMs() - run.result.barrier().waitMs());
  }
}
