package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.ExecutorLost;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Executor loss (semantics §3.3, §3.4, §5): lost tasks, lost shuffle outputs, the fetch-failure path. */
class ExecutorLossTest {

  private static List<Integer> partitions(RecordedRun run, String stage, int attempt) {
    return run.launches(stage, attempt).stream().map(TaskLaunched::partition).sorted().toList();
  }

  @Test
  void lostExecutor_rerunsExactlyTheLostMapOutputs() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2)
        .job("j", stage("map", 4, 1000), stage("reduce", 8, 1000, "map")).loseExecutor("1", 1500).build());
    assertEquals(List.of(1, 3), partitions(run, "map", 1));
    StageCompleted fetchFailure = run.all(StageCompleted.class, c -> c.stage().equals("reduce")).get(0);
    assertTrue(fetchFailure.reason().startsWith("FetchFailed(null, shuffleId=0"), fetchFailure.reason());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
    assertEquals(8, run.all(TaskEnded.class, e -> e.stage().equals("reduce") && e.status() == TaskStatus.SUCCESS)
        .stream().map(TaskEnded::partition).distinct().count());
  }

  /** Decision 4: a finished barrier map stage that loses outputs is rerun whole (four cores remain for the gang). */
  @Test
  void finishedBarrierMapStageLosingAnOutput_rerunsWhole() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).executors(1, 4)
        .job("j", barrier("map", 4, 1000), stage("reduce", 8, 1000, "map")).loseExecutor("1", 1500).build());
    assertEquals(List.of(0, 1, 2, 3), partitions(run, "map", 1));
    assertEquals(1, run.launchInstants("map", 1).size());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  @Test
  void runningBarrierStageLosingAnExecutor_failsTheAttemptAndRerunsWhole() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 2)
        .job("j", barrier("map", 4, 2000), stage("reduce", 1, 100, "map")).loseExecutor("0", 500).build());
    TaskEnded lost = run.all(TaskEnded.class, e -> e.status() == TaskStatus.FAILED).get(0);
    assertTrue(lost.reason().startsWith("ExecutorLostFailure (executor 0 exited unrelated to the running tasks)"));
    assertEquals(List.of(0, 1, 2, 3), partitions(run, "map", 1));
    assertEquals(List.of(700L), run.launchInstants("map", 1));
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  @Test
  void executorLossDoesNotCountTowardsTaskMaxFailures() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).taskMaxFailures(1)
        .job("j", stage("s", 1, 1000)).loseExecutor("0", 500).build());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
    TaskLaunched retry = run.all(TaskLaunched.class, l -> l.attempt() == 1).get(0);
    assertEquals("1", retry.executor());
    assertEquals(500L, retry.t());
  }

  @Test
  void runningMapStageLosingFinishedOutputs_relaunchesThemInTheSameAttempt() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1)
        .job("j", stage("map", 4, 1000), stage("reduce", 1, 100, "map")).loseExecutor("1", 1500).build());
    List<TaskLaunched> map = run.launches("map", 0);
    assertTrue(map.stream().anyMatch(l -> l.partition() == 1 && l.attempt() == 1), map.toString());
    assertEquals(1, run.result.stages().get(0).attempts());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
  }

  @Test
  void randomLossesWithReplacement_keepTheClusterAliveAndAreDeterministic() {
    var spec = spec().executors(4, 2).mtbf(3_000, 500).seed(7)
        .repeatedJob("j", 20, 500, stage("m", 8, 400), stage("r", 4, 300, "m")).build();
    RecordedRun a = RecordedRun.of(spec);
    RecordedRun b = RecordedRun.of(spec);
    assertEquals(a.eventLog, b.eventLog);
    assertTrue(a.all(ExecutorLost.class).size() > 3);
    assertTrue(a.all(ExecutorAdded.class).size() > 4);
    assertEquals(Outcome.COMPLETED, a.result.outcome());
  }

  /** A fetch failure counts towards spark.stage.maxConsecutiveAttempts: with 1, the job aborts with Spark's message. */
  @Test
  void fetchFailureCountsTowardsMaxConsecutiveAttempts() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).maxConsecutiveAttempts(1)
        .job("j", stage("map", 4, 1000), stage("reduce", 8, 1000, "map")).loseExecutor("1", 1500).build());
    String reason = run.result.jobs().get(0).failureReason();
    assertTrue(reason.startsWith("Job aborted due to stage failure: ResultStage 1 (reduce) has failed the maximum "
        + "allowable number of times: 1. Most recent failure reason:\nFetchFailed("), reason);
    assertTrue(run.launches("map", 1).isEmpty());
  }

  /**
   * After a fetch failure, the result stage's retry reruns partitions that the old attempt is still
   * computing; when both succeed, the partition counts once (Spark's {@code job.finished} check),
   * so the job ends exactly when its last partition first succeeds.
   */
  @Test
  void duplicateResultSuccessesCountOnce() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).executors(1, 4)
        .job("j", stage("map", 2, 500), stage("result", 6, 3000, "map")).loseExecutor("1", 1000).build());
    Map<Integer, Long> firstSuccess = new TreeMap<>();
    int successes = 0;
    for (TaskEnded e : run.all(TaskEnded.class, e -> e.stage().equals("result") && e.status() == TaskStatus.SUCCESS)) {
      firstSuccess.putIfAbsent(e.partition(), e.t());
      successes++;
    }
    assertEquals(6, firstSuccess.size());
    assertTrue(successes > 6, "the scenario must produce a duplicate success, got " + successes);
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
    assertEquals(java.util.Collections.max(firstSuccess.values()), run.result.jobs().get(0).endMs());
  }

  /**
   * Map (1 task) on executor 0; reduce p0 on executor 0 and p1 on executor 1, where p1 hangs at
   * 100 ms. Executor 0 is lost at 1500 with map's output; a 2-core executor joins at 1600. Reduce
   * attempt 0 becomes a zombie after the fetch failure; attempt 1 reruns p0 and p1 and the job
   * succeeds. Spark 3.5.9's {@code handleTaskCompletion} then kills the result stage's tasks still
   * running ({@code killAllTaskAttempts(stageId, ..., "Stage finished")}): the hung zombie attempt.
   */
  @Test
  void aHungTaskOfAZombieResultAttemptIsKilledWhenTheJobSucceeds() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).addAt(1600, 1, 2)
        .job("j", stage("map", 1, 1000), stage("reduce", 2, 1000, "map"))
        .hang("j", "reduce", 1, 100).loseExecutor("0", 1500).build());
    assertEquals(Outcome.COMPLETED, run.result.outcome());
    long jobEnd = run.result.jobs().get(0).endMs();
    SimEvent.TaskKillRequested kill = run.all(SimEvent.TaskKillRequested.class).get(0);
    assertEquals(jobEnd, kill.t());
    assertEquals("Stage finished", kill.reason());
    assertEquals(0, kill.stageAttempt());
    TaskEnded killed = run.ends(TaskStatus.KILLED).get(0);
    assertEquals("TaskKilled (Stage finished)", killed.reason());
    assertEquals(jobEnd, run.result.makespanMs());
  }

  /** The same with {@code killLatency: untilDone}: a hung task never stops, keeps its slot, and the run still completes. */
  @Test
  void aHungZombieTaskKilledUntilDoneKeepsItsSlotAfterTheJobSucceeds_andTheRunStillCompletes() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).addAt(1600, 1, 2).killUntilDone()
        .job("j", stage("map", 1, 1000), stage("reduce", 2, 1000, "map"))
        .hang("j", "reduce", 1, 100).loseExecutor("0", 1500).build());
    assertEquals(Outcome.COMPLETED, run.result.outcome());
    assertEquals("SUCCEEDED", run.result.jobs().get(0).status());
    assertEquals(1100, run.all(SimEvent.TaskHung.class).get(0).t());
    assertTrue(run.taskCsv.lines().anyMatch(l -> l.startsWith("j,reduce,0,1,0,1,") && l.contains(",RUNNING,")),
        run.taskCsv);
  }
}
