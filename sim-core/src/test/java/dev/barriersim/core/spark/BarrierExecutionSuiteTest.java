package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskKillRequested;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The DAGScheduler's barrier failure branch, as pinned by Spark's {@code BarrierExecutionSuite} / {@code DAGSchedulerSuite}. */
class BarrierExecutionSuiteTest {

  /** "Retry all the tasks on a resubmitted attempt of a barrier stage caused by TaskKilled". */
  @Test
  void failedBarrierMapStage_rerunsEveryPartitionInTheNextAttempt() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2)
        .job("j", barrier("m", 2, 1000), stage("r", 1, 10, "m")).fail("j", "m", 1, 0, 0, 500).build());
    assertEquals(List.of(0, 1), run.launches("m", 1).stream().map(l -> l.partition()).toList());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
    StageCompleted failed = run.all(StageCompleted.class, c -> c.status().equals("FAILED")).get(0);
    assertTrue(failed.reason().startsWith("Stage failed because barrier task ShuffleMapTask(0, 1) finished unsuccessfully.\n"),
        failed.reason());
    TaskKillRequested kill = run.all(TaskKillRequested.class).get(0);
    assertEquals("Task ShuffleMapTask(0, 1) from barrier stage ShuffleMapStage 0 (m) failed.", kill.reason());
  }

  /** "Fail the job if a barrier ResultTask failed". */
  @Test
  void failedBarrierResultStage_abortsTheJob() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).job("j", barrier("b", 2, 1000))
        .fail("j", "b", 0, 0, 0, 300).build());
    String reason = run.result.jobs().get(0).failureReason();
    assertTrue(reason.startsWith("Job aborted due to stage failure: Could not recover from a failed barrier ResultStage."),
        reason);
    assertEquals(300L, run.result.jobs().get(0).endMs());
    assertTrue(run.launches("b", 1).isEmpty());
  }

  /** Decision 10: the killed siblings of a failed result stage hold their slots until they stop, after the job failed. */
  @Test
  void killedSiblingsHoldSlotsAfterTheJobFailed() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).killLatency(400).job("j", barrier("b", 2, 1000))
        .fail("j", "b", 0, 0, 0, 300).build());
    assertEquals(300L, run.result.jobs().get(0).endMs());
    assertEquals(List.of(700L), run.ends(TaskStatus.KILLED).stream().map(TaskEnded::t).toList());
    assertEquals(700L, run.result.makespanMs());
  }

  /** "Retry all the tasks ... only once when multiple tasks fail in the same attempt". */
  @Test
  void twoFailuresOfOneAttempt_causeOneResubmission() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2)
        .job("j", barrier("m", 2, 1000), stage("r", 1, 10, "m"))
        .fail("j", "m", 0, 0, 0, 500).fail("j", "m", 1, 0, 0, 500).build());
    assertEquals(2, run.all(StageSubmitted.class, s -> s.stage().equals("m")).size());
    assertEquals(1, run.result.stages().get(0).attempts() - 1);
  }

  /** "Ignore task failures from a previous stage attempt": a kill of attempt 0 ending after attempt 1 started. */
  @Test
  void failureFromAPreviousAttempt_isIgnored() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).killLatency(1000)
        .job("j", barrier("m", 2, 3000), stage("r", 1, 10, "m"))
        .fail("j", "m", 0, 0, 0, 500).build());
    assertEquals(List.of(700L), run.launchInstants("m", 1));
    TaskEnded lateKill = run.all(TaskEnded.class, e -> e.stageAttempt() == 0 && e.status() == TaskStatus.KILLED).get(0);
    assertEquals(1500L, lateKill.t());
    assertEquals(2, run.all(StageSubmitted.class, s -> s.stage().equals("m")).size());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  /** spark.stage.maxConsecutiveAttempts: the 4th failed attempt aborts with Spark's message. */
  @Test
  void fourConsecutiveFailedAttempts_abortTheJob() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2)
        .job("j", barrier("m", 2, 1000), stage("r", 1, 10, "m"))
        .fail("j", "m", 0, 0, 0, 100).fail("j", "m", 0, 1, 0, 100).fail("j", "m", 0, 2, 0, 100)
        .fail("j", "m", 0, 3, 0, 100).build());
    assertEquals(4, run.all(StageSubmitted.class).size());
    String reason = run.result.jobs().get(0).failureReason();
    assertTrue(reason.contains("ShuffleMapStage 0 (m) has failed the maximum allowable number of times: 4."), reason);
    assertEquals(List.of(0L, 300L, 600L, 900L),
        run.all(StageSubmitted.class).stream().map(StageSubmitted::t).toList());
  }

  /** spark.task.maxFailures does not apply to barrier tasks: a retried attempt succeeds after 3 failed ones. */
  @Test
  void taskMaxFailuresDoesNotApplyToBarrierTasks() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).taskMaxFailures(1).maxConsecutiveAttempts(4)
        .job("j", barrier("m", 2, 1000), stage("r", 1, 10, "m"))
        .fail("j", "m", 0, 0, 0, 100).fail("j", "m", 0, 1, 0, 100).fail("j", "m", 0, 2, 0, 100).build());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
    assertEquals(4, run.result.stages().get(0).attempts());
  }

  /** SPARK-34069 with spark.job.interruptOnCancel: a killed sibling stops at once, the retry runs at once. */
  @Test
  void spark34069_interruptOnCancelStopsSiblingsAtOnce() {
    RecordedRun run = RecordedRun.of(spec().local().executors(1, 2).interruptOnCancel().killUntilDone()
        .job("j", barrier("m", 2, 5000), stage("r", 1, 10, "m")).fail("j", "m", 0, 0, 0, 100).build());
    assertEquals(List.of(100L), run.ends(TaskStatus.KILLED).stream().map(TaskEnded::t).toList());
    assertEquals(List.of(300L), run.launchInstants("m", 1));
    assertTrue(run.result.makespanMs() < 5500);
  }

  /** Decision 5, measured on Spark 3.5.9: without interruption the retry waits for the siblings to let go. */
  @Test
  void decision5_withoutInterruptTheRetryWaitsForKilledSiblings() {
    RecordedRun run = RecordedRun.of(spec().local().executors(1, 4).killUntilDone()
        .job("j", barrier("m", 4, 2000), stage("r", 1, 10, "m")).fail("j", "m", 2, 0, 0, 500).build());
    assertEquals(List.of(2000L), run.launchInstants("m", 1));
  }

  /**
   * {@code barrierPartialRerun: whole} (SPARK-59094's intent): a sibling that succeeds after its
   * attempt failed (here its success reaches the driver 50 ms after the failure) is ignored, so the
   * next attempt reruns every partition.
   */
  @Test
  void lateSuccessOfAFailedBarrierAttempt_isIgnoredWithWholeRerun() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).latency(0, 100).wholeBarrierRerun()
        .job("j", new dev.barriersim.core.workload.StageSpec("m", 2, true, List.of(), null,
            List.of(dev.barriersim.core.random.DurationSpec.of(
                new dev.barriersim.core.random.Distribution.PerPartition(new long[] {1000, 550}))), null),
            stage("r", 1, 10, "m"))
        .fail("j", "m", 0, 0, 0, 500).build());
    TaskEnded late = run.all(TaskEnded.class, e -> e.partition() == 1 && e.stageAttempt() == 0).get(0);
    assertEquals(TaskStatus.SUCCESS, late.status());
    assertEquals(650L, late.t());
    assertEquals(List.of(0, 1), run.launches("m", 1).stream().map(l -> l.partition()).toList());
  }

  /** A barrier result stage whose task finds a shuffle input missing aborts the job (fetch-failure path). */
  @Test
  void barrierResultStageHittingAFetchFailure_abortsTheJob() {
    // The gang waits for slots while executor 1, holding map output 1, is lost; it launches at
    // 3000 on executor 2 and its tasks find the output missing.
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).executors(1, 4)
        .job("ml", stage("map", 2, 500), barrier("train", 4, 1000, "map"))
        .job("hog", stage("busy", 6, 3000))
        .loseExecutor("1", 1000).build());
    assertEquals(List.of(3000L), run.launchInstants("train", 0));
    String reason = run.result.jobs().stream().filter(j -> j.name().equals("ml")).findFirst().orElseThrow().failureReason();
    assertTrue(reason.startsWith("Job aborted due to stage failure: Could not recover from a failed barrier ResultStage."),
        reason);
    assertTrue(reason.contains("FetchFailed(null, shuffleId=0"), reason);
    assertTrue(run.launches("train", 1).isEmpty());
  }

  /**
   * Spark's {@code submitStage} leaves a stage in {@code failedStages} alone, so a failed stage
   * returns only with {@code ResubmitFailedStages}, 200 ms after its failure, even when another
   * parent of its child finishes meanwhile. (Found by the property suite's ResubmitDelayCheck.)
   */
  @Test
  void failedStageIsResubmittedOnlyAfterTheTimeout_evenWhenASiblingParentCompletes() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .job("j", barrier("a", 2, 1000), stage("b", 1, 600), stage("c", 1, 100, "a", "b"))
        .fail("j", "a", 0, 0, 0, 500).build());
    assertEquals(List.of(700L), run.launchInstants("a", 1));
  }

  /** Spark names result tasks and stages so: ResultTask(stageId, partition), ResultStage stageId. */
  @Test
  void resultStageFailureUsesSparksResultTaskNames() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).job("j", barrier("b", 2, 1000))
        .fail("j", "b", 1, 0, 0, 300).build());
    assertEquals("Task ResultTask(0, 1) from barrier stage ResultStage 0 (b) failed.",
        run.all(TaskKillRequested.class).get(0).reason());
    assertTrue(run.result.jobs().get(0).failureReason().contains(
        "Stage failed because barrier task ResultTask(0, 1) finished unsuccessfully."));
  }

  /** How many StageCompleted events each stage attempt ("stage.attempt") has. */
  private static Map<String, Integer> completionsPerAttempt(RecordedRun run) {
    Map<String, Integer> out = new TreeMap<>();
    for (StageCompleted c : run.all(StageCompleted.class)) out.merge(c.stage() + "." + c.stageAttempt(), 1, Integer::sum);
    return out;
  }

  /**
   * The DAGScheduler handles a barrier attempt's failure once: the three killed siblings that
   * report later do not complete the attempt again.
   */
  @Test
  void failedBarrierAttempt_completesOnce_howeverManyOfItsTasksEnd() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .job("j", barrier("map", 4, 2000), stage("reduce", 1, 100, "map")).fail("j", "map", 2, 0, 0, 500).build());
    assertEquals(3, run.ends(TaskStatus.KILLED).size());
    assertEquals(Map.of("map.0", 1, "map.1", 1, "reduce.0", 1), completionsPerAttempt(run));
  }

  /**
   * A job aborted by another stage ({@code spark.task.maxFailures} 1) while its barrier stage
   * runs: the barrier tasks are cancelled, and their kills neither fail the stage again nor end
   * the job a second time.
   */
  @Test
  void jobAbortedWhileItsBarrierStageRuns_endsOnce() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).taskMaxFailures(1)
        .job("j", barrier("a", 2, 3000), stage("b", 1, 1000), stage("c", 1, 10, "a", "b"))
        .fail("j", "b", 0, 0, 0, 500).build());
    assertEquals(1, run.all(JobEnded.class).size());
    assertEquals(500L, run.result.jobs().get(0).endMs());
    assertEquals(List.of(500L, 500L), run.ends(TaskStatus.KILLED).stream().map(TaskEnded::t).toList());
    assertEquals(Map.of("a.0", 1, "b.0", 1), completionsPerAttempt(run));
  }

  /**
   * A barrier result stage's failure kills each sibling once; the job abort that follows
   * ({@code cancelTasks}) does not ask again for a kill already under way.
   */
  @Test
  void eachSiblingOfAFailedBarrierResultStage_getsOneKillRequest() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 3).killLatency(400).job("j", barrier("b", 3, 1000))
        .fail("j", "b", 0, 0, 0, 300).build());
    List<TaskKillRequested> kills = run.all(TaskKillRequested.class);
    assertEquals(List.of(1, 2), kills.stream().map(TaskKillRequested::partition).toList());
    assertTrue(kills.stream().allMatch(k -> k.reason().startsWith("Task ResultTask(0, 0) from barrier stage")), kills.toString());
  }

  /**
   * A barrier map stage whose tasks find a shuffle input missing (executor 1 held map output 1).
   * Spark's fetch-failure path does not kill the barrier siblings (SPARK-17064, "TODO: Cancel
   * running tasks in the failed stage" in {@code DAGScheduler.handleTaskCompletion}): no kill is
   * requested, each sibling meets the missing input itself and ends {@code FetchFailed}; the map
   * output is recomputed, and the next attempt reruns every partition.
   */
  @Test
  void barrierMapStageHittingAFetchFailure_killsNoSiblingAndRerunsWhole() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).executors(1, 4)
        .job("ml", stage("map", 2, 500), barrier("train", 4, 1000, "map"), stage("out", 1, 10, "train"))
        .job("hog", stage("busy", 6, 3000)).loseExecutor("1", 1000).build());
    assertEquals(List.of(3000L), run.launchInstants("train", 0));
    assertEquals(List.of(), run.all(TaskKillRequested.class));
    List<TaskEnded> ends = run.all(TaskEnded.class, e -> e.stage().equals("train") && e.stageAttempt() == 0);
    assertEquals(4, ends.size());
    assertTrue(ends.stream().allMatch(e -> e.t() == 3000 && e.reason().startsWith("FetchFailed(")), ends.toString());
    assertEquals(List.of(1), run.launches("map", 1).stream().map(l -> l.partition()).toList());
    assertEquals(List.of(0, 1, 2, 3), run.launches("train", 1).stream().map(l -> l.partition()).toList());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  /**
   * {@code spark.stage.maxConsecutiveAttempts} counts consecutive failures: a success clears the
   * count (Spark's {@code clearFailures}). With 2, attempt 0 fails, attempt 1 succeeds, the output
   * is lost with executor 1 and attempt 2 fails: one failure since the success, so attempt 3 runs.
   */
  @Test
  void consecutiveAttemptCount_restartsAfterTheStageSucceeds() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).maxConsecutiveAttempts(2)
        .job("j", barrier("b", 2, 1000), stage("r", 4, 2000, "b"))
        .fail("j", "b", 0, 0, 0, 100).loseExecutor("1", 2500).fail("j", "b", 0, 2, 0, 100).build());
    assertEquals(List.of(0L, 300L, 3500L, 3800L), run.all(StageSubmitted.class, s -> s.stage().equals("b")).stream()
        .map(StageSubmitted::t).toList());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
    assertEquals(6800L, run.result.jobs().get(0).endMs());
  }
}
