package dev.barriersim.core.failure;

/**
 * A scripted failure of one task attempt, identified as the scenario names it.
 *
 * @param afterMs time after the attempt's launch at which it fails or hangs, or {@link #AT_END}:
 *     at the end of its work
 */
public record TaskFailureSpec(
    String job, String stage, int partition, int stageAttempt, int attempt, long afterMs, Kind kind) {

  /** Fail (or hang) at the end of the attempt's work. */
  public static final long AT_END = -1;

  /** What the attempt does. */
  public enum Kind {
    /** The task throws: it ends FAILED. */
    FAIL,
    /** The task stops making progress: it never finishes and never reaches a sync point. */
    HANG
  }

  /** Checks the ids. */
  public TaskFailureSpec {
    if (partition < 0 || stageAttempt < 0 || attempt < 0) throw new IllegalArgumentException("ids must be >= 0");
    if (afterMs < 0 && afterMs != AT_END) throw new IllegalArgumentException("after must be >= 0");
    if (kind == null) kind = Kind.FAIL;
  }
}
