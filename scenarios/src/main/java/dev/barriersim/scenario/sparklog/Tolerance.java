package dev.barriersim.scenario.sparklog;

/** The replay tolerance of the import contract: max(150 ms, 5 %) of a time measured from the job's submission. */
public final class Tolerance {
  private Tolerance() {}

  /** The allowed error, in ms, for a recorded time of {@code recordedMs} after the job's submission. */
  public static long allowedMs(long recordedMs) {
    return Math.max(150, Math.round(Math.abs(recordedMs) * 0.05));
  }
}
