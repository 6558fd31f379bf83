package dev.barriersim.core.failure;

/** Loss of executors: scripted, or random with a mean time between failures. */
public sealed interface ExecutorFailureSpec {
  /** Executor {@code executorId} is lost at {@code atMs}. */
  record Scripted(String executorId, long atMs) implements ExecutorFailureSpec {
    /** Checks the instant. */
    public Scripted {
      if (atMs < 0) throw new IllegalArgumentException("at must be >= 0");
    }
  }

  /**
   * Each executor is lost after an exponential lifetime of mean {@code mtbfMs}; a like executor
   * joins {@code replaceAfterMs} after each loss ({@link #NEVER}: no replacement).
   */
  record Random(long mtbfMs, long replaceAfterMs) implements ExecutorFailureSpec {
    /** No replacement. */
    public static final long NEVER = -1;

    /** Checks the times. */
    public Random {
      if (mtbfMs < 1) throw new IllegalArgumentException("mtbf must be > 0");
      if (replaceAfterMs < 0 && replaceAfterMs != NEVER) throw new IllegalArgumentException("replaceAfter must be >= 0");
    }
  }
}
