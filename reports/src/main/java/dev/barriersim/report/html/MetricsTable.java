package dev.barriersim.report.html;

import dev.barriersim.report.Headline.Estimate;
import dev.barriersim.report.SummaryJson.EstimateJson;
import dev.barriersim.report.SummaryJson.Summary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every aggregated metric of {@code summary.json}: mean [95 % interval] per mode and the paired
 * difference, in human units, one row per metric.
 */
final class MetricsTable {
  /** The group of paired differences in {@code aggregates}. */
  static final String PAIRED = "paired";

  private MetricsTable() {}

  /** The section; {@code makespanUnfair} flags the makespan row when jobs failed. */
  static String render(Summary s, boolean makespanUnfair) {
    Map<String, Map<String, EstimateJson>> agg = s.aggregates() == null ? Map.of() : s.aggregates();
    List<String> modes = new ArrayList<>();
    for (String m : s.modes()) if (agg.containsKey(m)) modes.add(m);
    boolean paired = agg.containsKey(PAIRED);
    Set<String> metrics = new LinkedHashSet<>();
    for (String m : modes) metrics.addAll(agg.get(m).keySet());
    if (paired) metrics.addAll(agg.get(PAIRED).keySet());

    StringBuilder sb = new StringBuilder("<section id=\"metrics\">\n<h2>Metrics</h2>\n");
    if (metrics.isEmpty()) return sb.append("<p class=\"muted\">summary.json has no aggregates.</p>\n</section>\n").toString();
    sb.append("<div class=\"scroll\"><table class=\"wide metrics\">\n<thead><tr><th>Metric</th>");
    List<String> groups = new ArrayList<>(modes);
    if (paired) groups.add(PAIRED);
    for (String g : groups) {
      long n = uniformN(agg.get(g));
      sb.append("<th class=\"num\">").append(g.equals(PAIRED) ? "Difference" : Page.mode(g))
          .append("<span class=\"name\">").append(g.equals(PAIRED) ? "barrier &minus; non-barrier" : "mean [95 % CI]")
          .append(n > 0 ? ", n " + n : "").append("</span></th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (String metric : metrics) {
      MetricLabels.Label label = MetricLabels.of(metric);
      sb.append("<tr><td>").append(Html.esc(label.text())).append("<span class=\"name mono\">").append(Html.esc(metric))
          .append("</span>");
      if (makespanUnfair && metric.equals("makespanMs")) {
        sb.append("<span class=\"name warn\">not a fair comparison: some jobs failed, and a failed job ends its run early"
            + "</span>");
      }
      sb.append("</td>");
      for (String g : groups) {
        EstimateJson e = agg.get(g).get(metric);
        long n = uniformN(agg.get(g));
        sb.append(HeadlineHtml.cell(e == null ? null : estimate(e), label.unit(), g.equals(PAIRED), n > 0 ? n : -1));
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table></div>\n<p class=\"small muted\">All aggregates of <code>summary.json</code>. Core time "
        + "is in core-seconds written as a duration (2 cores busy for 1 minute = 2m 0.0s). Differences are paired by "
        + "replication. Means are over every run, including runs where a job failed.</p>\n");
    return sb.append("</section>\n").toString();
  }

  /** The n shared by every metric of a group, or 0 when they differ. */
  private static long uniformN(Map<String, EstimateJson> group) {
    long n = -1;
    for (EstimateJson e : group.values()) {
      if (n == -1) n = e.n();
      else if (n != e.n()) return 0;
    }
    return Math.max(n, 0);
  }

  private static Estimate estimate(EstimateJson e) {
    double lo = e.ci95() != null && e.ci95().length == 2 ? e.ci95()[0] : e.mean();
    double hi = e.ci95() != null && e.ci95().length == 2 ? e.ci95()[1] : e.mean();
    return new Estimate(e.mean(), lo, hi, e.n());
  }

}
