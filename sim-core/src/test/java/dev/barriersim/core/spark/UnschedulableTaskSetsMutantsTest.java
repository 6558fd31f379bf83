package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.testing.RecordedRun;
import dev.barriersim.core.testing.SpecBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The abort of a TaskSet that cannot run anywhere, as Spark's {@code TaskSchedulerImpl.resourceOffers}
 * and {@code TaskSetManager.getCompletelyExcludedTaskIfAny} decide it, in the cases
 * {@link TaskSetExcludelistSuiteTest} leaves open: the timer reset by a launch, dynamic allocation,
 * lost executors, hosts excluded at each level, and the task the message names.
 */
class UnschedulableTaskSetsMutantsTest {
  private static final String CANNOT_RUN = "cannot run anywhere due to node and executor excludeOnFailure.";

  private static JobEnded end(RecordedRun run, String job) {
    List<JobEnded> ends = run.all(JobEnded.class, e -> e.job().equals(job));
    assertEquals(1, ends.size(), job + " ends once");
    return ends.get(0);
  }

  private static void assertAborted(RecordedRun run, String job, long at, int task) {
    JobEnded e = end(run, job);
    assertEquals(JobStatus.FAILED, e.result());
    assertEquals(at, e.t());
    assertTrue(e.reason().contains("because task " + task + " (partition " + task + ")\n" + CANNOT_RUN), e.reason());
  }

  private static SpecBuilder on() {
    return spec().excludeOnFailure(ExcludeOnFailureConf.ENABLED);
  }

  /**
   * "SPARK-22148 abort timer should clear unschedulableTaskSetToExpiryTime for all TaskSets": job
   * "a"'s only task fails on both executors (timer from 1 s); job "b"'s launch at 10 s clears the
   * timer, and the first round after "b" (its end at 11 s) starts a new one, so "a" aborts at 131 s, not 121 s.
   */
  @Test
  void resourceOffers_aLaunchAnywhereRestartsTheAbortTimer() {
    RecordedRun run = RecordedRun.of(on().executors(2, 1)
        .job("a", stage("s", 1, 1000))
        .job("b", 10_000, "default", stage("t", 1, 1000))
        .fail("a", "s", 0, 0, 0, 500).fail("a", "s", 0, 0, 1, 500).build());
    assertEquals(JobStatus.SUCCEEDED, end(run, "b").result());
    assertAborted(run, "a", 11_000 + 120_000, 0);
  }

  /**
   * With dynamic allocation Spark waits for a new executor even when none is idle: the only
   * executor still runs p1 when p0 is excluded on it at 500 ms, yet the TaskSet aborts only 120 s later.
   */
  @Test
  void resourceOffers_dynamicAllocationWaitsForTheTimeoutWithNoIdleExecutor() {
    RecordedRun run = RecordedRun.of(on().executors(1, 2).dynamicAllocation()
        .job("j", stage("s", 2, 5000)).fail("j", "s", 0, 0, 0, 500).build());
    assertAborted(run, "j", 500 + 120_000, 0);
  }

  /**
   * An abort decided in one round is carried out once, with its own message: job "j" aborts at
   * 500 ms naming task 0, job "k" (submitted at 1 s) at 1.5 s naming its task 1.
   */
  @Test
  void abortSinceCompletelyExcludedOnFailure_eachAbortOnceWithItsOwnMessage() {
    RecordedRun run = RecordedRun.of(on().executors(1, 2)
        .job("j", stage("s", 2, 5000))
        .job("k", 1000, "default", stage("t", 2, 5000))
        .fail("j", "s", 0, 0, 0, 500)
        .fail("k", "t", 1, 0, 0, 500).build());
    assertAborted(run, "j", 500, 0);
    assertAborted(run, "k", 1500, 1);
  }

  /** The message names the excluded task: p1 fails on the only executor, which still runs p0. */
  @Test
  void getCompletelyExcludedTaskIfAny_namesTheExcludedTask() {
    RecordedRun run = RecordedRun.of(on().executors(1, 2)
        .job("j", stage("s", 2, 5000)).fail("j", "s", 1, 0, 0, 500).build());
    assertAborted(run, "j", 500, 1);
  }

  /**
   * A lost executor counts for nothing: p0 fails on executor 0 and its retry is lost with executor
   * 1 at 800 ms, so p0 is excluded on every live executor and the timer aborts at 120.8 s.
   */
  @Test
  void getCompletelyExcludedTaskIfAny_skipsLostExecutors() {
    RecordedRun run = RecordedRun.of(on().executors(2, 1)
        .job("j", stage("s", 1, 1000)).fail("j", "s", 0, 0, 0, 500).loseExecutor("1", 800).build());
    assertAborted(run, "j", 800 + 120_000, 0);
  }

  /**
   * A host excluded for the task covers its executors that never ran it: host-0 holds executors
   * 0, 1 and 2; p0 fails on 0 and then on 1, so executor 2 may not take it either, and with
   * executors idle the timer aborts at 121 s.
   */
  @Test
  void getCompletelyExcludedTaskIfAny_countsAHostExcludedForTheTask() {
    RecordedRun run = RecordedRun.of(on().executorsPerHost(3, 1, 3)
        .job("j", stage("s", 1, 1000)).fail("j", "s", 0, 0, 0, 500).fail("j", "s", 0, 0, 1, 500).build());
    assertAborted(run, "j", 1000 + 120_000, 0);
  }

  /**
   * A host excluded for the TaskSet covers its executor that failed nothing: host-0 holds
   * executors 0, 1 and 2 (2 cores each, the only ones); 0 and 1 fail two tasks each at 500 ms, so
   * p4's retry can go nowhere and, with executor 2 still busy and 0, 1 running retries, Spark aborts at once.
   */
  @Test
  void getCompletelyExcludedTaskIfAny_countsAHostExcludedForTheTaskSet() {
    RecordedRun run = RecordedRun.of(on().executorsPerHost(3, 2, 3)
        .job("j", stage("s", 6, 1000))
        .fail("j", "s", 0, 0, 0, 500).fail("j", "s", 3, 0, 0, 500)
        .fail("j", "s", 1, 0, 0, 500).fail("j", "s", 4, 0, 0, 500).build());
    assertAborted(run, "j", 500, 4);
  }

  /**
   * A host excluded for the application covers its executor that failed nothing: host-0 holds
   * executors 0, 1, 2 and host-1 executor 3; job "flaky" gets 0 and 1, and so host-0, excluded at 2 s.
   * Job "later"'s task fails on executor 3 at 4.5 s and can go nowhere else, so the timer aborts it 120 s later.
   */
  @Test
  void getCompletelyExcludedTaskIfAny_countsAHostExcludedForTheApplication() {
    RecordedRun run = RecordedRun.of(on().executorsPerHost(3, 2, 3).executors(1, 2)
        .job("flaky", stage("s", 8, 1000))
        .job("later", 4000, "default", stage("t", 1, 1000))
        .fail("flaky", "s", 0, 0, 0, 500).fail("flaky", "s", 4, 0, 0, 500)
        .fail("flaky", "s", 1, 0, 0, 500).fail("flaky", "s", 5, 0, 0, 500)
        .fail("later", "t", 0, 0, 0, 500).build());
    assertEquals(JobStatus.SUCCEEDED, end(run, "flaky").result());
    assertAborted(run, "later", 4500 + 120_000, 0);
  }
}
