package dev.barriersim.core.spark;

import dev.barriersim.core.event.TaskStatus;

/** Why a task attempt ended: Spark's {@code TaskEndReason} families the scheduler tells apart. */
enum EndCause {
  /** {@code Success}. */
  SUCCESS(TaskStatus.SUCCESS, false),
  /** {@code ExceptionFailure}: the task threw (scripted, random, or a barrier sync failure). */
  EXCEPTION(TaskStatus.FAILED, true),
  /** {@code TaskKilled}. */
  KILLED(TaskStatus.KILLED, false),
  /** {@code ExecutorLostFailure} with {@code exitCausedByApp = false}. */
  EXECUTOR_LOST(TaskStatus.FAILED, false),
  /** {@code ExecutorLostFailure} with {@code exitCausedByApp = true}: an app-caused exit, a heartbeat timeout. */
  EXECUTOR_LOST_BY_APP(TaskStatus.FAILED, true),
  /** {@code FetchFailed}: a shuffle input was missing. */
  FETCH_FAILED(TaskStatus.FAILED, false);

  final TaskStatus status;
  /** Counts towards {@code spark.task.maxFailures} ({@code countTowardsTaskFailures}). */
  final boolean countsTowardsTaskFailures;

  EndCause(TaskStatus status, boolean counts) {
    this.status = status;
    this.countsTowardsTaskFailures = counts;
  }
}
