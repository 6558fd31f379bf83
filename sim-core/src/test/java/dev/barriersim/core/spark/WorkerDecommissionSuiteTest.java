package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.ExecutorDecommissioned;
import dev.barriersim.core.event.SimEvent.ExecutorLost;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graceful decommission as pinned by Spark's {@code WorkerDecommissionSuite}: no new tasks, leave when idle, once. */
class WorkerDecommissionSuiteTest {

  private static List<String> lost(RecordedRun run, String executor) {
    return run.all(ExecutorLost.class, l -> l.executor().equals(executor)).stream().map(l -> l.t() + " " + l.reason())
        .toList();
  }

  /** An executor decommissioned while idle leaves at once. */
  @Test
  void idleExecutor_leavesAtTheDecommission() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).decommissionAt(500, "1")
        .job("j", stage("s", 1, 1000)).build());
    assertEquals(List.of("500 Executor decommission."), lost(run, "1"));
  }

  /** An executor that left after its decommission is gone: a later scripted loss of it does nothing. */
  @Test
  void executorThatLeftAfterDecommission_isNotLostAgain() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).decommissionAt(500, "1").loseExecutor("1", 700)
        .job("j", stage("s", 1, 1000)).build());
    assertEquals(List.of("500 Executor decommission."), lost(run, "1"));
  }

  /** Decommissioning an executor already lost, or one that never joined, does nothing. */
  @Test
  void decommissioningALostOrUnknownExecutor_doesNothing() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).loseExecutor("1", 300).decommissionAt(500, "1", "7")
        .job("j", stage("s", 1, 1000)).build());
    assertEquals(List.of(), run.all(ExecutorDecommissioned.class));
    assertEquals(List.of("300 Executor lost (failures.executors[0])"), lost(run, "1"));
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  /** A scripted loss of an executor already lost does nothing either. */
  @Test
  void executorLostTwiceByScript_isLostOnce() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).loseExecutor("1", 300).loseExecutor("1", 600)
        .job("j", stage("s", 1, 1000)).build());
    assertEquals(List.of("300 Executor lost (failures.executors[0])"), lost(run, "1"));
  }
}
