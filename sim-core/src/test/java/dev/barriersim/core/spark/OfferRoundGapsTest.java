package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.SimEvent.ExecutorExcluded;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Offer rounds' behaviours that PIT's survivors showed no test pinned (docs/properties.md, "Observable, not covered"). */
class OfferRoundGapsTest {

  /**
   * {@code TaskSchedulerImpl.shuffleOffers} shuffles every offer of the round, however many: with 20
   * one-core executors, 20 tasks land one on each executor at 0 ms.
   */
  @Test
  void shuffledRound_overTwentyExecutors_offersEveryExecutor() {
    RecordedRun run = RecordedRun.of(spec().seed(3).shuffledOffers().executors(20, 1).job("j", stage("s", 20, 1000)).build());
    List<TaskLaunched> launches = run.launches("s", 0);
    assertEquals(20, launches.size());
    assertTrue(launches.stream().allMatch(l -> l.t() == 0));
    Set<String> executors = new TreeSet<>();
    launches.forEach(l -> executors.add(l.executor()));
    assertEquals(20, executors.size(), executors.toString());
  }

  /**
   * {@code TaskSchedulerImpl.resourceOffers} filters the application-excluded executors out
   * ({@code filteredOffers}) before {@code shuffleOffers}: with shuffled offers, the executor the
   * first job's two failures (partitions 0 and 2, both on the executor partition 0 got) exclude for
   * the application gets no task of the later job, whatever the seed.
   */
  @Test
  void shuffledRound_leavesAnApplicationExcludedExecutorOut() {
    for (long seed = 1; seed <= 4; seed++) {
      RecordedRun run = RecordedRun.of(spec().seed(seed).shuffledOffers().executors(2, 1)
          .excludeOnFailure(ExcludeOnFailureConf.ENABLED)
          .job("flaky", stage("s", 3, 1000))
          .job("later", 10_000, "default", stage("t", 4, 1000))
          .fail("flaky", "s", 0, 0, 0, 500)
          .fail("flaky", "s", 2, 0, 0, 500).build());
      List<ExecutorExcluded> app = run.all(ExecutorExcluded.class, e -> e.scope() == ExclusionScope.APPLICATION);
      assertTrue(!app.isEmpty(), "seed " + seed + ": an executor is excluded for the application");
      Set<String> excluded = new TreeSet<>();
      app.forEach(e -> excluded.add(e.executor()));
      List<TaskLaunched> later = run.all(TaskLaunched.class, l -> l.stage().equals("t"));
      assertEquals(4, later.size());
      assertTrue(later.stream().noneMatch(l -> excluded.contains(l.executor())), "seed " + seed + ": " + later);
    }
  }

  /**
   * {@code TaskSetManager.getCompletelyExcludedTaskIfAny} finds no task in a set whose only pending
   * entry is a task with a copy running ({@code dequeueTaskFromList} skips it), so
   * {@code TaskSchedulerImpl.resourceOffers} starts no unschedulable timer: partition 1's original
   * fails at 5 s while its speculative copy runs to about 201 s, and the job succeeds rather than
   * being aborted at the 120 s timeout.
   */
  @Test
  void setWhoseOnlyPendingTaskHasACopyRunning_isNotCompletelyExcluded() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .speculation(new SpeculationConf(true, 100, 1.5, 0.5, 100))
        .job("j", stagePerPartition("s", new long[] {1000, 200_000})).fail("j", "s", 1, 0, 0, 5000).build());
    List<JobEnded> ends = run.all(JobEnded.class);
    assertEquals(1, ends.size());
    assertEquals(JobStatus.SUCCEEDED, ends.get(0).result(), ends.get(0).reason());
    assertTrue(ends.get(0).t() > 200_000L, "the copy finishes the job");
  }

  /**
   * {@code TaskSetManager.dequeueTaskFromList} skips the tasks excluded on the offered executor, and
   * {@code resourceOfferSingleTaskSet} then launches nothing there: executor 0 (2 cores) is excluded
   * for the retries of partitions 0 and 2 (both failed there at 100 ms); when executor 1 is lost at
   * 500 ms, the revived round's first sweep gives partition 1 to executor 0 and the next sweep finds
   * nothing else it may run there.
   */
  @Test
  void laterSweep_skipsAnExecutorEveryPendingTaskIsExcludedOn() {
    ExcludeOnFailureConf d = ExcludeOnFailureConf.ENABLED;
    ExcludeOnFailureConf conf = new ExcludeOnFailureConf(true, 1, d.maxTaskAttemptsPerNode(), 3,
        d.stageMaxFailedExecutorsPerNode(), d.applicationMaxFailedTasksPerExecutor(),
        d.applicationMaxFailedExecutorsPerNode(), d.timeoutMs(), d.unschedulableTaskSetTimeoutMs());
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).excludeOnFailure(conf)
        .job("j", stage("s", 3, 10_000)).fail("j", "s", 0, 0, 0, 100).fail("j", "s", 2, 0, 0, 100)
        .loseExecutor("1", 500).build());
    List<TaskLaunched> at500 = run.all(TaskLaunched.class, l -> l.t() == 500);
    assertEquals(List.of("1.1@0"), at500.stream().map(l -> l.partition() + "." + l.attempt() + "@" + l.executor()).toList());
  }

  /**
   * {@code TaskSetManager.dequeueTask} finds no pending task for an executor the task is excluded
   * on ({@code dequeueTaskFromList} skips it), and no copy may run on a host where its task ran
   * ({@code hasAttemptOnHost}): both executors share host-0, copies of partitions 1 and 2 wait, and
   * partition 2 fails on executor 0 at 5 s. The round revived then launches nothing on executor 0;
   * the retry waits for executor 1, free at 200 s.
   */
  @Test
  void sweepWithCopiesWaiting_skipsAnExecutorThePendingTaskIsExcludedOn() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 1, 2, null).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .speculation(new SpeculationConf(true, 100, 1.5, 0.5, 100))
        .job("j", stagePerPartition("s", new long[] {1000, 200_000, 200_000})).fail("j", "s", 2, 0, 0, 4000).build());
    assertEquals(List.of("0.0@0 t=0", "1.0@1 t=0", "2.0@0 t=1000", "2.1@1 t=200000"), run.all(TaskLaunched.class).stream()
        .map(l -> l.partition() + "." + l.attempt() + "@" + l.executor() + " t=" + l.t()).toList());
    List<JobEnded> ends = run.all(JobEnded.class);
    assertEquals(1, ends.size());
    assertEquals(JobStatus.SUCCEEDED, ends.get(0).result(), ends.get(0).reason());
  }

  /**
   * {@code TaskSchedulerImpl.shuffleOffers} draws afresh in every full round: here each round's draws
   * are keyed by the round's number, so three jobs submitted 5 s apart (each a full round over the
   * same 5 idle executors) get their 5 tasks in orders of their own, the same on every run of seed 7
   * (the order of each job's partitions 0-4 by executor).
   */
  @Test
  void shuffledRounds_drawAnOrderPerRound() {
    RecordedRun run = RecordedRun.of(spec().seed(7).shuffledOffers().executors(5, 1)
        .job("a", 0, "default", stage("a", 5, 1000))
        .job("b", 5000, "default", stage("b", 5, 1000))
        .job("c", 10_000, "default", stage("c", 5, 1000)).build());
    List<String> orders = List.of("a", "b", "c").stream()
        .map(s -> String.join("", run.launches(s, 0).stream().map(TaskLaunched::executor).toList())).toList();
    // Pinned from a run of the current code: a change in how rounds key their draws moves them.
    assertEquals(List.of("04213", "04231", "03142"), orders);
  }
}
