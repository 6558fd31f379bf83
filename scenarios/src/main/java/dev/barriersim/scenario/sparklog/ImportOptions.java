package dev.barriersim.scenario.sparklog;

import java.util.Set;
import java.util.TreeSet;

/**
 * What to import: the Spark job ids to keep (empty: every job), whether each stage's durations
 * become an {@code empirical} distribution instead of one {@code values} entry per partition, and
 * the file name (relative to the scenario) of the recorded timeline to write beside it, or null
 * for none.
 */
public record ImportOptions(Set<Integer> jobs, boolean asDistribution, String recordedFile) {
  /** Most values an empirical distribution lists: more tasks are summarised by evenly spaced quantiles. */
  public static final int MAX_EMPIRICAL = 1_000;

  /** Freezes the set, sorted. */
  public ImportOptions {
    jobs = java.util.Collections.unmodifiableSet(new TreeSet<>(jobs == null ? Set.of() : jobs));
  }

  /** No recorded timeline. */
  public ImportOptions(Set<Integer> jobs, boolean asDistribution) {
    this(jobs, asDistribution, null);
  }

  /** Every job, one value per partition. */
  public static ImportOptions defaults() {
    return new ImportOptions(Set.of(), false);
  }
}
