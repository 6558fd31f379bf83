package dev.barriersim.core.spark;

/**
 * What an attempt will do besides its work: fail or hang at an instant (absolute virtual ms) or
 * at the end of its work. Decided at launch by the failure injector.
 */
record TaskPlan(long failAt, boolean failAtEnd, long hangAt, boolean hangAtEnd, String failureReason) {
  /** A healthy attempt. */
  static final TaskPlan HEALTHY = new TaskPlan(TaskAttempt.NEVER, false, TaskAttempt.NEVER, false, null);
}
