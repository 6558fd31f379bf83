package dev.barriersim.core.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.SimEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only attempts that nothing can reach anymore are reused, and a reused attempt is as good as a new one. */
class AttemptPoolTest {
  private static TaskSetManager taskSet() {
    Pool pool = new Pool(PoolSpec.defaultPool(), new TaskSetQueue.Version());
    dev.barriersim.core.workload.StageSpec spec = new dev.barriersim.core.workload.StageSpec("s", 4, false, List.of(),
        null, List.of(dev.barriersim.core.random.DurationSpec.constant(1)), null);
    ActiveJob job = new ActiveJob(0, "j", new dev.barriersim.core.workload.JobSpec("j", 0, "default", null, List.of(spec)),
        0, 0, pool);
    return new TaskSetManager(new Stage(0, spec, job, true, new dev.barriersim.core.cluster.ResourceDemand(1, new int[0])),
        0, pool, null);
  }

  /** An attempt the driver processed as a plain success. */
  private static TaskAttempt succeeded(AttemptPool pool, TaskSetManager ts) {
    TaskAttempt t = pool.launch(ts, 1, 0, 7, null, 100, null, TaskPlan.HEALTHY, null);
    t.ended(EndCause.SUCCESS, null);
    t.finished = true;
    return t;
  }

