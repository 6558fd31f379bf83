package dev.barriersim.core.spark;

/** {@code simulation.backend}: which scheduler backend drives the offer rounds. */
public enum Backend {
  /** {@code CoarseGrainedSchedulerBackend}: periodic revive plus single-executor rounds. */
  COARSE_GRAINED,
  /** {@code LocalSchedulerBackend} ({@code local[N]}): a full round on every status update. */
  LOCAL
}
