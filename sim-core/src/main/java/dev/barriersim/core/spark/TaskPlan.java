package dev.barriersim.core.spark;

/**
 * What an attempt will do besides its work: fail at an instant (absolute virtual ms) or at the end
 * of its work; hang at an instant or at the end of its first phase, instead of calling its first
 * {@code barrier()} (or, with one phase, instead of finishing). Decided at launch by the failure
 * injector. A planned failure with an {@code exitSource} exits the executor's JVM instead of
 * throwing: the executor is lost, caused by the application.
 *
 * @param exitSource the scenario key of an exit ({@code failures.tasks[i]}), or null
 * @param replaceAfterMs after an exit, when a like executor joins ({@code ExecutorFailureSpec.NEVER}: never)
 */
record TaskPlan(long failAt, boolean failAtEnd, long hangAt, boolean hangAfterFirstPhase, String failureReason,
    String exitSource, long replaceAfterMs) {
  /** A healthy attempt. */
  static final TaskPlan HEALTHY = new TaskPlan(TaskAttempt.NEVER, false, TaskAttempt.NEVER, false, null);

  /** A plan without an exit. */
  TaskPlan(long failAt, boolean failAtEnd, long hangAt, boolean hangAfterFirstPhase, String failureReason) {
    this(failAt, failAtEnd, hangAt, hangAfterFirstPhase, failureReason, null, -1);
  }
}
