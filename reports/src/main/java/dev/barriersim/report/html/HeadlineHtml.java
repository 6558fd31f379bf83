package dev.barriersim.report.html;

import dev.barriersim.report.Headline;
import dev.barriersim.report.Headline.Arm;
import dev.barriersim.report.Headline.Estimate;
import dev.barriersim.report.Headline.Kind;
import dev.barriersim.report.Headline.Line;
import dev.barriersim.report.Headline.Unit;
import java.util.ArrayList;
import java.util.List;

/** The headline as HTML: the verdict, a table of its lines, jobs failed and the first failure reason. */
final class HeadlineHtml {
  private HeadlineHtml() {}

  /** The headline section of a report. */
  static String section(Headline h) {
    StringBuilder sb = new StringBuilder();
    sb.append("<section id=\"headline\">\n<h2>Headline</h2>\n");
    sb.append("<div class=\"card").append(warn(h) ? " warn" : "").append("\"><div class=\"figure\">")
        .append(keyFigure(h)).append("<p class=\"verdict\">").append(Html.esc(h.verdict())).append("</p></div></div>\n");
    sb.append("<div class=\"scroll\"><table class=\"headline\">\n<thead><tr><th>Metric</th>");
    for (Arm a : h.arms()) sb.append("<th class=\"num\">").append(Page.mode(a.mode())).append("</th>");
    boolean diff = h.arms().size() > 1;
    if (diff) sb.append("<th class=\"num\">Difference<span class=\"name\">barrier &minus; non-barrier</span></th>");
    sb.append("<th class=\"num\">n</th></tr></thead>\n<tbody>\n");
    for (Line l : lines(h)) {
      sb.append("<tr><td>").append(Html.esc(capital(l.label())));
      if (!l.note().isEmpty()) sb.append("<span class=\"name\">").append(Html.esc(l.note())).append("</span>");
      sb.append("</td>");
      for (Arm a : h.arms()) sb.append(cell(l.arms().get(a.mode()), l.unit(), false, l.n()));
      if (diff) sb.append(cell(l.difference().orElse(null), l.unit(), true, l.n()));
      sb.append("<td class=\"num\">").append(l.n()).append("</td></tr>\n");
    }
    sb.append("<tr><td>Jobs</td>");
    for (Arm a : h.arms()) {
      sb.append("<td class=\"num\">").append(a.jobsNotSucceeded() > 0 ? "<strong>" : "").append(Html.esc(a.jobsText()))
          .append(a.jobsNotSucceeded() > 0 ? "</strong>" : "");
      if (a.someRunIncomplete()) {
        sb.append("<span class=\"ci\">runs: ").append(Html.esc(Headline.outcomesText(a))).append("</span>");
      }
      sb.append("</td>");
    }
    if (diff) sb.append("<td></td>");
    sb.append("<td class=\"num\">").append(h.arms().get(0).runs()).append("</td></tr>\n");
    sb.append("</tbody>\n</table></div>\n");
    sb.append(h.replications() == 1
        ? "<p class=\"small muted\">One replication: each number is that run's, with no interval. Set "
            + "<code>run.replications</code> for means and 95 % intervals. Times are simulated time.</p>\n"
        : "<p class=\"small muted\">Mean and, in brackets, its 95 % confidence interval (Student t) over the "
            + "replications; n is the number of replications. Both arms of a replication share every random draw, so "
            + "the difference is taken replication by replication. Times are simulated time.</p>\n");
    for (Arm a : h.arms()) {
      a.firstFailure().ifPresent(f -> sb.append("<div class=\"failure\"><p>First ").append(Page.mode(a.mode()))
          .append(" failure: replication ").append(f.replication()).append(", job <code>").append(Html.esc(f.job()))
          .append("</code>. Spark's reason:</p><pre class=\"reason\">").append(Html.esc(f.reason()))
          .append("</pre></div>\n"));
    }
    return sb.append("</section>\n").toString();
  }

  /** The one number to read first, large, with what it is. */
  static String keyFigure(Headline h) {
    String value;
    String label;
    switch (h.kind()) {
      case MAKESPAN, COMPLETION_TIME -> {
        Line l = h.compared().orElseThrow();
        Estimate d = l.difference().orElseThrow();
        value = l.unit().signed(d.mean());
        label = (h.kind() == Kind.MAKESPAN ? "makespan" : "completion time of jobs that succeeded in both arms")
            + " with barrier mode" + (d.hasInterval() ? ", 95 % CI " + l.unit().interval(d.low(), d.high(), true) : "");
      }
      case NOT_COMPARABLE -> {
        value = "Not comparable";
        label = "no job succeeded in both arms";
      }
      default -> {
        Line l = h.compared().orElseThrow();
        String mode = h.arms().get(0).mode();
        value = l.unit().format(l.arms().get(mode).mean());
        label = "makespan, " + mode + " mode only";
      }
    }
    return "<div class=\"key\">" + Html.esc(value) + "<span class=\"key-label\">" + Html.esc(label) + "</span></div>";
  }

  /** True when the verdict is a warning rather than a comparison. */
  static boolean warn(Headline h) {
    return h.kind() == Kind.COMPLETION_TIME || h.kind() == Kind.NOT_COMPARABLE;
  }

  /** The compared line first, then the others. */
  static List<Line> lines(Headline h) {
    List<Line> all = new ArrayList<>();
    h.compared().ifPresent(all::add);
    all.addAll(h.lines());
    return all;
  }

  /** A number cell: the mean, and the interval below it; n when it differs from the row's. */
  static String cell(Estimate e, Unit unit, boolean signed, long rowN) {
    if (e == null) return "<td class=\"num muted\">&ndash;</td>";
    StringBuilder sb = new StringBuilder("<td class=\"num\">");
    sb.append(Html.esc(signed ? unit.signed(e.mean()) : unit.format(e.mean())));
    List<String> sub = new ArrayList<>();
    if (e.hasInterval()) sub.add(unit.interval(e.low(), e.high(), signed));
    if (e.n() != rowN) sub.add("n " + e.n());
    if (!sub.isEmpty()) sb.append("<span class=\"ci\">").append(Html.esc(String.join(", ", sub))).append("</span>");
    return sb.append("</td>").toString();
  }

  static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
