package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code DAGScheduler.handleTaskCompletion}: when a job's last result task succeeds, the job's other
 * running stages are cancelled ({@code cancelRunningIndependentStages(job, "Job N is finished.")}).
 */
class JobFinishedGapsTest {

  /**
   * Map "m" leaves its p2 output on executor 2, lost at 5.2 s; result "r"'s p3 runs on executor 0
   * from 5.1 s, its speculative copy fetch-fails at 5.3 s, so m reruns p2 from 5.5 s (5 s of work).
   * The original p3 succeeds at 9.1 s: the job succeeds and the rerunning map attempt is cancelled.
   */
  @Test
  void jobSucceeding_cancelsItsRerunningMapStage() {
    RecordedRun run = RecordedRun.of(spec().executors(3, 1).speculation()
        .job("j", stagePerPartition("m", new long[] {100, 100, 5000}),
            stagePerPartition("r", new long[] {100, 100, 100, 4000}, "m"))
        .loseExecutor("2", 5200).build());
    assertEquals(List.of(new JobEnded(9100, "j", JobStatus.SUCCEEDED, null)), run.all(JobEnded.class));
    List<StageCompleted> mapRerun = run.all(StageCompleted.class, c -> c.stage().equals("m") && c.stageAttempt() == 1);
    assertEquals(List.of("9100 FAILED Job 0 is finished."),
        mapRerun.stream().map(c -> c.t() + " " + c.status() + " " + c.reason()).toList());
    List<TaskEnded> killed = run.all(TaskEnded.class, e -> e.status() == TaskStatus.KILLED && e.stageAttempt() == 1);
    assertEquals(List.of("m.2@9100 TaskKilled (Stage cancelled: Job 0 is finished.)"),
        killed.stream().map(e -> e.stage() + "." + e.partition() + "@" + e.t() + " " + e.reason()).toList());
  }
}
