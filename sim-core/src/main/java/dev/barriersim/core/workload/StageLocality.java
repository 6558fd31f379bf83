package dev.barriersim.core.workload;

import java.util.List;

/**
 * Where a stage's partitions would rather run: {@code cachedFrom} names a stage whose partitions
 * this stage reads from the cache (each partition prefers the executor that computed it), and
 * {@code inputHosts} lists the hosts holding each partition's input split (one list for every
 * partition, or one per partition).
 *
 * @param cachedFromJob the job of the cached stage; null for the stage's own job
 * @param cachedFromStage the cached stage; null when nothing is read from the cache
 * @param inputHosts hosts per partition; empty when the input has no location
 */
public record StageLocality(String cachedFromJob, String cachedFromStage, List<List<String>> inputHosts) {

  /** Freezes the host lists. */
  public StageLocality {
    inputHosts = inputHosts == null ? List.of() : inputHosts.stream().map(List::copyOf).toList();
  }

  /** The hosts holding partition {@code p}'s input split, possibly none. */
  public List<String> inputHostsOf(int p) {
    if (inputHosts.isEmpty()) return List.of();
    if (inputHosts.size() == 1) return inputHosts.get(0);
    return p < inputHosts.size() ? inputHosts.get(p) : List.of();
  }
}
