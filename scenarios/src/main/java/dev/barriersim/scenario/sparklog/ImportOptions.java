package dev.barriersim.scenario.sparklog;

import java.util.Set;
import java.util.TreeSet;

/**
 * What to import: the Spark job ids to keep (empty: every job), and whether each stage's
 * durations become an {@code empirical} distribution instead of one {@code values} entry per
 * partition.
 */
public record ImportOptions(Set<Integer> jobs, boolean asDistribution) {
  /** Most values an empirical distribution lists: more tasks are summarised by evenly spaced quantiles. */
  public static final int MAX_EMPIRICAL = 1_000;

  /** Freezes the set, sorted. */
  public ImportOptions {
    jobs = java.util.Collections.unmodifiableSet(new TreeSet<>(jobs == null ? Set.of() : jobs));
  }

  /** Every job, one value per partition. */
  public static ImportOptions defaults() {
    return new ImportOptions(Set.of(), false);
  }
}
