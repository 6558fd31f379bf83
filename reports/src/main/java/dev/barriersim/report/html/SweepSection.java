package dev.barriersim.report.html;

import dev.barriersim.report.Headline;
import dev.barriersim.report.chart.SweepChart;
import dev.barriersim.report.sweep.SweepFiles;
import dev.barriersim.report.sweep.SweepFiles.Cell;
import dev.barriersim.report.sweep.SweepFiles.Document;
import dev.barriersim.report.sweep.SweepFiles.MetricJson;
import dev.barriersim.report.sweep.SweepFiles.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep of a scenario in {@code report.html}: what was swept, one chart per headline metric
 * against the swept parameter, and a table of the points (the first {@value #ROWS}; all of them
 * are in {@code sweep.csv}).
 */
final class SweepSection {
  /** Points shown in the table. */
  static final int ROWS = 200;
  /** Metrics in the table (the charts show every one). */
  private static final List<String> TABLE = List.of("makespanMs", "jobsFailed", "coreUtilization", "barrierWaitMs");

  private SweepSection() {}

  /** The section for a folder's {@code sweep.json}; {@code chartFiles} are the chart files that exist, relative to the folder. */
  static String render(Document d, List<String> chartFiles) {
    StringBuilder sb = new StringBuilder("<section id=\"sweep\">\n<h2>Sweep</h2>\n");
    List<String> params = new ArrayList<>();
    for (SweepFiles.ParameterJson p : d.parameters()) {
      params.add("<code>" + Html.esc(p.path()) + "</code> over " + Html.esc(values(p.values())));
    }
    sb.append("<p class=\"lead\">").append(String.format(Locale.ROOT, "%,d", d.points()))
        .append(d.points() == 1 ? " point" : " points").append(": ").append(String.join("; ", params))
        .append(". Every point runs ").append(d.modes().size() == 2 ? "both arms" : "the " + Html.esc(d.modes().get(0)) + " arm")
        .append(" with ").append(d.replications()).append(d.replications() == 1 ? " replication" : " replications")
        .append(String.format(Locale.ROOT, ", %,d runs in all.", d.runs()))
        .append(" Replication r uses the same seed at every point (common random numbers), so the differences between "
            + "points are the parameter's, not noise.</p>\n");
    boolean charts = d.metrics().stream().map(SweepSection::stem)
        .anyMatch(stem -> chartFiles.contains(stem + ".svg") || chartFiles.contains(stem + ".png"));
    sb.append("<p class=\"small muted\">").append(!charts ? ChartsSection.NO_CHARTS : SweepChart.isHeatMap(d)
        ? "Each chart is a headline metric over the grid of the two swept keys: each cell holds the paired difference, "
            + "barrier minus non-barrier, of the means over the replications at that point, its value written in it (red: "
            + "barrier higher). Barrier wait, which only the barrier arm has, shows that arm's mean."
        : "Each chart shows a headline metric against the swept parameter: the mean over the replications with its "
            + "95 % interval as a band, per arm.")
        .append(" Files: <a href=\"sweep.csv\"><code>sweep.csv</code></a>, "
            + "<a href=\"sweep.json\"><code>sweep.json</code></a>.</p>\n");
    for (MetricJson m : d.metrics()) {
      String stem = stem(m);
      boolean svg = chartFiles.contains(stem + ".svg");
      boolean png = chartFiles.contains(stem + ".png");
      if (!svg && !png) continue;
      String shown = svg ? stem + ".svg" : stem + ".png";
      sb.append("<figure id=\"chart-sweep-").append(Html.esc(m.name())).append("\">\n<img src=\"")
          .append(Html.esc(Html.path(shown))).append("\" alt=\"").append(Html.esc(m.label() + " against the swept parameter"))
          .append("\">\n<figcaption><b>").append(Html.esc(capitalized(m.label()))).append(".</b> <span class=\"muted\">(");
      if (svg) sb.append("<a href=\"").append(Html.esc(Html.path(stem + ".svg"))).append("\">SVG</a>");
      if (svg && png) sb.append(", ");
      if (png) sb.append("<a href=\"").append(Html.esc(Html.path(stem + ".png"))).append("\">PNG</a>");
      sb.append(")</span></figcaption>\n</figure>\n");
    }
    table(sb, d);
    return sb.append("</section>\n").toString();
  }

  /** The chart files of {@code m} without their extension: {@code charts/sweep-makespanMs}. */
  private static String stem(MetricJson m) {
    return "charts/sweep-" + m.name().replace('.', '-');
  }

  private static void table(StringBuilder sb, Document d) {
    Map<String, MetricJson> metrics = new LinkedHashMap<>();
    for (MetricJson m : d.metrics()) if (TABLE.contains(m.name())) metrics.put(m.name(), m);
    boolean both = d.modes().size() == 2;
    sb.append("<div class=\"scroll\"><table class=\"wide\">\n<thead><tr>");
    for (SweepFiles.ParameterJson p : d.parameters()) sb.append("<th>").append(Html.esc(p.label())).append("</th>");
    sb.append("<th>Arm</th>");
    for (MetricJson m : metrics.values()) {
      sb.append("<th class=\"num\">").append(Html.esc(m.label())).append("</th>");
      if (both && !m.name().equals("barrierWaitMs")) {
        sb.append("<th class=\"num\">").append(Html.esc(m.label())).append(" difference</th>");
      }
    }
    sb.append("</tr></thead>\n<tbody>\n");
    int shown = 0;
    for (Row r : d.rows()) {
      if (r.point() >= ROWS) break;
      shown++;
      sb.append("<tr>");
      for (String v : r.values()) sb.append("<td>").append(Html.esc(v)).append("</td>");
      sb.append("<td>").append(Page.mode(r.mode())).append("</td>");
      for (MetricJson m : metrics.values()) {
        Headline.Unit unit = Headline.Unit.valueOf(m.unit().toUpperCase(Locale.ROOT));
        Cell c = r.metrics().get(m.name());
        sb.append("<td class=\"num\">").append(c == null ? "" : Html.esc(estimate(c.mean(), c.ci95(), c.n(), unit, false)))
            .append("</td>");
        if (both && !m.name().equals("barrierWaitMs")) {
          boolean first = r.mode().equals(d.modes().get(0));
          String diff = c == null || c.difference() == null || !first ? ""
              : estimate(c.difference().mean(), c.difference().ci95(), c.difference().n(), unit, true);
          sb.append("<td class=\"num\">").append(Html.esc(diff)).append("</td>");
        }
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table></div>\n");
    if (d.points() > ROWS) {
      sb.append("<p class=\"small muted\">").append(String.format(Locale.ROOT, "The first %,d of %,d points", ROWS, d.points()))
          .append("; every point is in <a href=\"sweep.csv\"><code>sweep.csv</code></a>.</p>\n");
    } else if (shown > 0 && both) {
      sb.append("<p class=\"small muted\">The difference is barrier minus non-barrier, paired by replication.</p>\n");
    }
  }

  private static String estimate(double mean, double[] ci, long n, Headline.Unit unit, boolean signed) {
    return new Headline.Estimate(mean, ci[0], ci[1], n).text(unit, signed);
  }

  private static String values(List<String> values) {
    if (values.size() <= 8) return String.join(", ", values);
    return String.join(", ", values.subList(0, 3)) + ", ..., " + values.get(values.size() - 1) + " ("
        + values.size() + " values)";
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
