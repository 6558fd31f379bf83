package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.withStragglers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.event.SimEvent.JobSubmitted;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskKillRequested;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.testing.RecordedRun;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.RepeatSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Job streams, stragglers, FIFO priority by job id, and Spark's kill and failure texts. */
class WorkloadAndMessagesTest {

  @Test
  void poissonRepeat_givesIncreasingDeterministicArrivalsWithTheRightMeanGap() {
    StageSpec s = new StageSpec("s", 1, false, List.of(), null, List.of(DurationSpec.constant(10)), null);
    SimulationSpec spec = new SimulationSpec("p", 3, new ClusterSpec(List.of(new ExecutorGroup(1, 4, Map.of(), 1)), null),
        null, null, null, List.of(new JobSpec("j", 5_000, "default", new RepeatSpec(400, RepeatSpec.Gap.POISSON, 10_000),
            List.of(s))), null);
    List<JobSubmitted> a = RecordedRun.of(spec).all(JobSubmitted.class);
    List<JobSubmitted> b = RecordedRun.of(spec).all(JobSubmitted.class);
    assertEquals(a, b);
    assertEquals(400, a.size());
    assertEquals("j#1", a.get(0).job());
    assertEquals(5_000L, a.get(0).t());
    for (int i = 1; i < a.size(); i++) assertTrue(a.get(i).t() >= a.get(i - 1).t());
    double meanGap = (a.get(399).t() - a.get(0).t()) / 399.0;
    assertEquals(10_000, meanGap, 10_000 * 4 / Math.sqrt(399), "mean gap " + meanGap);
  }

  @Test
  void fixedRepeat_submitsInstancesEveryGap() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).repeatedJob("j", 3, 2_000, stage("s", 1, 10)).build());
    assertEquals(List.of(0L, 2_000L, 4_000L), run.all(JobSubmitted.class).stream().map(JobSubmitted::t).toList());
    assertEquals(List.of("j#1", "j#2", "j#3"), run.all(JobSubmitted.class).stream().map(JobSubmitted::job).toList());
  }

  @Test
  void stragglerSlowsItsAttemptByTheFactor() {
    RecordedRun all = RecordedRun.of(spec().executors(1, 8)
        .job("j", withStragglers(stage("s", 8, 1000), 1.0, 3)).build());
    assertTrue(all.all(TaskEnded.class).stream().allMatch(e -> e.t() - e.launchMs() == 3000));
    RecordedRun some = RecordedRun.of(spec().executors(1, 64)
        .job("j", withStragglers(stage("s", 64, 1000), 0.5, 2)).build());
    long slow = some.all(TaskEnded.class).stream().filter(e -> e.t() - e.launchMs() == 2000).count();
    assertTrue(slow > 16 && slow < 48, "stragglers " + slow);
  }

  /** FIFO priority is the job id: a job submitted first but started late (slot check) still goes first. */
  @Test
  void fifoPriorityIsTheJobIdNotTheStageId() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).addAt(10_000, 1, 4)
        .job("early", 0, "default", stage("pre", 8, 1000), barrier("gang", 8, 1000, "pre"))
        .job("late", 1_000, "default", stage("work", 200, 1000)).build());
    TaskLaunched firstAfterStart = run.all(TaskLaunched.class, l -> l.t() > 15_000).get(0);
    assertEquals("early", firstAfterStart.job());
    assertEquals("pre", firstAfterStart.stage());
  }

  /** Job abort kills with "Stage cancelled: Job aborted ..."; the killed task ends with "TaskKilled (...)". */
  @Test
  void abortKillsCarrySparksTexts() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2).taskMaxFailures(1).job("j", stage("s", 2, 1000))
        .fail("j", "s", 1, 0, 0, 100).build());
    TaskKillRequested kill = run.all(TaskKillRequested.class).get(0);
    assertTrue(kill.reason().startsWith("Stage cancelled: Job aborted due to stage failure: Task 1 in stage 0.0 failed 1 times"),
        kill.reason());
    TaskEnded killed = run.ends(TaskStatus.KILLED).get(0);
    assertEquals("TaskKilled (" + kill.reason() + ")", killed.reason());
    StageCompleted cancelled = run.all(StageCompleted.class).get(0);
    assertEquals("FAILED", cancelled.status());
  }

  /** A running barrier map attempt that loses a finished task's output fails with Spark's Resubmitted reason. */
  @Test
  void lostOutputOfARunningBarrierAttempt_failsItAsResubmitted() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 1).executors(1, 2)
        .job("j", new StageSpec("m", 2, true, List.of(), null, List.of(DurationSpec.of(
            new dev.barriersim.core.random.Distribution.PerPartition(new long[] {500, 3000}))), null),
            stage("r", 1, 10, "m"))
        .loseExecutor("0", 1000).build());
    StageCompleted failed = run.all(StageCompleted.class, c -> c.status().equals("FAILED")).get(0);
    assertTrue(failed.reason().endsWith("Resubmitted (resubmitted due to lost executor)"), failed.reason());
    assertTrue(failed.reason().startsWith("Stage failed because barrier task ShuffleMapTask(0, 0)"), failed.reason());
    assertEquals(List.of(0, 1), run.launches("m", 1).stream().map(TaskLaunched::partition).toList());
  }

  /** A straggling attempt of a stage with phases is slowed in every phase, with or without barrier() between them. */
  @Test
  void stragglerSlowsEveryPhase() {
    StageSpec gang = withStragglers(barrier("b", 2, new long[] {1000, 2000}), 1.0, 3);
    StageSpec plain = withStragglers(new StageSpec("p", 2, false, List.of(), null,
        List.of(DurationSpec.constant(1000), DurationSpec.constant(2000)), null), 1.0, 3);
    RecordedRun run = RecordedRun.of(spec().executors(1, 4).poll(0).job("g", gang).job("n", plain).build());
    List<TaskEnded> ends = run.all(TaskEnded.class);
    assertEquals(4, ends.size());
    assertTrue(ends.stream().allMatch(e -> e.t() - e.launchMs() == 9000), ends.toString());
  }

  /**
   * Common random numbers: a partition's duration depends on its stage's name, so two stages of one
   * job with the same exponential distribution draw different durations, and a stage draws the same
   * durations whether or not its parent is in the job.
   */
  @Test
  void stagesWithTheSameDistribution_drawTheirOwnDurations() {
    DurationSpec exp = DurationSpec.of(new dev.barriersim.core.random.Distribution.Continuous(
        dev.barriersim.core.random.Distribution.Continuous.Kind.EXPONENTIAL, 1000, 0));
    StageSpec a = new StageSpec("a", 8, false, List.of(), null, List.of(exp), null);
    StageSpec b = new StageSpec("b", 8, false, List.of("a"), null, List.of(exp), null);
    RecordedRun both = RecordedRun.of(spec().executors(1, 16).job("j", a, b).build());
    RecordedRun bAlone = RecordedRun.of(spec().executors(1, 16)
        .job("j", new StageSpec("b", 8, false, List.of(), null, List.of(exp), null)).build());
    List<Long> durationsA = durations(both, "a");
    List<Long> durationsB = durations(both, "b");
    assertEquals(8, durationsA.size());
    assertTrue(!durationsA.equals(durationsB), durationsA + " " + durationsB);
    assertEquals(durationsB, durations(bAlone, "b"));
  }

  private static List<Long> durations(RecordedRun run, String stage) {
    return run.all(TaskEnded.class, e -> e.stage().equals(stage)).stream()
        .sorted(java.util.Comparator.comparingInt(TaskEnded::partition)).map(e -> e.t() - e.launchMs()).toList();
  }
}
