package dev.barriersim.core.observe;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.StageInfo;
import dev.barriersim.core.event.StageStatus;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.BarrierRoundSkipped;
import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.ExecutorLost;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.JobStarted;
import dev.barriersim.core.event.SimEvent.JobSubmitted;
import dev.barriersim.core.event.SimEvent.SlotCheckFailed;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the event stream into the run's summary: jobs, stages, task counts, core time and the
 * costs of barrier mode. Core time is integrated piecewise between events, so memory does not
 * grow with the number of tasks.
 */
public final class MetricsCollector implements SimulationListener {
  private static final class JobAcc {
    final String name;
    final long submitMs;
    Long startMs;
    Long endMs;
    JobStatus status = JobStatus.RUNNING;
    String reason;
    final Map<String, StageAcc> stages = new LinkedHashMap<>();

    JobAcc(String name, long submitMs) {
      this.name = name;
      this.submitMs = submitMs;
    }
  }

  private static final class StageAcc {
    final String stage;
    final int stageId;
    final boolean barrier;
    int attempts;
    StageStatus status = StageStatus.PENDING;
    Long firstLaunchMs;
    Long endMs;
    long waitingSince = -1;

    StageAcc(String stage, int stageId, boolean barrier) {
      this.stage = stage;
      this.stageId = stageId;
      this.barrier = barrier;
    }
  }

  private final int taskCpus;
  private final Map<String, JobAcc> jobs = new LinkedHashMap<>();
  private long lastT;
  private int presentCores;
  private int peakCores;
  private long runningTasks;
  private long runningLaunchSum;
  private int barrierWaiting;
  private long coreMsPresent;
  private long idleWhileWaiting;
  private long busyCoreMs;
  private long wastedCoreMs;
  private long launched;
  private long succeeded;
  private long failed;
  private long killed;
  private long slotCheckFailures;
  private long roundsSkipped;
  private long barrierWaitMs;
  private long syncWaitMs;
  private long lastJobOrTaskEnd;
  private long events;
  private final Map<String, Integer> coresByExecutor = new HashMap<>();
  private final Map<String, HeldResources> resourcesByExecutor = new HashMap<>();
  /** Barrier jobs waiting in failed submission slot checks: job instance -> first failure. */
  private final Map<String, Long> slotCheckSince = new HashMap<>();
  private long slotCheckWaitMs;
  private final List<String> resourceNames;
  /** Per custom resource: units present now, peak, busy now, and their integrals over time. */
  private final long[] resPresent;
  private final long[] resPeak;
  private final long[] resBusy;
  private final long[] resPresentMs;
  private final long[] resBusyMs;

  /** A collector for runs of {@code spec}. */
  public MetricsCollector(SimulationSpec spec) {
    this.taskCpus = spec.conf().taskCpus();
    resourceNames = spec.resourceNames();
    int n = resourceNames.size();
    resPresent = new long[n];
    resPeak = new long[n];
    resBusy = new long[n];
    resPresentMs = new long[n];
    resBusyMs = new long[n];
  }

  /** Events observed so far: the number of lines of the run's {@code events.jsonl}. */
  public long events() {
    return events;
  }

  @Override
  public void onEvent(SimEvent e) {
    events++;
    advance(e.t());
    if (e instanceof TaskLaunched l) {
      launched++;
      runningTasks++;
      runningLaunchSum += l.t();
      addUnits(resBusy, l.resources(), 1);
      StageAcc s = stage(l.job(), l.stage());
      if (s.firstLaunchMs == null) s.firstLaunchMs = l.t();
      if (s.waitingSince >= 0) {
        barrierWaitMs += l.t() - s.waitingSince;
        s.waitingSince = -1;
        barrierWaiting--;
      }
    } else if (e instanceof TaskEnded t) {
      runningTasks--;
      runningLaunchSum -= t.launchMs();
      addUnits(resBusy, t.resources(), -1);
      long coreMs = (t.t() - t.launchMs()) * taskCpus;
      busyCoreMs += coreMs;
      if (t.status() == TaskStatus.SUCCESS) succeeded++;
      else {
        wastedCoreMs += coreMs;
        if (t.status() == TaskStatus.FAILED) failed++;
        else killed++;
      }
      lastJobOrTaskEnd = Math.max(lastJobOrTaskEnd, t.t());
    } else if (e instanceof StageSubmitted s) {
      StageAcc acc = stage(s.job(), s.stage());
      acc.attempts = s.stageAttempt() + 1;
      acc.status = StageStatus.RUNNING;
      if (s.barrier()) {
        acc.waitingSince = s.t();
        barrierWaiting++;
      }
    } else if (e instanceof StageCompleted c) {
      StageAcc acc = stage(c.job(), c.stage());
      acc.status = c.result();
      acc.endMs = c.t();
      if (acc.waitingSince >= 0) {
        barrierWaitMs += c.t() - acc.waitingSince;
        acc.waitingSince = -1;
        barrierWaiting--;
      }
    } else if (e instanceof JobSubmitted j) {
      jobs.put(j.job(), new JobAcc(j.job(), j.t()));
    } else if (e instanceof JobStarted j) {
      endSlotCheckWait(j.job(), j.t());
      JobAcc acc = jobs.get(j.job());
      acc.startMs = j.t();
      for (StageInfo s : j.stages()) acc.stages.put(s.name(), new StageAcc(s.name(), s.stageId(), s.barrier()));
    } else if (e instanceof JobEnded j) {
      endSlotCheckWait(j.job(), j.t());
      JobAcc acc = jobs.get(j.job());
      acc.endMs = j.t();
      acc.status = j.result();
      acc.reason = j.reason();
      lastJobOrTaskEnd = Math.max(lastJobOrTaskEnd, j.t());
    } else if (e instanceof SlotCheckFailed f) {
      slotCheckFailures++;
      slotCheckSince.putIfAbsent(f.job(), f.t());
    } else if (e instanceof BarrierRoundSkipped) {
      roundsSkipped++;
    } else if (e instanceof SimEvent.BarrierSyncReleased r) {
      syncWaitMs += r.waitMs();
    } else if (e instanceof SimEvent.BarrierSyncTimedOut o) {
      syncWaitMs += o.waitMs();
    } else if (e instanceof ExecutorAdded a) {
      presentCores += a.cores();
      peakCores = Math.max(peakCores, presentCores);
      coresByExecutor.put(a.executor(), a.cores());
      if (a.resources() != null) {
        resourcesByExecutor.put(a.executor(), a.resources());
        addUnits(resPresent, a.resources(), 1);
        for (int r = 0; r < resPeak.length; r++) resPeak[r] = Math.max(resPeak[r], resPresent[r]);
      }
    } else if (e instanceof ExecutorLost l) {
      presentCores -= coresByExecutor.getOrDefault(l.executor(), 0);
      addUnits(resPresent, resourcesByExecutor.get(l.executor()), -1);
    }
  }

