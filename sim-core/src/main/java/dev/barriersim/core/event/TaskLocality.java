package dev.barriersim.core.event;

/**
 * Spark's {@code TaskLocality}, most local first: the order in which delay scheduling tries the
 * levels. A launch of a task without preferences reports {@link #PROCESS_LOCAL}, as Spark's
 * {@code dequeueTask} does; {@link #NO_PREF} appears only as a TaskSet's allowed level.
 */
public enum TaskLocality {
  PROCESS_LOCAL, NODE_LOCAL, NO_PREF, RACK_LOCAL, ANY;

  /** Spark's {@code TaskLocality.isAllowed(constraint, condition)}: {@code this} within {@code constraint}. */
  public boolean isAllowedWithin(TaskLocality constraint) {
    return ordinal() <= constraint.ordinal();
  }
}