  /** The pool grows past its first 64 places: a burst of ended tasks is kept whole and handed back last in, first out. */
  @Test
  void aBurstOfMoreEndedAttemptsThanTheFirstArrayHoldsIsKeptWhole() {
    AttemptPool pool = new AttemptPool();
    TaskSetManager ts = taskSet();
    List<TaskAttempt> ended = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) ended.add(succeeded(pool, ts));
    for (TaskAttempt t : ended) pool.release(t);
    assertEquals(200, pool.size());
    for (int i = 199; i >= 0; i--) {
      assertSame(ended.get(i), pool.launch(ts, 1, 0, 1000 + i, null, 300, null, TaskPlan.HEALTHY, null));
    }
    assertEquals(0, pool.size());
  }

  @Test
  void aReusedAttemptHasEveryFieldOfANewOne() {
    AttemptPool pool = new AttemptPool();
    TaskSetManager ts = taskSet();
    TaskAttempt old = succeeded(pool, ts);
    // Dirty every field a run can change, as a long life would.
    old.phaseEndMs = 11;
    old.runningSlot = 5;
    old.executorLane = 6;
    old.hold(new HeldResources(List.of("gpu"), new int[][] {{0}}));
    pool.release(old);
    assertEquals(1, pool.size());

    Executor e = null;
    TaskAttempt reused = pool.launch(ts, 3, 2, 9, e, 200, null, TaskPlan.HEALTHY, null);
    TaskAttempt fresh = new TaskAttempt(ts, 3, 2, 9, e, 200, null, TaskPlan.HEALTHY, null);
    assertSame(old, reused, "the pool hands back the attempt it kept");
    assertEquals(0, pool.size());
    assertSameState(fresh, reused);
  }

  /** Extras given to an attempt for its custom resources stay with it through reuse, reset to a new attempt's. */
  @Test
  void aReusedAttemptWithExtrasHasEveryFieldOfANewOne() {
    AttemptPool pool = new AttemptPool();
    TaskSetManager ts = taskSet();
    TaskAttempt old = pool.launch(ts, 1, 0, 7, null, 100, null, TaskPlan.HEALTHY, null);
    old.hold(new HeldResources(List.of("gpu"), new int[][] {{0}}));
    old.ended(EndCause.SUCCESS, null);
    old.finished = true;
    pool.release(old);
    TaskAttempt withPhases = pool.launch(ts, 3, 2, 9, null, 200, new long[] {4, 5}, TaskPlan.HEALTHY, null);
    assertSame(old, withPhases);
    withPhases.enterBarrier(204);
    withPhases.leftBarrier(210);
    withPhases.nextPhase();
    withPhases.ended(EndCause.KILLED, "killed");
    assertEquals(1, withPhases.phase());
    assertEquals(5, withPhases.phaseMs(1));
    assertEquals(List.of(204L, 210L), java.util.Arrays.stream(withPhases.barrierWaits()).boxed().toList());
    assertEquals("killed", withPhases.endReason());
    assertEquals(0, pool.size(), "an attempt with phases is not reused");

    // Relaunch the same object directly, as a reuse would, and compare it with a new plain attempt.
    withPhases.launch(ts, 3, 2, 9, null, 200, null, TaskPlan.HEALTHY, null);
    assertSameState(new TaskAttempt(ts, 3, 2, 9, null, 200, null, TaskPlan.HEALTHY, null), withPhases);
  }

  private static void assertSameState(TaskAttempt fresh, TaskAttempt reused) {
    assertEquals(fresh.taskSet, reused.taskSet);
    assertEquals(fresh.index, reused.index);
    assertEquals(fresh.partition, reused.partition);
    assertEquals(fresh.attempt, reused.attempt);
    assertEquals(fresh.taskId, reused.taskId);
    assertEquals(fresh.executor, reused.executor);
    assertEquals(fresh.launchMs, reused.launchMs);
    assertEquals(fresh.phaseEndMs, reused.phaseEndMs);
    assertEquals(fresh.state, reused.state);
    assertEquals(fresh.phase(), reused.phase());
    assertEquals(fresh.nextStep, reused.nextStep);
    assertEquals(fresh.failTimer(), reused.failTimer());
    assertEquals(fresh.hangTimer(), reused.hangTimer());
    assertEquals(fresh.killed, reused.killed);
    assertNull(reused.endCause);
    assertNull(reused.endReason());
    assertEquals(fresh.finished, reused.finished);
    assertEquals(fresh.runningSlot, reused.runningSlot);
    assertEquals(fresh.executorLane, reused.executorLane);
    assertNull(reused.resources());
    assertSame(SimEvent.TaskEnded.NO_WAITS, reused.barrierWaits());
    assertSame(TaskPlan.HEALTHY, reused.plan());
    assertNull(reused.fetchFailedFrom());
    assertEquals(true, reused.isLastPhase());
  }

  @Test
  void attemptsThatSomethingMayStillReachAreNotReused() {
    AttemptPool pool = new AttemptPool();
    TaskSetManager ts = taskSet();

    TaskAttempt unprocessed = succeeded(pool, ts);
    unprocessed.finished = false; // its status update is still to come
    TaskAttempt failed = succeeded(pool, ts);
    failed.endCause = EndCause.EXCEPTION;
    TaskAttempt killed = succeeded(pool, ts);
    killed.killed = true; // the kill's own end may still be pending
    TaskAttempt pendingStep = succeeded(pool, ts);
    pendingStep.hangTimer(42);
    TaskAttempt withPhases = pool.launch(ts, 1, 0, 8, null, 100, new long[] {1, 2}, TaskPlan.HEALTHY, null);
    withPhases.endCause = EndCause.SUCCESS; // a coordinator may still list it
    withPhases.finished = true;
    TaskAttempt planned = pool.launch(ts, 1, 0, 8, null, 100, null,
        new TaskPlan(TaskAttempt.NEVER, true, TaskAttempt.NEVER, false, "boom"), null);
    planned.endCause = EndCause.SUCCESS;
    planned.finished = true;
    for (TaskAttempt t : List.of(unprocessed, failed, killed, pendingStep, withPhases, planned)) pool.release(t);
    assertEquals(0, pool.size());

    TaskAttempt plain = succeeded(pool, ts);
    pool.release(plain);
    assertEquals(1, pool.size());
    TaskAttempt next = pool.launch(ts, 0, 0, 1, null, 0, null, TaskPlan.HEALTHY, null);
    assertSame(plain, next, "a plain success is reused");
    assertNotSame(failed, pool.launch(ts, 0, 0, 2, null, 0, null, TaskPlan.HEALTHY, null), "the pool is empty again");
  }
}