  private static void addUnits(long[] units, HeldResources held, int sign) {
    if (held == null) return;
    for (int r = 0; r < units.length; r++) units[r] += sign * held.amount(r);
  }

  private void endSlotCheckWait(String job, long t) {
    Long since = slotCheckSince.remove(job);
    if (since != null) slotCheckWaitMs += t - since;
  }

  private StageAcc stage(String job, String stage) {
    return jobs.get(job).stages.get(stage);
  }

  private void advance(long t) {
    long dt = t - lastT;
    if (dt > 0) {
      coreMsPresent += dt * presentCores;
      if (barrierWaiting > 0) idleWhileWaiting += dt * (presentCores - runningTasks * taskCpus);
      for (int r = 0; r < resPresent.length; r++) {
        resPresentMs[r] += dt * resPresent[r];
        resBusyMs[r] += dt * resBusy[r];
      }
      lastT = t;
    }
  }

  /** The summary of the run that stopped at {@code endMs}. */
  public RunResult result(Outcome outcome, long endMs, long events, String digest) {
    long makespan = outcome == Outcome.COMPLETED ? lastJobOrTaskEnd : endMs;
    long present = coreMsPresent;
    if (endMs > lastT) present += (endMs - lastT) * (long) presentCores;
    long presentToMakespan = present - Math.max(0, endMs - makespan) * (long) presentCores;
    long busy = busyCoreMs + (runningTasks * endMs - runningLaunchSum) * taskCpus;
    long idle = Math.max(0, presentToMakespan - busy);
    double utilization = busy + idle == 0 ? 0 : (double) busy / (busy + idle);
    long wait = barrierWaitMs;
    long slotCheckWait = slotCheckWaitMs;
    for (long since : slotCheckSince.values()) slotCheckWait += endMs - since;
    List<RunResult.ResourceUsage> resources = new ArrayList<>();
    for (int r = 0; r < resourceNames.size(); r++) {
      long tail = Math.max(0, endMs - lastT);
      long resBusyTotal = resBusyMs[r] + tail * resBusy[r];
      long resPresentTotal = resPresentMs[r] + tail * resPresent[r] - Math.max(0, endMs - makespan) * resPresent[r];
      long resIdle = Math.max(0, resPresentTotal - resBusyTotal);
      resources.add(new RunResult.ResourceUsage(resourceNames.get(r), resPeak[r], resBusyTotal, resIdle,
          resBusyTotal + resIdle == 0 ? 0 : (double) resBusyTotal / (resBusyTotal + resIdle)));
    }
    List<RunResult.JobResult> jobResults = new ArrayList<>();
    List<RunResult.StageResult> stageResults = new ArrayList<>();
    for (JobAcc j : jobs.values()) {
      jobResults.add(new RunResult.JobResult(j.name, j.status.name(), j.submitMs, j.startMs, j.endMs, j.reason));
      for (StageAcc s : j.stages.values()) {
        if (s.waitingSince >= 0) wait += endMs - s.waitingSince;
        stageResults.add(new RunResult.StageResult(j.name, s.stage, s.stageId, s.barrier, s.attempts, s.status.name(),
            s.firstLaunchMs, s.endMs));
      }
    }
    return new RunResult(outcome, makespan, events, digest, jobResults, stageResults,
        new RunResult.TaskCounts(launched, succeeded, failed, killed),
        new RunResult.CoreUsage(peakCores, busy, idle, wastedCoreMs, utilization),
        new RunResult.BarrierMetrics(slotCheckFailures, roundsSkipped, wait, idleWhileWaiting, syncWaitMs * taskCpus,
            slotCheckWait),
        resources);
  }
}
