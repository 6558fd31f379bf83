package dev.barriersim.core.cluster;

import java.util.List;

/** The cluster at time 0 ({@code executors}, ids "0", "1", ... in order) and its later changes. */
public record ClusterSpec(List<ExecutorGroup> executors, List<ClusterChange> changes) {
  /** Requires at least one executor group; freezes the lists. */
  public ClusterSpec {
    if (executors == null || executors.isEmpty()) {
      throw new IllegalArgumentException("cluster.executors must not be empty");
    }
    executors = List.copyOf(executors);
    changes = List.copyOf(changes == null ? List.of() : changes);
  }
}
