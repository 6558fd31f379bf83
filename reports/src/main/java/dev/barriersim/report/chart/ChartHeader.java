package dev.barriersim.report.chart;

import dev.barriersim.report.SummaryJson.Summary;
import dev.barriersim.report.data.ScenarioFiles;
import java.util.Locale;

/** The subtitle line every chart carries: scenario, seed, replication and modes. */
final class ChartHeader {
  private ChartHeader() {}

  /** {@code scenario x · seed 42 · replication 0 of 5 · barrier vs non-barrier}. */
  static String replicationZero(ScenarioFiles in) {
    Summary s = in.summary();
    return String.format(Locale.ROOT, "scenario %s · seed %d · replication 0 of %d · %s", s.scenario(), s.seed(),
        Math.max(1, s.replications()), String.join(" vs ", in.modes()));
  }

  /** {@code scenario x · seed 42 · 5 replications · barrier vs non-barrier}. */
  static String allReplications(ScenarioFiles in) {
    Summary s = in.summary();
    int n = Math.max(1, s.replications());
    return String.format(Locale.ROOT, "scenario %s · seed %d · %s · %s", s.scenario(), s.seed(),
        n == 1 ? "1 replication" : n + " replications", String.join(" vs ", in.modes()));
  }
}
