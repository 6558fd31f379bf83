package dev.barriersim.report.html;

import dev.barriersim.report.SummaryJson.Job;
import dev.barriersim.report.SummaryJson.Run;
import dev.barriersim.report.SummaryJson.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every job that failed, with Spark's reason verbatim, and every job that had not ended when its run
 * stopped; mode order, then replication, then job order.
 */
final class FailedJobsSection {
  /** Rows shown before the rest is left to summary.json (a long job stream can fail thousands of jobs). */
  static final int MAX_ROWS = 200;

  private FailedJobsSection() {}

  private record Row(String mode, int replication, Job job, String outcome) {}

  /** The section. */
  static String render(Summary s) {
    List<Row> rows = new ArrayList<>();
    for (String mode : s.modes()) {
      s.runs().stream().filter(r -> r.mode().equals(mode)).sorted(Comparator.comparingInt(Run::replication))
          .forEach(r -> r.jobs().stream().filter(j -> !"SUCCEEDED".equals(j.status()))
              .forEach(j -> rows.add(new Row(mode, r.replication(), j, r.outcome()))));
    }
    StringBuilder sb = new StringBuilder("<section id=\"failed-jobs\">\n<h2>Failed jobs</h2>\n");
    if (rows.isEmpty()) {
      return sb.append("<p>No job failed, in any mode or replication.</p>\n</section>\n").toString();
    }
    long failed = rows.stream().filter(r -> "FAILED".equals(r.job().status())).count();
    sb.append("<p>").append(failed).append(failed == 1 ? " job" : " jobs").append(" failed");
    if (rows.size() > failed) sb.append(" and ").append(rows.size() - failed).append(" had not ended when their run stopped");
    sb.append(". The reason is Spark's message, as the simulated driver would log it.</p>\n");
    sb.append("<div class=\"scroll\"><table class=\"wide failed\">\n<thead><tr><th>Mode</th>"
        + "<th class=\"num\">Replication</th><th>Job</th><th>Reason</th></tr></thead>\n<tbody>\n");
    for (Row r : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
      sb.append("<tr><td class=\"mode\">").append(Page.mode(r.mode())).append("</td><td class=\"num\">").append(r.replication())
          .append("</td><td><code>").append(Html.esc(r.job().name())).append("</code></td><td>");
      if ("FAILED".equals(r.job().status())) {
        sb.append("<pre class=\"reason\">").append(Html.esc(r.job().failureReason() == null ? "" : r.job().failureReason()))
            .append("</pre>");
      } else {
        sb.append("<em>not ended (").append(Html.esc(r.job().status())).append(") when the run stopped with outcome ")
            .append(Html.esc(r.outcome())).append("</em>");
      }
      sb.append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table></div>\n");
    if (rows.size() > MAX_ROWS) {
      sb.append("<p class=\"small muted\">").append(rows.size() - MAX_ROWS)
          .append(" more in <code>summary.json</code> (runs[].jobs[].failureReason).</p>\n");
    }
    return sb.append("</section>\n").toString();
  }
}
