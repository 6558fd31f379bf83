package dev.barriersim.report.html;

import dev.barriersim.report.Headline;
import dev.barriersim.report.Headline.Arm;
import dev.barriersim.report.Headline.Estimate;
import dev.barriersim.report.Headline.Line;
import dev.barriersim.report.SummaryJson;
import dev.barriersim.report.sweep.SweepFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code index.html} of a batch: one row per scenario, in input order, with its headline numbers and a
 * thumbnail, each linking to its {@code report.html}; invalid scenarios with their problems.
 */
public final class IndexPage {
  /** The page's file name inside the batch folder. */
  public static final String FILE = "index.html";
  /** Status of a scenario that ran. */
  public static final String OK = "ok";
  /** Status of a file that is not a valid scenario. */
  public static final String INVALID = "invalid";
  /** Status of a scenario whose run failed with an internal error. */
  public static final String ERROR = "error";

  /** Thumbnails tried in order, relative to a scenario folder. */
  static final List<String> THUMBNAILS = List.of("charts/gantt.png", "charts/comparison.png", "charts/sweep-makespanMs.png");

  private IndexPage() {}

  /**
   * One input of the batch.
   *
   * @param name the scenario's name, or the file name when the file could not be read
   * @param file the input file as given, or null
   * @param folder the scenario's output folder relative to the batch folder ({@code ok} only), or null
   * @param status {@link #OK}, {@link #INVALID} or {@link #ERROR}
   * @param problems what is wrong ({@code invalid}, {@code error}); empty for {@code ok}
   * @param headline the headline ({@code ok} only)
   * @param thumbnail a PNG relative to the batch folder, when one exists
   * @param sweep the summary of a sweep ({@code ok} only; then there is no headline)
   */
  public record Entry(String name, String file, String folder, String status, List<String> problems,
      Optional<Headline> headline, Optional<String> thumbnail, Optional<SummaryJson.Summary> sweep) {
    /** Freezes the problems. */
    public Entry {
      problems = List.copyOf(problems);
      sweep = sweep == null ? Optional.empty() : sweep;
    }

    /** An entry without a sweep. */
    public Entry(String name, String file, String folder, String status, List<String> problems,
        Optional<Headline> headline, Optional<String> thumbnail) {
      this(name, file, folder, status, problems, headline, thumbnail, Optional.empty());
    }

    /** A sweep that ran into {@code batchDir/folder}, with its summary. */
    public static Entry sweep(Path batchDir, String name, String file, String folder, SummaryJson.Summary summary) {
      return new Entry(name, file, folder, OK, List.of(), Optional.empty(), IndexPage.thumbnail(batchDir, folder),
          Optional.of(summary));
    }

    /** A scenario that ran into {@code batchDir/folder}; the thumbnail is looked up there. */
    public static Entry ok(Path batchDir, String name, String file, String folder, Headline headline) {
      return new Entry(name, file, folder, OK, List.of(), Optional.of(headline), IndexPage.thumbnail(batchDir, folder));
    }

    /** A file that is not a valid scenario, with the problems printed about it. */
    public static Entry invalid(String name, String file, List<String> problems) {
      return new Entry(name, file, null, INVALID, problems, Optional.empty(), Optional.empty());
    }

    /** A scenario whose run failed unexpectedly. */
    public static Entry error(String name, String file, String message) {
      return new Entry(name, file, null, ERROR, List.of(message), Optional.empty(), Optional.empty());
    }
  }

  /** {@code folder/charts/gantt.png}, else {@code folder/charts/comparison.png}, if one exists under {@code batchDir}. */
  public static Optional<String> thumbnail(Path batchDir, String folder) {
    for (String t : THUMBNAILS) {
      String rel = folder + "/" + t;
      if (Files.isRegularFile(batchDir.resolve(rel))) return Optional.of(rel);
    }
    return Optional.empty();
  }

