package dev.barriersim.core.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * Hosts and racks as Spark's {@code TaskSchedulerImpl} knows them ({@code hostToExecutors},
 * {@code hostsByRack}, {@code getRackForHost}): the rack of each host that ever had an executor,
 * and how many executors that take tasks each host and rack has now. Lookups only; nothing here
 * is iterated into an output.
 */
public final class Topology {
  private final Map<String, String> rackOfHost = new HashMap<>();
  private final Map<String, Integer> activeOnHost = new HashMap<>();
  private final Map<String, Integer> activeOnRack = new HashMap<>();

  void added(String host, String rack) {
    if (rack != null) rackOfHost.put(host, rack);
    activeOnHost.merge(host, 1, Integer::sum);
    String r = rackOfHost.get(host);
    if (r != null) activeOnRack.merge(r, 1, Integer::sum);
  }

  void deactivated(String host) {
    activeOnHost.merge(host, -1, Integer::sum);
    String r = rackOfHost.get(host);
    if (r != null) activeOnRack.merge(r, -1, Integer::sum);
  }

  /** Spark's {@code getRackForHost}: the rack of {@code host}, or null when it is not known. */
  public String rackOf(String host) {
    return rackOfHost.get(host);
  }

  /** Spark's {@code hasExecutorsAliveOnHost}: some executor on {@code host} takes tasks. */
  public boolean hasExecutorsAliveOnHost(String host) {
    return activeOnHost.getOrDefault(host, 0) > 0;
  }

  /** Spark's {@code hasHostAliveOnRack}: some executor on {@code rack} takes tasks. */
  public boolean hasHostAliveOnRack(String rack) {
    return activeOnRack.getOrDefault(rack, 0) > 0;
  }
}
