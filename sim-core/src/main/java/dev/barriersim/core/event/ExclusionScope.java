package dev.barriersim.core.event;

import java.util.Locale;

/** What an exclusion on failure covers: one task of a TaskSet, a whole TaskSet, or the application. */
public enum ExclusionScope {
  /** One task index of one TaskSet ({@code TaskSetExcludelist.isExecutorExcludedForTask}). */
  TASK,
  /** One TaskSet, that is one stage attempt ({@code isExecutorExcludedForTaskSet}). */
  STAGE,
  /** Every TaskSet until the exclusion times out ({@code HealthTracker.isExecutorExcluded}). */
  APPLICATION;

  /** The name written in {@code events.jsonl}: {@code task}, {@code stage} or {@code application}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
