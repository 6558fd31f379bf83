package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.failure.TaskFailureSpec;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An executor group's own {@code launchLatency}: its tasks start their code later than the others'
 * ({@code Executor.TaskRunner.run} deserializes the task first; a fresh or loaded JVM takes longer).
 */
class ExecutorLaunchLatencyTest {
  private static TaskEnded endOf(RecordedRun run, int partition) {
    return run.all(TaskEnded.class, e -> e.partition() == partition).get(0);
  }

  /**
   * {@code BarrierTaskContext.runBarrier} polls once a second from its own call, and the
   * coordinator's timer runs from the first request: the sibling that called {@code barrier()}
   * 100 ms later sees the timeout at its second poll (FAILED at 2,300 ms), while the first one's
   * second poll comes exactly at the timeout and misses it, so it is KILLED at its third (3,200 ms),
   * as on Spark 3.5.9 (docs/fidelity.md, case e). Partition 2 hangs before its barrier().
   */
  @Test
  void laterStartingSibling_seesTheSyncTimeoutFirst() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).executorsWithLaunchLatency(1, 1, 100).executors(1, 1)
        .syncTimeout(2000).maxConsecutiveAttempts(1)
        .job("j", barrier("b", 3, new long[] {200, 200})).hang("j", "b", 2, TaskFailureSpec.AT_END).build());
    assertEquals(List.of("0", "1", "2"), List.of(endOf(run, 0).executor(), endOf(run, 1).executor(), endOf(run, 2).executor()));
    assertEquals(TaskStatus.FAILED, endOf(run, 1).status());
    assertEquals(2300L, endOf(run, 1).t());
    assertEquals(TaskStatus.KILLED, endOf(run, 0).status());
    assertEquals(3200L, endOf(run, 0).t());
  }

  /** A scripted failure's {@code after} counts from the start of the work on that executor: 100 + 500 ms. */
  @Test
  void failAfter_countsFromTheWorkStartOnItsExecutor() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).executorsWithLaunchLatency(1, 1, 100).latency(40, 0)
        .maxConsecutiveAttempts(1).job("j", barrier("b", 2, 2000)).fail("j", "b", 1, 0, 0, 500).build());
    TaskEnded failed = run.ends(TaskStatus.FAILED).get(0);
    assertEquals("1", failed.executor());
    assertEquals(600L, failed.t());
  }

  /** Executors without their own latency keep {@code simulation.latency.launch}: 40 + 1,000 ms. */
  @Test
  void otherExecutors_keepTheSimulationsLatency() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).executorsWithLaunchLatency(1, 1, 100).latency(40, 0)
        .job("j", stage("s", 2, 1000)).build());
    assertEquals(List.of(1040L, 1100L), run.ends(TaskStatus.SUCCESS).stream().map(TaskEnded::t).sorted().toList());
  }

  /** An own launch latency of 0 is one: with {@code simulation.latency.launch} 40 ms, that executor's task ends at 1,000 ms. */
  @Test
  void ownLatencyOfZero_overridesTheSimulationsLatency() {
    RecordedRun run = RecordedRun.of(spec().executorsWithLaunchLatency(1, 1, 0).latency(40, 0)
        .job("j", stage("s", 1, 1000)).build());
    assertEquals(List.of(1000L), run.ends(TaskStatus.SUCCESS).stream().map(TaskEnded::t).toList());
  }
}