  /** The page. */
  public static String render(List<Entry> entries) {
    StringBuilder sb = new StringBuilder(32 * 1024);
    Page.open(sb, "barriersim batch: " + entries.size() + (entries.size() == 1 ? " scenario" : " scenarios"));
    long ok = entries.stream().filter(e -> e.status().equals(OK)).count();
    sb.append("<header class=\"top\"><div class=\"wrap broad\">\n<p class=\"brand\">barriersim batch</p>\n<h1>")
        .append(entries.size()).append(entries.size() == 1 ? " scenario" : " scenarios").append("</h1>\n<p class=\"meta\">")
        .append(ok).append(" ran");
    for (String st : List.of(INVALID, ERROR)) {
      long k = entries.stream().filter(e -> e.status().equals(st)).count();
      if (k > 0) sb.append(" &middot; ").append(k).append(' ').append(st);
    }
    sb.append(" &middot; each row links to the scenario's report</p>\n").append(Page.legend(List.of("barrier", "non-barrier")))
        .append("</div></header>\n<main class=\"wrap broad\">\n");
    sb.append("<p class=\"small muted\">Mean and 95 % interval over each scenario's replications. The difference is "
        + "barrier minus non-barrier, paired by replication. Makespan is compared only when every job succeeded in "
        + "both arms; otherwise the completion time of the jobs that succeeded in both.</p>\n");
    sb.append("<div class=\"scroll\"><table class=\"wide index\">\n<thead><tr><th>Scenario</th><th>Compared</th>"
        + "<th class=\"num\">").append(Page.mode("barrier")).append("</th><th class=\"num\">").append(Page.mode("non-barrier"))
        .append("</th><th class=\"num\">Difference<span class=\"name\">barrier &minus; non-barrier</span></th>"
            + "<th class=\"num\">Core utilization<span class=\"name\">barrier / non-barrier</span></th>"
            + "<th class=\"num\">Jobs failed</th></tr></thead>\n<tbody>\n");
    for (Entry e : entries) {
      if (e.status().equals(OK) && e.sweep().isPresent()) sweepRow(sb, e, e.sweep().get());
      else if (e.status().equals(OK) && e.headline().isPresent()) okRow(sb, e, e.headline().get());
      else problemRow(sb, e);
    }
    sb.append("</tbody>\n</table></div>\n<footer>Generated by barriersim. All times are simulated time.</footer>\n</main>\n");
    Page.close(sb);
    return sb.toString();
  }

  /**
   * The row's first cell: the scenario's name linking to its report, its file, and under them the
   * thumbnail, so the picture stays in view however wide the numbers make the table.
   */
  private static void scenarioCell(StringBuilder sb, Entry e) {
    String report = Html.esc(Html.path(e.folder() + "/" + ReportPage.FILE));
    sb.append("<tr><td><a href=\"").append(report).append("\"><b>").append(Html.esc(e.name())).append("</b></a>");
    if (e.file() != null) sb.append("<span class=\"name mono\">").append(Html.esc(e.file())).append("</span>");
    e.thumbnail().ifPresent(t -> sb.append("<a href=\"").append(report).append("\"><img class=\"thumb\" src=\"")
        .append(Html.esc(Html.path(t))).append("\" alt=\"").append(Html.esc("Chart of " + e.name())).append("\"></a>"));
  }

  private static void okRow(StringBuilder sb, Entry e, Headline h) {
    scenarioCell(sb, e);
    Optional<Line> l = h.compared();
    long n = l.map(Line::n).orElse((long) h.replications());
    sb.append("</td><td>").append(compared(h)).append("<span class=\"name\">n ").append(n).append("</span></td>");
    for (String mode : List.of("barrier", "non-barrier")) {
      sb.append(HeadlineHtml.cell(l.map(x -> x.arms().get(mode)).orElse(null), unit(l), false, n));
    }
    sb.append(HeadlineHtml.cell(l.flatMap(Line::difference).orElse(null), unit(l), true, n));
    sb.append("<td class=\"num\">").append(utilization(h)).append("</td><td class=\"num\">");
    List<String> jobs = new ArrayList<>();
    for (Arm a : h.arms()) {
      String t = "<span class=\"sw\" style=\"background:" + Palette.of(a.mode()) + "\"></span>" + a.jobsFailed() + " of "
          + a.jobsRun() + (a.jobsUnfinished() > 0 ? " (+" + a.jobsUnfinished() + " unfinished)" : "");
      jobs.add(a.jobsNotSucceeded() > 0 ? "<strong class=\"bad\">" + t + "</strong>" : t);
    }
    sb.append(String.join("<br>", jobs)).append("</td></tr>\n");
  }

