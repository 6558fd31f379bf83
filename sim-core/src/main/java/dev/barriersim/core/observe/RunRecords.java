package dev.barriersim.core.observe;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.JobStarted;
import dev.barriersim.core.event.SimEvent.JobSubmitted;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.StageInfo;
import dev.barriersim.core.event.StageStatus;
import dev.barriersim.core.event.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary's records: one per job instance (in submission order) and per stage of a started job
 * (in stage-id order), task attempts counted by how they ended, and the last job or task end.
 */
final class RunRecords {
  private static final class JobRecord {
    final String name;
    final long submitMs;
    Long startMs;
    Long endMs;
    JobStatus status = JobStatus.RUNNING;
    String reason;
    final Map<String, StageRecord> stages = new LinkedHashMap<>();

    JobRecord(String name, long submitMs) {
      this.name = name;
      this.submitMs = submitMs;
    }
  }

  private static final class StageRecord {
    final StageInfo info;
    int attempts;
    StageStatus status = StageStatus.PENDING;
    Long firstLaunchMs;
    Long endMs;

    StageRecord(StageInfo info) {
      this.info = info;
    }
  }

  private final Map<String, JobRecord> jobs;
  private long launched;
  private long succeeded;
  private long failed;
  private long killed;
  private long lastEndMs;
  private String lastJob;
  private String lastStage;
  private StageRecord lastRecord;

  /** Records for about {@code expectedJobs} job instances (sized once: no rehashing as they come). */
  RunRecords(int expectedJobs) {
    jobs = new LinkedHashMap<>(Math.max(16, (int) Math.min(1 << 30, expectedJobs * 4L / 3 + 1)));
  }

  /** Counts a launch; the stage's first launch is its start. */
  void taskLaunched(long t, String job, String stage) {
    launched++;
    StageRecord s = launchedStage(job, stage);
    if (s.firstLaunchMs == null) s.firstLaunchMs = t;
  }

  /**
   * The record of the stage that launched, remembered by the identity of its names: the tasks of
   * one stage come with the same strings, so most launches skip the two lookups.
   */
  private StageRecord launchedStage(String job, String stage) {
    if (job != lastJob || stage != lastStage) {
      lastRecord = stage(job, stage);
      lastJob = job;
      lastStage = stage;
    }
    return lastRecord;
  }

  /** Counts an end by how the attempt ended. */
  void taskEnded(long t, TaskStatus status) {
    if (status == TaskStatus.SUCCESS) succeeded++;
    else if (status == TaskStatus.FAILED) failed++;
    else killed++;
    lastEndMs = Math.max(lastEndMs, t);
  }

  /** Updates the records with an event other than a task launch or end. */
  void onEvent(SimEvent e) {
    if (e instanceof JobSubmitted || e instanceof JobStarted) lastJob = null; // records are made: forget the last lookup
    if (e instanceof StageSubmitted s) {
      StageRecord r = stage(s.job(), s.stage());
      r.attempts = s.stageAttempt() + 1;
      r.status = StageStatus.RUNNING;
    } else if (e instanceof StageCompleted c) {
      StageRecord r = stage(c.job(), c.stage());
      r.status = c.result();
      r.endMs = c.t();
    } else if (e instanceof JobSubmitted j) {
      jobs.put(j.job(), new JobRecord(j.job(), j.t()));
    } else if (e instanceof JobStarted j) {
      JobRecord r = jobs.get(j.job());
      r.startMs = j.t();
      for (StageInfo s : j.stages()) r.stages.put(s.name(), new StageRecord(s));
    } else if (e instanceof JobEnded j) {
      JobRecord r = jobs.get(j.job());
      r.endMs = j.t();
      r.status = j.result();
      r.reason = j.reason();
      lastEndMs = Math.max(lastEndMs, j.t());
    }
  }

  private StageRecord stage(String job, String stage) {
    return jobs.get(job).stages.get(stage);
  }

  /** When the last job or task attempt ended: the makespan of a completed run. */
  long lastEndMs() {
    return lastEndMs;
  }

  /** Task attempts by how they ended; the rest still ran when the run stopped. */
  RunResult.TaskCounts taskCounts() {
    return new RunResult.TaskCounts(launched, succeeded, failed, killed);
  }

  /** One record per job instance, in submission order. */
  List<RunResult.JobResult> jobs() {
    List<RunResult.JobResult> out = new ArrayList<>(jobs.size());
    for (JobRecord j : jobs.values()) {
      out.add(new RunResult.JobResult(j.name, j.status.name(), j.submitMs, j.startMs, j.endMs, j.reason));
    }
    return out;
  }

  /** One record per stage of each started job, jobs in submission order, stages in id order. */
  List<RunResult.StageResult> stages() {
    List<RunResult.StageResult> out = new ArrayList<>();
    for (JobRecord j : jobs.values()) {
      for (StageRecord s : j.stages.values()) {
        out.add(new RunResult.StageResult(j.name, s.info.name(), s.info.stageId(), s.info.barrier(), s.attempts,
            s.status.name(), s.firstLaunchMs, s.endMs));
      }
    }
    return out;
  }
}
