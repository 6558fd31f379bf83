package dev.barriersim.core;

/** How a run stopped. */
public enum Outcome {
  /** Every job ended (succeeded or failed). */
  COMPLETED,
  /** {@code simulation.horizon} was reached first. */
  HORIZON,
  /** {@code simulation.maxEvents} was reached first. */
  EVENT_LIMIT,
  /**
   * Nothing could happen any more while some job had not ended: Spark would wait forever, e.g. a
   * barrier stage that can never get enough free slots (no timeout exists, SPARK-24823).
   */
  STALLED
}
