package dev.barriersim.core.cluster;

import java.util.Map;
import java.util.TreeMap;

/**
 * A group of identical executors: {@code count} executors of {@code cores} cores and the given
 * custom resources, placed {@code executorsPerHost} to a host, on rack {@code rack} (null: racks
 * are not resolved, as without a topology script), each taking {@code launchLatencyMs} from a
 * launch to the start of the task's work ({@link #SIMULATION_LATENCY}: {@code simulation.latency.launch}).
 */
public record ExecutorGroup(int count, int cores, Map<String, Integer> resources, int executorsPerHost, String rack,
    long launchLatencyMs) {
  /** The group's executors take the simulation's launch latency. */
  public static final long SIMULATION_LATENCY = -1;

  /** A group whose hosts have no rack. */
  public ExecutorGroup(int count, int cores, Map<String, Integer> resources, int executorsPerHost) {
    this(count, cores, resources, executorsPerHost, null);
  }

  /** A group with the simulation's launch latency. */
  public ExecutorGroup(int count, int cores, Map<String, Integer> resources, int executorsPerHost, String rack) {
    this(count, cores, resources, executorsPerHost, rack, SIMULATION_LATENCY);
  }

  /** Checks the amounts and freezes the resources in name order. */
  public ExecutorGroup {
    if (count < 1) throw new IllegalArgumentException("count must be >= 1");
    if (cores < 1) throw new IllegalArgumentException("cores must be >= 1");
    if (executorsPerHost < 1) throw new IllegalArgumentException("executorsPerHost must be >= 1");
    if (launchLatencyMs < SIMULATION_LATENCY) throw new IllegalArgumentException("launchLatencyMs must be >= 0");
    resources = Map.copyOf(new TreeMap<>(resources == null ? Map.of() : resources));
    resources.forEach((k, v) -> {
      if (v < 0) throw new IllegalArgumentException("resource " + k + " must be >= 0");
    });
  }
}
