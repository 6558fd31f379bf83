package dev.barriersim.report;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * Per-mode estimates of every metric over the replications, and the paired difference
 * (barrier minus non-barrier, replication by replication, same seed) when both modes ran.
 */
public final class Aggregates {
  /** The key of the paired differences, beside the mode names. */
  public static final String PAIRED = "paired";

  private Aggregates() {}

  /**
   * Group (a mode's id, or {@link #PAIRED}) to metric name to estimate, all in output order.
   * Insertion-ordered maps so the JSON bytes never depend on hashing.
   */
  public static LinkedHashMap<String, LinkedHashMap<String, Stats.Estimate>> of(ScenarioResult result) {
    LinkedHashMap<String, LinkedHashMap<String, Stats.Estimate>> out = new LinkedHashMap<>();
    List<Metrics.Metric> all = Metrics.of(result.runs().stream().map(RunRecord::result).toList());
    for (Mode mode : result.plan().modes()) {
      List<RunRecord> runs = result.of(mode);
      LinkedHashMap<String, Stats.Estimate> metrics = new LinkedHashMap<>();
      for (Metrics.Metric m : all) {
        metrics.put(m.name(), Stats.of(runs.stream().mapToDouble(r -> m.value().applyAsDouble(r.result())).toArray()));
      }
      out.put(mode.id(), metrics);
    }
    List<RunRecord> barrier = result.of(Mode.BARRIER);
    List<RunRecord> plain = result.of(Mode.NON_BARRIER);
    if (!barrier.isEmpty() && !plain.isEmpty()) out.put(PAIRED, paired(all, barrier, plain));
    return out;
  }

  private static LinkedHashMap<String, Stats.Estimate> paired(List<Metrics.Metric> all, List<RunRecord> barrier,
      List<RunRecord> plain) {
    if (barrier.size() != plain.size()) throw new IllegalStateException("modes ran different replication counts");
    LinkedHashMap<String, Stats.Estimate> metrics = new LinkedHashMap<>();
    for (Metrics.Metric m : all) {
      double[] diff = new double[barrier.size()];
      for (int r = 0; r < diff.length; r++) {
        diff[r] = m.value().applyAsDouble(barrier.get(r).result()) - m.value().applyAsDouble(plain.get(r).result());
      }
      metrics.put(m.name(), Stats.of(diff));
    }
    return metrics;
  }
}
