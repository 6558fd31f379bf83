package dev.barriersim.core.event;

/** Where a stage stands: PENDING until its first attempt is submitted, then its latest attempt's state. */
public enum StageStatus {
  /** No attempt submitted yet. */
  PENDING,
  /** An attempt was submitted and has not finished. */
  RUNNING,
  /** The latest attempt finished every task. */
  SUCCEEDED,
  /** The latest attempt failed. */
  FAILED
}
