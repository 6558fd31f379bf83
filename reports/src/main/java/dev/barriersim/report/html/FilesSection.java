package dev.barriersim.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Links to the data files of the folder that exist: summary, scenario, and per mode tasks and events. */
final class FilesSection {
  private FilesSection() {}

  private record Link(String path, String what) {}

  /** The section. */
  static String render(Path dir, List<String> modes) {
    List<Link> links = new ArrayList<>();
    links.add(new Link("summary.json", "every run: outcome, makespan, jobs, stages, core time, barrier costs; aggregates"));
    links.add(new Link("scenario.yaml", "the scenario file as given"));
    links.add(new Link("sweep.csv", "one row per sweep point and mode: the swept values, every headline metric's mean,"
        + " 95 % interval and n, and the paired difference"));
    links.add(new Link("sweep.json", "the same rows, with the swept parameters and metrics described"));
    links.add(new Link("recorded/tasks.csv", "the recorded run of an imported Spark application, one row per task attempt"));
    for (String m : modes) {
      links.add(new Link(m + "/tasks.csv", "one row per task attempt, replication 0"));
      links.add(new Link(m + "/events.jsonl", "every scheduler event, replication 0"));
      links.add(new Link(m + "/spark-eventlog.json", "the run as a Spark 3.5 event log (for the Spark history server)"));
    }
    StringBuilder sb = new StringBuilder("<section id=\"files\">\n<h2>Files</h2>\n<ul class=\"files\">\n");
    for (Link l : links) {
      Path p = dir.resolve(l.path());
      if (!Files.isRegularFile(p)) continue;
      sb.append("<li><a href=\"").append(Html.esc(Html.path(l.path()))).append("\"><code>").append(Html.esc(l.path()))
          .append("</code></a> <span class=\"muted\">").append(size(p)).append(" &middot; ").append(Html.esc(l.what()))
          .append("</span></li>\n");
    }
    return sb.append("</ul>\n</section>\n").toString();
  }

  private static String size(Path p) {
    long b;
    try {
      b = Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (b < 1024) return b + " B";
    if (b < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
    if (b < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
    return String.format(Locale.ROOT, "%.1f GB", b / (1024.0 * 1024 * 1024));
  }
}
