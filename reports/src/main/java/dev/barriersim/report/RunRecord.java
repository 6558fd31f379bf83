package dev.barriersim.report;

import dev.barriersim.core.RunResult;

/** One finished run: which (mode, replication, seed) it was and what it produced. */
public record RunRecord(RunPlan.RunKey key, RunResult result) {
  /** The run's mode. */
  public Mode mode() {
    return key.mode();
  }

  /** The run's replication number. */
  public int replication() {
    return key.replication();
  }
}
