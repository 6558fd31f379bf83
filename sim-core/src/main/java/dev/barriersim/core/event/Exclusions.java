package dev.barriersim.core.event;

/** Writes the ids an exclusion event carries for its scope. */
final class Exclusions {
  private Exclusions() {}

  /** job, stage and stageAttempt for a TaskSet's exclusion, and partition for a task's; nothing for the application's. */
  static void ids(EventFields o, ExclusionScope scope, String job, String stage, int stageAttempt, int partition) {
    if (scope == ExclusionScope.APPLICATION) return;
    o.str("job", job).str("stage", stage).num("stageAttempt", stageAttempt);
    if (scope == ExclusionScope.TASK) o.num("partition", partition);
  }
}
