package dev.barriersim.core;

import java.util.List;

/**
 * What one run produced: the summary fields of the contract (the caller adds scenario, mode,
 * replication and seed).
 *
 * @param digest SHA-256 hex of the run's {@code events.jsonl} bytes
 */
public record RunResult(
    Outcome outcome,
    long makespanMs,
    long events,
    String digest,
    List<JobResult> jobs,
    List<StageResult> stages,
    TaskCounts tasks,
    CoreUsage cores,
    BarrierMetrics barrier,
    List<ResourceUsage> resources) {

  /** Freezes the lists. */
  public RunResult {
    jobs = List.copyOf(jobs);
    stages = List.copyOf(stages);
    resources = List.copyOf(resources);
  }

  /** One job instance. Times are {@code null} when they did not happen. */
  public record JobResult(String name, String status, long submitMs, Long startMs, Long endMs, String failureReason) {}

  /** One stage of a job, over all its attempts. */
  public record StageResult(String job, String stage, int stageId, boolean barrier, int attempts, String status,
      Long firstLaunchMs, Long endMs) {}

  /** Task attempts by how they ended. */
  public record TaskCounts(long launched, long succeeded, long failed, long killed) {}

  /**
   * Core time. {@code total} is the peak number of cores; idle is core time present in
   * [0, makespan] minus busy; wasted is core time of attempts that did not succeed.
   */
  public record CoreUsage(long total, long busyCoreMs, long idleCoreMs, long wastedCoreMs, double utilization) {}

  /**
   * Barrier-mode costs: failed slot checks, skipped offer rounds, time from submission to launch
   * summed over barrier stage attempts, idle core time while some barrier stage waited, core time
   * that tasks spent waiting inside {@code barrier()} (counted as busy in {@link CoreUsage}), and
   * the time barrier jobs waited in failed submission slot checks (job submission to job start),
   * which {@code waitMs} does not include.
   */
  public record BarrierMetrics(long slotCheckFailures, long roundsSkipped, long waitMs, long idleCoreMsWhileWaiting,
      long syncWaitCoreMs, long slotCheckWaitMs) {
    /** The whole wait of barrier work: slot-check retries plus stage submission to launch. */
    public long totalWaitMs() {
      return waitMs + slotCheckWaitMs;
    }
  }

  /**
   * One custom resource (such as {@code gpu}), like {@link CoreUsage}: peak units present, busy and
   * idle unit-milliseconds from 0 to the makespan, and busy / (busy + idle).
   */
  public record ResourceUsage(String name, long total, long busyMs, long idleMs, double utilization) {}
}
