package dev.barriersim.scenario.sparklog;

/**
 * A task attempt that did not succeed (or ran speculatively): what the replay needs to script or
 * explain it.
 *
 * @param reason Spark's {@code Task End Reason} name: ExceptionFailure, TaskKilled, FetchFailed, ...
 * @param detail the exception or kill reason, first line
 */
record TaskRecord(RecordedStage stage, int stageAttempt, int partition, int attempt, long launch, long finish,
    String executor, String reason, String detail, boolean speculative, long line) {
  long wall() {
    return Math.max(0, finish - launch);
  }
}
