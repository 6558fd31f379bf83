package dev.barriersim.core.failure;

/**
 * A scripted failure of one task attempt, identified as the scenario names it.
 *
 * @param afterMs time into the attempt's work at which it fails, hangs or exits, counted from the
 *     start of its work (after the launch latency), as the task's own code would measure it; or
 *     {@link #AT_END}: a failure or exit at the end of its work, a hang at the end of its first
 *     phase (it never calls its first {@code barrier()}; a one-phase task never finishes)
 * @param replaceAfterMs for {@link Kind#EXIT}: a like executor joins this long after the exit, or
 *     {@link ExecutorFailureSpec#NEVER}
 */
public record TaskFailureSpec(
    String job, String stage, int partition, int stageAttempt, int attempt, long afterMs, Kind kind,
    long replaceAfterMs) {

  /** No {@code after}: fail at the end of the work, hang at the end of the first phase. */
  public static final long AT_END = -1;

  /** What the attempt does. */
  public enum Kind {
    /** The task throws: it ends FAILED. */
    FAIL,
    /** The task stops making progress: it never finishes and never reaches its next {@code barrier()}. */
    HANG,
    /** The task's code exits its executor's JVM: the executor is lost, caused by the application. */
    EXIT
  }

  /** A failure or hang, no replacement. */
  public TaskFailureSpec(String job, String stage, int partition, int stageAttempt, int attempt, long afterMs, Kind kind) {
    this(job, stage, partition, stageAttempt, attempt, afterMs, kind, ExecutorFailureSpec.NEVER);
  }

  /** Checks the ids. */
  public TaskFailureSpec {
    if (partition < 0 || stageAttempt < 0 || attempt < 0) throw new IllegalArgumentException("ids must be >= 0");
    if (afterMs < 0 && afterMs != AT_END) throw new IllegalArgumentException("after must be >= 0");
    if (kind == null) kind = Kind.FAIL;
    if (replaceAfterMs < 0 && replaceAfterMs != ExecutorFailureSpec.NEVER) {
      throw new IllegalArgumentException("replaceAfter must be >= 0");
    }
    if (kind != Kind.EXIT && replaceAfterMs != ExecutorFailureSpec.NEVER) {
      throw new IllegalArgumentException("replaceAfter applies to kind exit only");
    }
  }
}
