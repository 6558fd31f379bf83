package dev.barriersim.core.failure;

/**
 * Loss of executors: scripted, or random with a mean time between failures. Each says whether
 * Spark would blame the application ({@code causedByApp}: an exit caused by the app, a heartbeat
 * timeout), which decides whether the running tasks' failures count towards
 * {@code spark.task.maxFailures}, and whether a like executor joins after each loss.
 */
public sealed interface ExecutorFailureSpec {
  /** No replacement. */
  long NEVER = -1;

  /** True when Spark's loss reason has {@code exitCausedByApp} (cause {@code app}). */
  boolean causedByApp();

  /** How long after a loss a like executor joins, or {@link #NEVER}. */
  long replaceAfterMs();

  /** Executor {@code executorId} is lost at {@code atMs}. */
  record Scripted(String executorId, long atMs, boolean causedByApp, long replaceAfterMs)
      implements ExecutorFailureSpec {
    /** A loss that is not the application's ({@code external}), not replaced. */
    public Scripted(String executorId, long atMs) {
      this(executorId, atMs, false, NEVER);
    }

    /** Checks the instants. */
    public Scripted {
      if (atMs < 0) throw new IllegalArgumentException("at must be >= 0");
      if (replaceAfterMs < 0 && replaceAfterMs != NEVER) throw new IllegalArgumentException("replaceAfter must be >= 0");
    }
  }

  /**
   * Each executor is lost after an exponential lifetime of mean {@code mtbfMs}; a like executor
   * joins {@code replaceAfterMs} after each loss ({@link #NEVER}: no replacement).
   */
  record Random(long mtbfMs, long replaceAfterMs, boolean causedByApp) implements ExecutorFailureSpec {
    /** No replacement. */
    public static final long NEVER = ExecutorFailureSpec.NEVER;

    /** Losses that are not the application's ({@code external}). */
    public Random(long mtbfMs, long replaceAfterMs) {
      this(mtbfMs, replaceAfterMs, false);
    }

    /** Checks the times. */
    public Random {
      if (mtbfMs < 1) throw new IllegalArgumentException("mtbf must be > 0");
      if (replaceAfterMs < 0 && replaceAfterMs != NEVER) throw new IllegalArgumentException("replaceAfter must be >= 0");
    }
  }
}
