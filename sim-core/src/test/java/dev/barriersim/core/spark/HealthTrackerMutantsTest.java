package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorExcluded;
import dev.barriersim.core.event.SimEvent.ExecutorUnexcluded;
import dev.barriersim.core.event.SimEvent.NodeExcluded;
import dev.barriersim.core.event.SimEvent.NodeUnexcluded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import dev.barriersim.core.testing.SpecBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Application-level exclusion details of Spark's {@code HealthTracker} that {@link HealthTrackerSuiteTest}
 * leaves open: failures timing out ({@code dropFailuresWithTimeoutBefore}), host exclusion and its
 * expiry ({@code updateExcludedForSuccessfulTaskSet}, {@code applyExcludeOnFailureTimeout}), and an
 * executor that is excluded only once.
 */
class HealthTrackerMutantsTest {
  private static final long TIMEOUT_MS = 10_000;

  private static ExcludeOnFailureConf tenSeconds() {
    return new ExcludeOnFailureConf(true, 1, 2, 2, 2, 2, 2, TIMEOUT_MS, 120_000);
  }

  private static List<ExecutorExcluded> applicationExclusions(RecordedRun run) {
    return run.all(ExecutorExcluded.class, e -> e.scope() == ExclusionScope.APPLICATION);
  }

  /**
   * Two executors of one core: job "a" fails p0 on executor 0 at 500 ms (counted until 10.5 s) and
   * succeeds on executor 1; job "b" at {@code bAt} fails its task on executor 0 too and succeeds
   * 1.5 s later.
   */
  private static RecordedRun twoSuccessfulSetsWithOneFailureEach(long bAt) {
    return RecordedRun.of(spec().executors(2, 1).excludeOnFailure(tenSeconds())
        .job("a", stage("s", 1, 1000))
        .job("b", bAt, "default", stage("t", 1, 1000))
        .fail("a", "s", 0, 0, 0, 500)
        .fail("b", "t", 0, 0, 0, 500).build());
  }

  /**
   * {@code ExecutorFailureList.dropFailuresWithTimeoutBefore} keeps a failure whose expiry equals
   * now (Spark filters {@code expiry >= dropBefore}): "b" succeeds at exactly 10.5 s, so executor 0
   * has two failures and is excluded.
   */
  @Test
  void dropFailuresWithTimeoutBefore_keepsAFailureExpiringNow() {
    RecordedRun run = twoSuccessfulSetsWithOneFailureEach(9000);
    List<ExecutorExcluded> app = applicationExclusions(run);
    assertEquals(1, app.size());
    assertEquals("0", app.get(0).executor());
    assertEquals(10_500, app.get(0).t());
    assertEquals(2, app.get(0).failures());
  }

  /** {@code dropFailuresWithTimeoutBefore}: "b" succeeds at 11.5 s, after "a"'s failure timed out, so one failure counts. */
  @Test
  void dropFailuresWithTimeoutBefore_forgetsATimedOutFailure() {
    RecordedRun run = twoSuccessfulSetsWithOneFailureEach(10_000);
    assertTrue(applicationExclusions(run).isEmpty(), "the failure of job a timed out at 10.5 s");
  }

