package dev.barriersim.report;

/** Told as work ends, so that long work can show how far it is; implementations must be thread-safe. */
public interface Progress {
  /** Nothing is shown. */
  Progress NONE = new Progress() {};

  /** More work was planned: {@code runs} simulations, {@code points} of them sweep points (0 for a plain scenario). */
  default void planned(long runs, long points) {}

  /** One simulation ended. */
  default void runDone() {}

  /** Every run of one sweep point ended. */
  default void pointDone() {}
}
