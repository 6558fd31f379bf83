package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.ExecutorLost;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.JobSubmitted;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.StageStatus;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.testing.RecordedRun;
import dev.barriersim.core.workload.StageSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stage submission, completion and resubmission rules pinned by Spark's {@code DAGSchedulerSuite}. */
class DAGSchedulerSuiteTest {

  private static StageSpec perPartition(String name, long[] durations, String... parents) {
    return new StageSpec(name, durations.length, false, List.of(parents), null,
        List.of(DurationSpec.of(new Distribution.PerPartition(durations))), null);
  }

  private static List<String> stagesSubmittedAt(RecordedRun run, long t) {
    return run.all(StageSubmitted.class, s -> s.t() == t).stream().map(StageSubmitted::stage).toList();
  }

  /** The run's event log opens with RunStarted, naming the scenario and its seed. */
  @Test
  void eventLogOpensWithRunStarted() {
    RecordedRun run = RecordedRun.of(spec().name("opening").seed(42).executors(1, 1).job("j", stage("s", 1, 10)).build());
    assertEquals(new SimEvent.RunStarted(0, "opening", 42), run.events.get(0));
  }

  /** A job's result stage completes at the instant its last partition succeeds, just before the job ends. */
  @Test
  void resultStageCompletes_whenItsJobSucceeds() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 1).job("j", stage("a", 1, 100), stage("r", 1, 100, "a")).build());
    List<StageCompleted> completed = run.all(StageCompleted.class);
    assertEquals(List.of("a", "r"), completed.stream().map(StageCompleted::stage).toList());
    assertEquals(200L, completed.get(1).t());
    assertEquals(StageStatus.SUCCEEDED, completed.get(1).result());
    int last = run.events.size() - 1;
    assertEquals(completed.get(1), run.events.get(last - 1));
    assertTrue(run.events.get(last) instanceof JobEnded);
  }

  /** {@code submitStage} submits missing parents by stage id ({@code sortBy(_.id)}), whatever order the child lists them in. */
  @Test
  void missingParents_areSubmittedInStageIdOrder() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .job("j", stage("a", 1, 100), stage("b", 1, 100), stage("c", 1, 100, "b", "a")).build());
    assertEquals(List.of("a", "b"), stagesSubmittedAt(run, 0));
  }

  /** Job ids (the FIFO priority) follow submission time, not the order in which the scenario lists the jobs. */
  @Test
  void jobIds_followSubmissionTime_notDeclarationOrder() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2)
        .job("late", 1000, "default", stage("l", 2, 1000)).job("early", 0, "default", stage("e", 4, 2000)).build());
    assertEquals(List.of("early", "late"), run.all(JobSubmitted.class).stream().map(JobSubmitted::job).toList());
    assertEquals(List.of(0, 1), run.all(JobSubmitted.class).stream().map(JobSubmitted::jobId).toList());
    assertEquals(List.of(2000L), run.launchInstants("e", 0).subList(1, 2));
    assertEquals(List.of(4000L), run.launchInstants("l", 0));
  }

  /**
   * {@code resubmitFailedStages} submits failed stages by job ({@code sortBy(_.firstJobId)}): job
   * "early" (id 0) started late after a failed slot check, so its stage has the higher id, and
   * yet it is resubmitted before the stage of job "later" (id 1) that failed 50 ms before it.
   */
  @Test
  void failedStagesOfTwoJobs_areResubmittedInJobOrder() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).addAt(500, 1, 4).slotCheck(1000, 5)
        .job("early", barrier("ga", 5, 3000), stage("ra", 1, 10, "ga"))
        .job("later", barrier("gb", 1, 5000), stage("rb", 1, 10, "gb"))
        .fail("early", "ga", 0, 0, 0, 150).fail("later", "gb", 0, 0, 0, 1100).build());
    StageSubmitted gb = run.all(StageSubmitted.class, s -> s.stage().equals("gb")).get(0);
    StageSubmitted ga = run.all(StageSubmitted.class, s -> s.stage().equals("ga")).get(0);
    assertTrue(gb.stageId() < ga.stageId(), "ga started later, with a higher stage id");
    assertEquals(List.of("ga", "gb"), stagesSubmittedAt(run, 1300));
  }

  /**
   * Aborting one job drops only its own stages from {@code failedStages}: the barrier stage of
   * another job that failed 100 ms earlier is still resubmitted at +200 ms.
   */
  @Test
  void abortingAJob_keepsOtherJobsFailedStagesForResubmission() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).taskMaxFailures(1)
        .job("ga", barrier("g", 2, 1000), stage("r", 1, 10, "g")).job("jb", stage("x", 1, 1000))
        .fail("ga", "g", 0, 0, 0, 500).fail("jb", "x", 0, 0, 0, 600).build());
    assertEquals("FAILED", run.result.jobs().get(1).status());
    assertEquals(List.of(700L), run.launchInstants("g", 1));
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  /**
   * A running map stage that loses the output of its partition 0 (executor 0 is lost) recomputes
   * it inside the same attempt, like any other lost partition.
   */
  @Test
  void lostOutputOfPartitionZero_isRecomputedInTheSameAttempt() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1)
        .job("j", stage("map", 4, 1000), stage("reduce", 1, 100, "map")).loseExecutor("0", 1500).build());
    List<TaskLaunched> retries = run.all(TaskLaunched.class, l -> l.stage().equals("map") && l.attempt() == 1);
    assertEquals(List.of(0, 2), retries.stream().map(TaskLaunched::partition).toList());
    assertTrue(retries.stream().allMatch(l -> l.stageAttempt() == 0));
    assertEquals(1, run.all(StageSubmitted.class, s -> s.stage().equals("map")).size());
    assertEquals(4100L, run.result.makespanMs());
  }

  /**
   * SPARK-23433 ({@code markPartitionCompleted}): after a fetch failure, attempt 1 of "r" covers
   * partitions 0-2, but attempt 0's partitions 0 and 2 are still running and succeed at 700,
   * while nothing is free to run attempt 1 (executors 0, 2, 3 are being decommissioned). Their
   * successes complete those partitions of attempt 1, which runs only partition 1.
   */
  @Test
  void partitionsCompletedByAnOlderAttempt_areNotRunAgainByTheNewerOne() {
    RecordedRun run = RecordedRun.of(spec().executors(4, 1)
        .job("j", stage("m", 2, 100), perPartition("r", new long[] {600, 300, 600, 100}, "m"), stage("c", 1, 10, "r"))
        .loseExecutor("1", 250).decommissionAt(500, "0", "2", "3").addAt(1000, 1, 1).build());
    StageSubmitted retry = run.all(StageSubmitted.class, s -> s.stage().equals("r") && s.stageAttempt() == 1).get(0);
    assertEquals(550L, retry.t());
    assertEquals(3, retry.tasks());
    assertEquals(List.of(0, 2), run.all(TaskEnded.class, e -> e.stage().equals("r") && e.stageAttempt() == 0
        && e.status() == TaskStatus.SUCCESS && e.t() == 700).stream().map(TaskEnded::partition).toList());
    assertEquals(List.of(1), run.launches("r", 1).stream().map(TaskLaunched::partition).toList());
    assertEquals(1310L, run.result.jobs().get(0).endMs());
  }

  /**
   * An executor lost after its task finished but before the status update reached the driver:
   * the task counts as lost (ExecutorLostFailure), once, and its retry runs elsewhere.
   */
  @Test
  void taskWhoseExecutorIsLostBeforeItsStatusArrives_endsOnceAsLost() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).latency(0, 500)
        .job("j", stage("s", 1, 1000)).loseExecutor("0", 1200).build());
    List<TaskEnded> ends = run.all(TaskEnded.class);
    assertEquals(2, ends.size());
    assertEquals(TaskStatus.FAILED, ends.get(0).status());
    assertEquals(1200L, ends.get(0).t());
    assertTrue(ends.get(0).reason().startsWith("ExecutorLostFailure (executor 0"), ends.get(0).reason());
    assertEquals(TaskStatus.SUCCESS, ends.get(1).status());
    assertEquals(2700L, run.result.makespanMs());
  }

  /** A task that finds a shuffle input missing fails when its work starts, after the launch latency. */
  @Test
  void fetchFailure_comesWhenTheTasksWorkStarts() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).latency(100, 0)
        .job("j", stage("map", 4, 1000), stage("reduce", 8, 1000, "map")).loseExecutor("1", 1500).build());
    List<TaskEnded> fetchFailures = run.all(TaskEnded.class, e -> e.reason() != null && e.reason().startsWith("FetchFailed"));
    assertEquals(3, fetchFailures.size());
    assertTrue(fetchFailures.stream().allMatch(e -> e.t() == e.launchMs() + 100), fetchFailures.toString());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  /**
   * Random executor losses ({@code mtbf}) bring a replacement only for an executor they take
   * down: executor 0, lost by script at 1 ms, gets no replacement when its random lifetime ends.
   */
  @Test
  void randomLossOfAnExecutorAlreadyLost_bringsNoReplacement() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).mtbf(5_000, 100).loseExecutor("0", 1).horizon(30_000)
        .job("j", stage("s", 1, 20_000)).build());
    List<ExecutorLost> lost = run.all(ExecutorLost.class);
    assertEquals(1, lost.stream().filter(l -> l.executor().equals("0")).count());
    List<Long> replacementsDue = lost.stream().filter(l -> l.reason().equals("Executor lost (failures.executors[0])"))
        .map(l -> l.t() + 100).filter(t -> t <= 30_000).toList();
    assertTrue(replacementsDue.size() >= 2, "random losses happen: " + lost);
    assertEquals(replacementsDue, run.all(ExecutorAdded.class, a -> a.t() > 0).stream().map(ExecutorAdded::t).toList());
  }

  /**
   * A map output registered twice counts once ({@code ShuffleStatus.addMapOutput}): partition 0
   * of "r" succeeds in attempt 0 on executor 0 at 700 and again in attempt 1 at 1150, while
   * partition 1 is still running; the stage completes only with partition 1, at 1300.
   */
  @Test
  void mapOutputRegisteredTwice_countsOnce_soTheStageCompletesWithItsLastPartition() {
    RecordedRun run = RecordedRun.of(spec().executors(4, 1)
        .job("j", stage("m", 2, 100), perPartition("r", new long[] {600, 300, 600, 100}, "m"), stage("c", 1, 10, "r"))
        .loseExecutor("1", 250).decommissionAt(500, "0", "2").addAt(1000, 1, 1).build());
    List<TaskEnded> p0 = run.all(TaskEnded.class, e -> e.stage().equals("r") && e.partition() == 0
        && e.status() == TaskStatus.SUCCESS);
    assertEquals(List.of("0@700", "3@1150"), p0.stream().map(e -> e.executor() + "@" + e.t()).toList());
    StageCompleted r = run.all(StageCompleted.class, c -> c.stage().equals("r") && c.stageAttempt() == 1).get(0);
    assertEquals(1300L, r.t());
    assertEquals(List.of(1300L), run.launchInstants("c", 0));
  }

  /**
   * A fetch failure makes the consuming TaskSetManager a zombie ({@code handleFailedTask}: "isZombie
   * = true"), so a sibling that fails afterwards, before the resubmission at +200 ms, is not retried
   * in that attempt: stage r's attempt 0 launches nothing after the fetch failure at 1510.
   */
  @Test
  void failureAfterAFetchFailure_isNotRetriedInTheZombieAttempt() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).latency(10, 0)
        .job("j", stage("m", 2, 1000), perPartition("r", new long[] {5000, 5000}, "m"))
        .loseExecutor("1", 1500).fail("j", "r", 0, 0, 0, 600).build());
    TaskEnded fetch = run.all(TaskEnded.class, e -> e.reason() != null && e.reason().startsWith("FetchFailed")).get(0);
    assertEquals(1510L, fetch.t());
    TaskEnded failed = run.all(TaskEnded.class, e -> e.stage().equals("r") && e.partition() == 0 && e.attempt() == 0).get(0);
    assertEquals(TaskStatus.FAILED, failed.status());
    assertEquals(1620L, failed.t());
    assertEquals(List.of(), run.all(TaskLaunched.class, l -> l.stage().equals("r") && l.stageAttempt() == 0 && l.t() > 1510));
  }

  /**
   * {@code failJobAndIndependentStages} cancels only the job's <em>running</em> stages
   * ({@code cancelRunningIndependentStages}). Reduce tasks r0 and r2 run on executor 0 with the
   * map output, r1 on executor 1. Executor 0 is lost at 1 s; the retry of r0 on executor 1 finds
   * the map output missing, the fetch failure marks the reduce attempt failed (no longer running)
   * and, with {@code maxConsecutiveAttempts: 1}, aborts the job. So r1 is not killed: it runs to its
   * end at 3.5 s, after the job failed.
   */
  @Test
  void jobAbort_cancelsRunningStagesOnly_soAFetchFailedAttemptsTasksRunOn() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).maxConsecutiveAttempts(1)
        .job("j", stage("map", 1, 500), stage("reduce", 3, 3000, "map")).loseExecutor("0", 1000).build());
    assertEquals("FAILED", run.result.jobs().get(0).status());
    assertEquals(1000L, run.result.jobs().get(0).endMs());
    assertEquals(List.of(), run.all(SimEvent.TaskKillRequested.class));
    TaskEnded r1 = run.all(TaskEnded.class, e -> e.stage().equals("reduce") && e.partition() == 1).get(0);
    assertEquals(TaskStatus.SUCCESS, r1.status());
    assertEquals(3500L, r1.t());
    assertEquals(3500L, run.result.makespanMs());
  }

  /**
   * A job aborted while its stage runs ({@code spark.task.maxFailures}) cancels that stage: the
   * running sibling is killed with {@code "Stage cancelled: " + reason}, and the stage's pending
   * tasks never launch ({@code TaskSchedulerImpl.cancelTasks} aborts its TaskSetManagers).
   */
  @Test
  void jobAbort_killsTheTasksOfItsRunningStage() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).taskMaxFailures(1)
        .job("j", stage("s", 4, 3000)).fail("j", "s", 0, 0, 0, 500).build());
    // p2 takes the failed task's core at once (StatusUpdate makes offers before the failure is
    // handled); p3 never launches.
    assertEquals(List.of(0, 1, 2), run.launches("s", 0).stream().map(TaskLaunched::partition).toList());
    SimEvent.TaskKillRequested kill = run.all(SimEvent.TaskKillRequested.class).get(0);
    assertEquals(500L, kill.t());
    assertEquals(List.of(1, 2), run.all(SimEvent.TaskKillRequested.class).stream()
        .map(SimEvent.TaskKillRequested::partition).toList());
    assertTrue(kill.reason().startsWith("Stage cancelled: Job aborted due to stage failure: Task 0 in stage 0.0 failed 1 times"),
        kill.reason());
    assertEquals(500L, run.result.makespanMs());
  }
}