  /**
   * A sweep: its size, and over its points the range of the mean makespan per arm, of the paired
   * difference and of core utilization, and in how many points some job failed.
   */
  private static void sweepRow(StringBuilder sb, Entry e, SummaryJson.Summary s) {
    SweepFiles.SummarySweep sw = s.sweep();
    scenarioCell(sb, e);
    sb.append("</td><td>makespan over a sweep<span class=\"name\">").append(String.format(Locale.ROOT, "%,d", sw.points()))
        .append(sw.points() == 1 ? " point" : " points").append(" (")
        .append(Html.esc(String.join(", ", sw.parameters().stream().map(SweepFiles.ParameterJson::label).toList())))
        .append(") x ").append(s.replications()).append(s.replications() == 1 ? " replication" : " replications")
        .append("; lowest to highest mean</span></td>");
    for (String mode : List.of("barrier", "non-barrier")) {
      sb.append("<td class=\"num\">").append(Html.esc(range(sw, mode, "makespanMs", Headline.Unit.DURATION, false)))
          .append("</td>");
    }
    sb.append("<td class=\"num\">").append(Html.esc(range(sw, "paired", "makespanMs", Headline.Unit.DURATION, true)))
        .append("</td><td class=\"num\">");
    List<String> util = new ArrayList<>();
    // One arm per line: two ranges side by side would make the column the widest of the table.
    for (String mode : s.modes()) util.add(Html.esc(range(sw, mode, "coreUtilization", Headline.Unit.PERCENT, false)));
    sb.append(String.join("<br>", util)).append("</td><td class=\"num\">");
    List<String> failed = new ArrayList<>();
    for (String mode : s.modes()) {
      long points = sw.results().stream().filter(p -> {
        SummaryJson.EstimateJson j = p.aggregates().getOrDefault(mode, java.util.Map.of()).get("jobsFailed");
        return j != null && j.mean() > 0;
      }).count();
      String t = "<span class=\"sw\" style=\"background:" + Palette.of(mode) + "\"></span>in " + points + " of "
          + sw.points() + " points";
      failed.add(points > 0 ? "<strong class=\"bad\">" + t + "</strong>" : t);
    }
    sb.append(String.join("<br>", failed)).append("</td></tr>\n");
  }

  /** {@code 58.0s .. 1m 12.0s}: the lowest and highest mean of {@code metric} in {@code group} over the points. */
  private static String range(SweepFiles.SummarySweep sw, String group, String metric, Headline.Unit unit, boolean signed) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (SweepFiles.PointJson p : sw.results()) {
      SummaryJson.EstimateJson j = p.aggregates().getOrDefault(group, java.util.Map.of()).get(metric);
      if (j == null) continue;
      lo = Math.min(lo, j.mean());
      hi = Math.max(hi, j.mean());
    }
    if (lo > hi) return "";
    String a = signed ? unit.signed(lo) : unit.format(lo);
    String b = signed ? unit.signed(hi) : unit.format(hi);
    return a.equals(b) ? a : a + " .. " + b;
  }

  private static Headline.Unit unit(Optional<Line> l) {
    return l.map(Line::unit).orElse(Headline.Unit.DURATION);
  }

  /** What the numbers of the row are, as HTML: the makespan, or why not. */
  private static String compared(Headline h) {
    return switch (h.kind()) {
      case MAKESPAN -> "makespan";
      case COMPLETION_TIME -> "completion time<span class=\"name warn\">of the " + h.jobsCompared()
          + (h.jobsCompared() == 1 ? " job" : " jobs") + " that succeeded in both arms; makespan not compared: jobs "
          + "failed</span>";
      case NOT_COMPARABLE -> "<strong class=\"bad\">not comparable</strong><span class=\"name warn\">no job succeeded "
          + "in both arms</span>";
      case SINGLE_ARM -> "makespan<span class=\"name\">" + Html.esc(h.arms().get(0).mode()) + " only</span>";
    };
  }

  /**
   * Core (and GPU, ...) utilization per arm: {@code 52.1% / 41.5%}, one line per resource, and
   * below them the barrier arm's share of core time inside {@code barrier()}, which the first counts as busy.
   */
  private static String utilization(Headline h) {
    List<String> parts = new ArrayList<>();
    String syncWait = "";
    for (Line l : h.lines()) {
      if (l.label().equals(Headline.SYNC_WAIT)) {
        syncWait = "<span class=\"name\">" + Html.esc(Headline.BARRIER + ": " + l.unit().format(
            l.arms().get(Headline.BARRIER).mean()) + " of core time inside barrier()") + "</span>";
      }
      if (!l.label().endsWith("utilization")) continue;
      List<String> arms = new ArrayList<>();
      for (Estimate e : l.arms().values()) arms.add(l.unit().format(e.mean()));
      String prefix = l.label().equals("core utilization") ? "" : l.label().replace(" utilization", "") + " ";
      parts.add(Html.esc(prefix + String.join(" / ", arms)));
    }
    return String.join("<br>", parts) + syncWait;
  }

  private static void problemRow(StringBuilder sb, Entry e) {
    sb.append("<tr><td><b>").append(Html.esc(e.name())).append("</b>");
    if (e.file() != null) sb.append("<span class=\"name mono\">").append(Html.esc(e.file())).append("</span>");
    sb.append("</td><td colspan=\"6\"><span class=\"tag ").append(e.status().equals(ERROR) ? "error" : "invalid").append("\">")
        .append(Html.esc(e.status())).append("</span><ul class=\"problems\">");
    for (String p : e.problems()) sb.append("<li><code>").append(Html.esc(p)).append("</code></li>");
    sb.append("</ul></td></tr>\n");
  }
}
