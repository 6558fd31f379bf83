package dev.barriersim.report.data;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the charts need from one run's {@code events.jsonl}.
 *
 * @param executors every executor that joined, in the order it joined
 * @param taskSetWaits barrier TaskSets waiting for slots: {@code StageSubmitted} to their first launch
 * @param slotCheckWaits barrier jobs waiting in failed submission slot checks: first failure to {@code JobStarted}
 * @param slotCheckFailures every failed slot check, in time order
 * @param barrierStages the (job, stage) pairs submitted as barrier stages
 * @param runEndMs the time of the last event
 */
public record RunEvents(List<ExecutorSpan> executors, List<TaskSetWait> taskSetWaits, List<SlotCheckWait> slotCheckWaits,
    List<SlotCheck> slotCheckFailures, Set<StageRef> barrierStages, long runEndMs) {
  /** Time value of an event that did not happen. */
  public static final long NEVER = -1;

  /** Freezes the collections. */
  public RunEvents {
    executors = List.copyOf(executors);
    taskSetWaits = List.copyOf(taskSetWaits);
    slotCheckWaits = List.copyOf(slotCheckWaits);
    slotCheckFailures = List.copyOf(slotCheckFailures);
    barrierStages = Set.copyOf(barrierStages);
  }

  /** A stage of a job instance. */
  public record StageRef(String job, String stage) {}

  /**
   * One executor's life.
   *
   * @param resources custom resource amounts, e.g. {@code gpu -> 2}, in the order written
   * @param decommissionedMs {@link #NEVER} unless it was decommissioned
   * @param lostMs {@link #NEVER} unless it left the cluster
   */
  public record ExecutorSpan(String id, String host, int cores, Map<String, Integer> resources, long addedMs,
      long decommissionedMs, long lostMs) {
    /** Amount of custom resource {@code name} (0 when none). */
    public int amount(String name) {
      return resources.getOrDefault(name, 0);
    }

    /** The time it left, or {@code runEndMs} if it stayed to the end. */
    public long goneOr(long runEndMs) {
      return lostMs == NEVER ? runEndMs : lostMs;
    }
  }

  /**
   * A barrier TaskSet waiting for slots.
   *
   * @param launched whether a task of it launched (otherwise the wait ended with the stage or the run)
   */
  public record TaskSetWait(String job, String stage, int stageAttempt, Interval interval, boolean launched) {}

  /** A barrier job waiting in failed submission slot checks, from the first failure to its start (or end). */
  public record SlotCheckWait(String job, String stage, Interval interval, boolean started) {}

  /** One failed submission slot check (SPARK-24819); {@code willRetry} is false for the last one. */
  public record SlotCheck(long t, String job, String stage, int required, int available, boolean willRetry) {}
}
