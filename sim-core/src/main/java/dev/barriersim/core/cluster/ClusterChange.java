package dev.barriersim.core.cluster;

import java.util.List;

/**
 * A change of the cluster at a virtual instant: executors join ({@code add}) and/or executors are
 * gracefully decommissioned (they finish their running tasks, take no new ones, then leave).
 */
public record ClusterChange(long atMs, ExecutorGroup add, List<String> decommission) {
  /** Checks the instant and freezes the list. */
  public ClusterChange {
    if (atMs < 0) throw new IllegalArgumentException("at must be >= 0");
    decommission = List.copyOf(decommission == null ? List.of() : decommission);
  }
}
