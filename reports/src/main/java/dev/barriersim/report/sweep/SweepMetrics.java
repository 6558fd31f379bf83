package dev.barriersim.report.sweep;

import dev.barriersim.report.Headline;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The headline metrics of a sweep, in output order: the headline's lines, computed the same way at every point. */
public final class SweepMetrics {
  private SweepMetrics() {}

  /** The metric id of a custom resource's utilization. */
  public static String resource(String name) {
    return "resources." + name + ".utilization";
  }

  /**
   * Makespan, completion time, jobs failed, wasted core time, core utilization, each custom
   * resource's utilization (by name), and barrier wait.
   */
  public static List<SweepMetric> of(Collection<String> resources) {
    List<SweepMetric> out = new ArrayList<>();
    out.add(new SweepMetric(SweepMetric.MAKESPAN, "makespan", Headline.Unit.DURATION, false));
    out.add(new SweepMetric(SweepMetric.COMPLETION, "completion time", Headline.Unit.DURATION, false));
    out.add(new SweepMetric(SweepMetric.JOBS_FAILED, "jobs failed", Headline.Unit.COUNT, false));
    out.add(new SweepMetric(SweepMetric.WASTED, "wasted core time", Headline.Unit.DURATION, false));
    out.add(new SweepMetric(SweepMetric.CORE_UTILIZATION, "core utilization", Headline.Unit.PERCENT, false));
    for (String r : new TreeSet<>(resources)) {
      out.add(new SweepMetric(resource(r), r.toUpperCase(Locale.ROOT) + " utilization", Headline.Unit.PERCENT, false));
    }
    out.add(new SweepMetric(SweepMetric.BARRIER_WAIT, "barrier wait", Headline.Unit.DURATION, true));
    return List.copyOf(out);
  }
}
