package dev.barriersim.report.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts: each shown as an {@code <img>} of its SVG (or PNG when there is no SVG), with a link to
 * the PNG and a caption that says what to look for.
 */
final class ChartsSection {
  /** What a page says where charts would be, in a folder written with {@code --no-charts}. */
  static final String NO_CHARTS = "No charts in this folder (they are not drawn with <code>--no-charts</code>; "
      + "<code>barriersim report</code> draws them from the files).";

  /** A chart's title and what to look for in it. */
  record Caption(String title, String lookFor) {}

  private static final Map<String, Caption> CAPTIONS = Map.of(
      "gantt", new Caption("Timeline",
          "One lane per executor slot, a bar per task attempt coloured by stage; the barrier arm above the non-barrier "
              + "arm on one time axis. Look for gangs that start only once all their slots are free, whole barrier "
              + "stages rerun after a single failure (red failed, grey killed), and the lighter time inside barrier()."),
      "utilization", new Caption("Busy cores over time",
          "Both arms overlaid. Look for the shaded intervals where a barrier stage waits for enough free slots while "
              + "cores sit idle, and the marks where a slot check at job submission failed and was retried."),
      "comparison", new Caption("Comparison of the arms",
          "Makespan, job completion time, wasted core time, utilization and barrier wait per arm, with 95 % interval "
              + "bars. Look at the paired difference and whether its interval excludes zero."),
      "jct-cdf", new Caption("Job completion times",
          "Share of jobs finished within a given time from their submission, per arm. A curve further right means "
              + "slower jobs; look for a tail of barrier jobs that waited for a gang."),
      "slowdown", new Caption("Per-job slowdown",
          "Each job's completion time with barrier mode divided by its time without. Look for the jobs that pay for "
              + "gang scheduling."));

  private ChartsSection() {}

  /** The section for {@code chartFiles} (relative to {@code dir}), in the order given. */
  static String render(Path dir, List<String> chartFiles) {
    StringBuilder sb = new StringBuilder("<section id=\"charts\">\n<h2>Charts</h2>\n");
    // One figure per chart kind: the SVG is shown, the PNG linked.
    Map<String, String[]> kinds = new LinkedHashMap<>();
    for (String f : chartFiles) {
      int slash = f.lastIndexOf('/');
      int dot = f.lastIndexOf('.');
      if (dot <= slash) continue;
      String stem = f.substring(0, dot);
      String ext = f.substring(dot + 1);
      String[] files = kinds.computeIfAbsent(stem, k -> new String[2]);
      if (ext.equals("svg")) files[0] = f;
      else if (ext.equals("png")) files[1] = f;
    }
    if (kinds.isEmpty()) {
      sb.append("<p class=\"muted\">").append(NO_CHARTS).append("</p>\n");
    }
    for (Map.Entry<String, String[]> e : kinds.entrySet()) {
      String stem = e.getKey();
      String svg = e.getValue()[0];
      String png = e.getValue()[1];
      if (png == null && Files.isRegularFile(dir.resolve(stem + ".png"))) png = stem + ".png";
      String kind = stem.substring(stem.lastIndexOf('/') + 1);
      Caption c = CAPTIONS.getOrDefault(kind, new Caption(kind, ""));
      String shown = svg != null ? svg : png;
      sb.append("<figure id=\"chart-").append(Html.esc(Html.path(kind))).append("\">\n<img src=\"")
          .append(Html.esc(Html.path(shown))).append("\" alt=\"").append(Html.esc(c.title() + " chart")).append("\">\n")
          .append("<figcaption><b>").append(Html.esc(c.title())).append(".</b> ").append(Html.esc(c.lookFor()));
      sb.append(" <span class=\"muted\">(");
      if (svg != null) sb.append("<a href=\"").append(Html.esc(Html.path(svg))).append("\">SVG</a>");
      if (svg != null && png != null) sb.append(", ");
      if (png != null) sb.append("<a href=\"").append(Html.esc(Html.path(png))).append("\">PNG</a>");
      sb.append(")</span></figcaption>\n</figure>\n");
    }
    return sb.append("</section>\n").toString();
  }
}