  /**
   * {@code updateExcludedForSuccessfulTaskSet} excludes an executor only if it is not excluded yet:
   * jobs "a" and "b" each fail two tasks on executor 0 (4 cores); "a" succeeds first and excludes
   * it, "b"'s later success must not exclude it again.
   */
  @Test
  void updateExcludedForSuccessfulTaskSet_doesNotExcludeAnExcludedExecutorAgain() {
    // a.p0, a.p2, b.p0, b.p1 start on executor 0 at 0; a.p1 on executor 1.
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).executors(1, 1).excludeOnFailure(tenSeconds())
        .job("a", stage("s", 3, 1000))
        .job("b", stage("t", 2, 1000))
        .fail("a", "s", 0, 0, 0, 500).fail("a", "s", 2, 0, 0, 500)
        .fail("b", "t", 0, 0, 0, 500).fail("b", "t", 1, 0, 0, 500).build());
    List<String> onExecutor0 = run.all(TaskLaunched.class, l -> l.attempt() == 0 && l.executor().equals("0")).stream()
        .map(l -> l.stage() + l.partition()).toList();
    assertEquals(List.of("s0", "s2", "t0", "t1"), onExecutor0);
    List<ExecutorExcluded> app = applicationExclusions(run);
    assertEquals(1, app.size(), app.toString());
    assertEquals("0", app.get(0).executor());
  }

  /**
   * Host-0 holds executors 0 and 1 (2 cores each), host-1 executor 2. Job "flaky" fails two tasks
   * on each host-0 executor at 500 ms and succeeds at 2 s: both executors and, with
   * {@code application.maxFailedExecutorsPerNode} 2, host-0 are excluded until 12 s.
   */
  private static SpecBuilder hostZeroFails() {
    return spec().executorsPerHost(2, 2, 2).executors(1, 2).excludeOnFailure(tenSeconds())
        .job("flaky", stage("s", 6, 1000))
        .fail("flaky", "s", 0, 0, 0, 500).fail("flaky", "s", 3, 0, 0, 500)
        .fail("flaky", "s", 1, 0, 0, 500).fail("flaky", "s", 4, 0, 0, 500);
  }

  /**
   * {@code updateExcludedForSuccessfulTaskSet} excludes the host once two of its executors are
   * excluded, and {@code isNodeExcluded} leaves only that host out: a job at 4 s runs on host-1.
   */
  @Test
  void updateExcludedForSuccessfulTaskSet_excludesTheHostOfTwoExcludedExecutorsAndNoOther() {
    RecordedRun run = RecordedRun.of(hostZeroFails().job("later", 4000, "default", stage("t", 3, 1000)).build());
    List<NodeExcluded> nodes = run.all(NodeExcluded.class, n -> n.scope() == ExclusionScope.APPLICATION);
    assertEquals(1, nodes.size());
    assertEquals("host-0", nodes.get(0).host());
    assertEquals(2000, nodes.get(0).t());
    assertEquals(2, nodes.get(0).executors());
    assertEquals(2000 + TIMEOUT_MS, nodes.get(0).expiresMs());
    List<TaskLaunched> later = run.all(TaskLaunched.class, l -> l.stage().equals("t"));
    assertEquals(List.of(4000L, 4000L, 5000L), later.stream().map(TaskLaunched::t).toList());
    assertTrue(later.stream().allMatch(l -> l.executor().equals("2")));
  }

  /**
   * {@code applyExcludeOnFailureTimeout} lifts the host once, after its expiry: a job at 14 s runs
   * on host-0's executors again.
   */
  @Test
  void applyExcludeOnFailureTimeout_liftsTheHostExclusionOnce() {
    RecordedRun run = RecordedRun.of(hostZeroFails().job("after", 14_000, "default", stage("u", 3, 1000)).build());
    List<NodeUnexcluded> un = run.all(NodeUnexcluded.class);
    assertEquals(1, un.size(), un.toString());
    assertEquals("host-0", un.get(0).host());
    assertEquals(14_000, un.get(0).t());
    assertEquals(List.of("0", "1", "2"),
        run.all(TaskLaunched.class, l -> l.stage().equals("u")).stream().map(TaskLaunched::executor).toList());
  }

  /**
   * {@code applyExcludeOnFailureTimeout} compares strictly: host-0 holds executors 0 and 1, host-1
   * executor 2 (2 cores each). Job "a" fails two tasks on executor 0 and succeeds at 1.5 s (expiry
   * 11.5 s); job "b" fails two on executor 1 and succeeds at 4.5 s (expiry 14.5 s, host-0 with it).
   * The first round after that, job "c"'s submission at 14.5 s, lifts executor 0 only; executor 1
   * and host-0 wait for a round strictly after 14.5 s.
   */
  @Test
  void applyExcludeOnFailureTimeout_keepsAnExclusionThatExpiresNow() {
    RecordedRun run = RecordedRun.of(spec().executorsPerHost(2, 2, 2).executors(1, 2).excludeOnFailure(tenSeconds())
        .job("a", stage("s", 4, 1000))
        .job("b", 2500, "default", stage("t", 4, 1000))
        .job("c", 14_500, "default", stage("u", 3, 1000))
        .fail("a", "s", 0, 0, 0, 500).fail("a", "s", 3, 0, 0, 500)
        .fail("b", "t", 0, 0, 0, 500).fail("b", "t", 2, 0, 0, 500).build());
    List<String> lifted = run.all(SimEvent.class, e -> e instanceof ExecutorUnexcluded || e instanceof NodeUnexcluded)
        .stream().map(e -> e.t() + " " + (e instanceof NodeUnexcluded n ? n.host() : ((ExecutorUnexcluded) e).executor()))
        .toList();
    // 15 s is the next periodic revive.
    assertEquals(List.of("14500 0", "15000 1", "15000 host-0"), lifted);
    List<TaskLaunched> c = run.all(TaskLaunched.class, l -> l.stage().equals("u"));
    assertEquals(List.of("14500 2", "14500 2", "15000 0"),
        c.stream().map(l -> l.t() + " " + l.executor()).toList(), "host-0 stays out at 14.5 s");
  }

  /**
   * {@code isNodeExcluded} covers a host's executor that failed nothing: host-0 holds executors 0,
   * 1 and 2, host-1 executor 3 (2 cores each); executors 0 and 1 fail two tasks each, so at 2 s
   * they and host-0 are excluded (for Spark's default hour), and a job at 4 s runs on executor 3 alone.
   */
  @Test
  void isNodeExcluded_leavesTheHealthyExecutorOfAnExcludedHostOut() {
    RecordedRun run = RecordedRun.of(spec().executorsPerHost(3, 2, 3).executors(1, 2)
        .excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("flaky", stage("s", 8, 1000))
        .job("later", 4000, "default", stage("t", 4, 1000))
        .fail("flaky", "s", 0, 0, 0, 500).fail("flaky", "s", 4, 0, 0, 500)
        .fail("flaky", "s", 1, 0, 0, 500).fail("flaky", "s", 5, 0, 0, 500).build());
    assertEquals(List.of("0", "1"), applicationExclusions(run).stream().map(ExecutorExcluded::executor).toList());
    assertEquals(1, run.all(NodeExcluded.class, n -> n.scope() == ExclusionScope.APPLICATION).size());
    List<TaskLaunched> later = run.all(TaskLaunched.class, l -> l.stage().equals("t"));
    assertEquals(List.of("4000 3", "4000 3", "5000 3", "5000 3"),
        later.stream().map(l -> l.t() + " " + l.executor()).toList());
  }

  /**
   * {@code updateExcludedForSuccessfulTaskSet} excludes a host once: executors 0, 1 and 2 of host-0
   * each fail two tasks of one successful TaskSet, so all three are excluded and host-0 once.
   */
  @Test
  void updateExcludedForSuccessfulTaskSet_excludesTheHostOnceForThreeExecutors() {
    RecordedRun run = RecordedRun.of(spec().executorsPerHost(3, 2, 3).executors(1, 2)
        .excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("flaky", stage("s", 8, 1000))
        .fail("flaky", "s", 0, 0, 0, 500).fail("flaky", "s", 4, 0, 0, 500)
        .fail("flaky", "s", 1, 0, 0, 500).fail("flaky", "s", 5, 0, 0, 500)
        .fail("flaky", "s", 2, 0, 0, 500).fail("flaky", "s", 6, 0, 0, 500).build());
    assertEquals(List.of("0", "1", "2"), applicationExclusions(run).stream().map(ExecutorExcluded::executor).toList());
    List<NodeExcluded> nodes = run.all(NodeExcluded.class, n -> n.scope() == ExclusionScope.APPLICATION);
    assertEquals(1, nodes.size(), nodes.toString());
    assertEquals(2, nodes.get(0).executors());
  }
}
