package dev.barriersim.scenario;

import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.cluster.ExecutorGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * One executor group of the cluster, at time 0 or added by {@code cluster.changes}, with the
 * instant its executors join and where it is written (its YAML path, and the steps to find it).
 */
record ExecutorGroupAt(ExecutorGroup group, long joinMs, String path, List<Object> steps) {
  /** Freezes the steps. */
  ExecutorGroupAt {
    steps = List.copyOf(steps);
  }

  /** The groups at time 0, then the adds of {@code changes}, in executor-id order. */
  static List<ExecutorGroupAt> of(ClusterSpec cluster) {
    List<ExecutorGroupAt> out = new ArrayList<>();
    for (int i = 0; i < cluster.executors().size(); i++) {
      out.add(new ExecutorGroupAt(cluster.executors().get(i), 0, "cluster.executors[" + i + "]",
          List.of("cluster", "executors", i)));
    }
    for (int i = 0; i < cluster.changes().size(); i++) {
      ClusterChange ch = cluster.changes().get(i);
      if (ch.add() != null) {
        out.add(new ExecutorGroupAt(ch.add(), ch.atMs(), "cluster.changes[" + i + "].add",
            List.of("cluster", "changes", i, "add")));
      }
    }
    return out;
  }

  /** The steps from the document root to {@code key} of this group, e.g. its {@code cores}. */
  Object[] stepsTo(String key) {
    List<Object> s = new ArrayList<>(steps);
    s.add(key);
    return s.toArray();
  }
}
