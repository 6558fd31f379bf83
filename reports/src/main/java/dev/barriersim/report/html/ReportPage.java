package dev.barriersim.report.html;

import dev.barriersim.report.Headline;
import dev.barriersim.report.SummaryJson.Run;
import dev.barriersim.report.SummaryJson.Summary;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code report.html} of one scenario: the headline, what was simulated, the charts, every
 * aggregated metric, failed jobs with Spark's reason, and links to the data files. Static, one
 * file, no script, nothing fetched from elsewhere; the same folder gives the same bytes.
 */
public final class ReportPage {
  /** The page's file name inside the scenario folder. */
  public static final String FILE = "report.html";

  private ReportPage() {}

  /**
   * Renders the page of the folder {@code in}; {@code chartFiles} are paths relative to the folder
   * ({@code charts/gantt.svg}), in the order to show, and must exist.
   */
  public static String render(ScenarioFiles in, List<String> chartFiles) throws IOException {
    Summary s = withModes(in.summary());
    if (s.sweep() != null) return sweep(in, s, chartFiles);
    Headline headline = Headline.of(s);
    StringBuilder sb = new StringBuilder(64 * 1024);
    Page.open(sb, s.scenario() + " \u2014 barriersim report");
    sb.append("<header class=\"top\"><div class=\"wrap\">\n<p class=\"brand\">barriersim report</p>\n<h1>")
        .append(Html.esc(s.scenario())).append("</h1>\n<p class=\"meta\">Seed <b>").append(s.seed()).append("</b> &middot; <b>")
        .append(s.replications()).append("</b> ").append(s.replications() == 1 ? "replication" : "replications")
        .append(" per mode &middot; barriersim ").append(Html.esc(s.version())).append("</p>\n")
        .append(Page.legend(s.modes()))
        .append("<nav class=\"toc\"><a href=\"#headline\">Headline</a><a href=\"#simulated\">What was simulated</a>"
            + "<a href=\"#charts\">Charts</a><a href=\"#metrics\">Metrics</a><a href=\"#failed-jobs\">Failed jobs</a>"
            + "<a href=\"#files\">Files</a></nav>\n</div></header>\n<main class=\"wrap\">\n");
    sb.append(HeadlineHtml.section(headline));
    sb.append(SimulatedSection.render(s, in.scenarioYaml()));
    sb.append(ChartsSection.render(in.dir(), chartFiles));
    sb.append(RecordedSection.render(in));
    sb.append(MetricsTable.render(s, HeadlineHtml.warn(headline)));
    sb.append(FailedJobsSection.render(s));
    sb.append(FilesSection.render(in.dir(), s.modes()));
    sb.append("<footer>Simulated with barriersim ").append(Html.esc(s.version()))
        .append(", a discrete-event model of Spark 3.5's scheduler. All times are simulated time; the barrier arm runs "
            + "the scenario as written, the non-barrier arm the same scenario with every barrier flag cleared.</footer>\n");
    sb.append("</main>\n");
    Page.close(sb);
    return sb.toString();
  }

  /**
   * The page of a sweep's folder: what was swept with a chart per headline metric and a table of
   * the points, what was simulated (the scenario as written, with any --set), and the files.
   */
  private static String sweep(ScenarioFiles in, Summary s, List<String> chartFiles) throws IOException {
    StringBuilder sb = new StringBuilder(64 * 1024);
    Page.open(sb, s.scenario() + " \u2014 barriersim sweep report");
    sb.append("<header class=\"top\"><div class=\"wrap\">\n<p class=\"brand\">barriersim sweep report</p>\n<h1>")
        .append(Html.esc(s.scenario())).append("</h1>\n<p class=\"meta\">Seed <b>").append(s.seed()).append("</b> &middot; <b>")
        .append(String.format(java.util.Locale.ROOT, "%,d", s.sweep().points())).append("</b> points &middot; <b>")
        .append(s.replications()).append("</b> ").append(s.replications() == 1 ? "replication" : "replications")
        .append(" per mode and point &middot; barriersim ").append(Html.esc(s.version())).append("</p>\n")
        .append(Page.legend(s.modes()))
        .append("<nav class=\"toc\"><a href=\"#sweep\">Sweep</a><a href=\"#simulated\">What was simulated</a>"
            + "<a href=\"#files\">Files</a></nav>\n</div></header>\n<main class=\"wrap\">\n");
    var table = in.sweepTable();
    if (table.isPresent()) {
      sb.append(SweepSection.render(table.get(), chartFiles));
    } else {
      sb.append("<section id=\"sweep\">\n<h2>Sweep</h2>\n<p class=\"muted\">This folder has no <code>sweep.json</code>."
          + "</p>\n</section>\n");
    }
    sb.append(SimulatedSection.render(s, in.scenarioYaml()));
    sb.append(FilesSection.render(in.dir(), List.of()));
    sb.append("<footer>Simulated with barriersim ").append(Html.esc(s.version()))
        .append(", a discrete-event model of Spark 3.5's scheduler. All times are simulated time.</footer>\n</main>\n");
    Page.close(sb);
    return sb.toString();
  }

  /** Older summaries lack {@code modes} and {@code replications}: derive them from the runs. */
  static Summary withModes(Summary s) {
    if (s.modes() != null && s.replications() > 0) return s;
    List<String> modes = s.modes() != null ? s.modes()
        : s.runs().stream().map(Run::mode).distinct().toList();
    int reps = s.replications() > 0 ? s.replications()
        : s.runs().stream().mapToInt(Run::replication).max().orElse(-1) + 1;
    return new Summary(s.scenario(), s.seed(), s.version(), s.runs(), s.aggregates(), modes, reps, s.overrides(), s.sweep());
  }
}
