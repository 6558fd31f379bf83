package dev.barriersim.core.spark;

/**
 * What an attempt will do besides its work: fail at an instant (absolute virtual ms) or at the end
 * of its work; hang at an instant or at the end of its first phase, instead of calling its first
 * {@code barrier()} (or, with one phase, instead of finishing). Decided at launch by the failure
 * injector.
 */
record TaskPlan(long failAt, boolean failAtEnd, long hangAt, boolean hangAfterFirstPhase, String failureReason) {
  /** A healthy attempt. */
  static final TaskPlan HEALTHY = new TaskPlan(TaskAttempt.NEVER, false, TaskAttempt.NEVER, false, null);
}
