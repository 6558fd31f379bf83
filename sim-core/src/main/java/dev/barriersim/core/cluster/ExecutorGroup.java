package dev.barriersim.core.cluster;

import java.util.Map;
import java.util.TreeMap;

/**
 * A group of identical executors: {@code count} executors of {@code cores} cores and the given
 * custom resources, placed {@code executorsPerHost} to a host, on rack {@code rack} (null: racks
 * are not resolved, as without a topology script).
 */
public record ExecutorGroup(int count, int cores, Map<String, Integer> resources, int executorsPerHost, String rack) {
  /** A group whose hosts have no rack. */
  public ExecutorGroup(int count, int cores, Map<String, Integer> resources, int executorsPerHost) {
    this(count, cores, resources, executorsPerHost, null);
  }

  /** Checks the amounts and freezes the resources in name order. */
  public ExecutorGroup {
    if (count < 1) throw new IllegalArgumentException("count must be >= 1");
    if (cores < 1) throw new IllegalArgumentException("cores must be >= 1");
    if (executorsPerHost < 1) throw new IllegalArgumentException("executorsPerHost must be >= 1");
    resources = Map.copyOf(new TreeMap<>(resources == null ? Map.of() : resources));
    resources.forEach((k, v) -> {
      if (v < 0) throw new IllegalArgumentException("resource " + k + " must be >= 0");
    });
  }
}
