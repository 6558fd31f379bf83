package dev.barriersim.report.data;

/** How a task attempt ended, as {@code tasks.csv} writes it; {@code RUNNING} when the run stopped first. */
public enum TaskStatus {
  /** The attempt finished its work. */
  SUCCESS,
  /** The attempt threw, hung past a timeout, or lost its executor. */
  FAILED,
  /** The scheduler killed the attempt (a barrier sibling failed, or its job ended). */
  KILLED,
  /** Still running when the run stopped; it has no end time. */
  RUNNING
}
