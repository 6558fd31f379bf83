package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.BarrierPlacementReverted;
import dev.barriersim.core.event.SimEvent.BarrierRoundSkipped;
import dev.barriersim.core.event.SimEvent.BarrierSyncReleased;
import dev.barriersim.core.event.SimEvent.BarrierSyncTimedOut;
import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.ExecutorDecommissioned;
import dev.barriersim.core.event.SimEvent.ExecutorLost;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.JobStarted;
import dev.barriersim.core.event.SimEvent.JobSubmitted;
import dev.barriersim.core.event.SimEvent.SlotCheckFailed;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskKillRequested;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.StageStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jobs, stage attempts and executors each begin and end once, in order. A job is submitted once,
 * fails slot checks only before it starts, starts and ends at most once, and after its end nothing
 * of it is submitted, launched, completed, skipped, killed or synced; when it ends every stage
 * attempt it submitted has completed, and a job that succeeds has its result stage completed
 * SUCCEEDED at that very instant. A stage attempt is submitted once, completed at most once and
 * after its submission, and launches tasks only in between. One exception, Spark's: a result stage
 * attempt that failed on a fetch failure completes again, SUCCEEDED, when a task of it still
 * running succeeds last for its job before the stage is resubmitted ({@code markStageAsFinished}
 * posts {@code StageCompleted} for the stage's latest attempt, which is still that one). An executor joins once, is
 * decommissioned at most once and only while active, and is lost at most once.
 */
public final class LifecycleCheck implements PropertyCheck {
  private enum JobState { SUBMITTED, STARTED, ENDED }

  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    SpecIndex idx = new SpecIndex(spec);
    List<String> out = new ArrayList<>();
    Map<String, JobState> jobs = new HashMap<>();
    Set<String> submitted = new HashSet<>();
    Map<String, StageStatus> completed = new HashMap<>();
    Map<String, Long> resultSucceededAt = new HashMap<>();
    Set<String> added = new HashSet<>();
    Set<String> decommissioned = new HashSet<>();
    Set<String> lost = new HashSet<>();
    for (SimEvent e : events) {
      String where = "t=" + e.t() + ": ";
      if (e instanceof JobSubmitted s) {
        if (jobs.putIfAbsent(s.job(), JobState.SUBMITTED) != null) out.add(where + "job " + s.job() + " submitted twice");
      } else if (e instanceof SlotCheckFailed f) {
        if (jobs.get(f.job()) != JobState.SUBMITTED) out.add(where + "slot check of job " + f.job() + " in state " + jobs.get(f.job()));
      } else if (e instanceof JobStarted s) {
        if (jobs.get(s.job()) != JobState.SUBMITTED) out.add(where + "job " + s.job() + " started in state " + jobs.get(s.job()));
        jobs.put(s.job(), JobState.STARTED);
      } else if (e instanceof JobEnded j) {
        if (jobs.get(j.job()) == JobState.ENDED || jobs.get(j.job()) == null) {
          out.add(where + "job " + j.job() + " ended in state " + jobs.get(j.job()));
        }
        jobs.put(j.job(), JobState.ENDED);
        for (String a : submitted) {
          if (a.startsWith(j.job() + "/") && !completed.containsKey(a)) out.add(where + "job " + j.job() + " ended before " + a + " completed");
        }
        if (j.result() == JobStatus.SUCCEEDED && !Long.valueOf(j.t()).equals(resultSucceededAt.get(j.job()))) {
          out.add(where + "job " + j.job() + " succeeded without its result stage completing at that instant");
        }
      } else if (e instanceof StageSubmitted s) {
        String a = Keys.attempt(s.job(), s.stage(), s.stageAttempt());
        requireStarted(jobs, s.job(), where + "stage attempt " + a + " submitted", out);
        if (!submitted.add(a)) out.add(where + "stage attempt " + a + " submitted twice");
      } else if (e instanceof StageCompleted c) {
        String a = Keys.attempt(c.job(), c.stage(), c.stageAttempt());
        requireStarted(jobs, c.job(), where + "stage attempt " + a + " completed", out);
        if (!submitted.contains(a)) out.add(where + "stage attempt " + a + " completed before it was submitted");
        StageStatus before = completed.put(a, c.result());
        boolean lateResultSuccess = before == StageStatus.FAILED && c.result() == StageStatus.SUCCEEDED
            && idx.job(c.job()) != null && idx.isResult(c.job(), c.stage());
        if (before != null && !lateResultSuccess) out.add(where + "stage attempt " + a + " completed twice");
        if (c.result() == StageStatus.SUCCEEDED && idx.job(c.job()) != null && idx.isResult(c.job(), c.stage())) {
          resultSucceededAt.put(c.job(), c.t());
        }
      } else if (e instanceof TaskLaunched l) {
        String a = Keys.attempt(l.job(), l.stage(), l.stageAttempt());
        requireStarted(jobs, l.job(), where + "task " + l.taskId() + " launched", out);
        if (!submitted.contains(a) || completed.containsKey(a)) out.add(where + "task " + l.taskId() + " launched outside stage attempt " + a);
      } else if (e instanceof TaskKillRequested k) {
        requireStarted(jobs, k.job(), where + "kill of task " + k.taskId() + " requested", out);
      } else if (e instanceof BarrierRoundSkipped k) {
        requireStarted(jobs, k.job(), where + "barrier round skipped for " + k.stage(), out);
      } else if (e instanceof BarrierPlacementReverted r) {
        requireStarted(jobs, r.job(), where + "barrier placement reverted for " + r.stage(), out);
      } else if (e instanceof BarrierSyncReleased r) {
        requireStarted(jobs, r.job(), where + "barrier sync released for " + r.stage(), out);
      } else if (e instanceof BarrierSyncTimedOut o) {
        requireStarted(jobs, o.job(), where + "barrier sync timed out for " + o.stage(), out);
      } else if (e instanceof ExecutorAdded a) {
        if (!added.add(a.executor())) out.add(where + "executor " + a.executor() + " added twice");
      } else if (e instanceof ExecutorDecommissioned d) {
        if (!added.contains(d.executor()) || lost.contains(d.executor()) || !decommissioned.add(d.executor())) {
          out.add(where + "executor " + d.executor() + " decommissioned while not active");
        }
      } else if (e instanceof ExecutorLost l) {
        if (!added.contains(l.executor()) || !lost.add(l.executor())) out.add(where + "executor " + l.executor() + " lost while not active");
      }
    }
    return out;
  }

  /** Work of a job happens only between its start and its end. */
  private static void requireStarted(Map<String, JobState> jobs, String job, String what, List<String> out) {
    if (jobs.get(job) != JobState.STARTED) out.add(what + " while job " + job + " is " + jobs.get(job));
  }
}
