package dev.barriersim.core.failure;

import java.util.List;

/** The {@code failures:} section: what fails, and when. */
public record FailureSpec(List<TaskFailureSpec> tasks, double taskFailureProbability, List<ExecutorFailureSpec> executors) {
  /** No failures. */
  public static final FailureSpec NONE = new FailureSpec(List.of(), 0, List.of());

  /** Checks the probability and freezes the lists. */
  public FailureSpec {
    tasks = List.copyOf(tasks == null ? List.of() : tasks);
    executors = List.copyOf(executors == null ? List.of() : executors);
    if (!(taskFailureProbability >= 0 && taskFailureProbability < 1)) {
      throw new IllegalArgumentException("taskFailureProbability must be in [0, 1)");
    }
  }
}
