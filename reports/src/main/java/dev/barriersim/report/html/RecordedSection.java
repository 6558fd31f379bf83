package dev.barriersim.report.html;

import dev.barriersim.report.HumanDuration;
import dev.barriersim.report.SummaryJson;
import dev.barriersim.report.data.JobEnds;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.data.TaskRow;
import dev.barriersim.scenario.sparklog.Tolerance;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;

/**
 * "Recorded vs simulated", for a scenario imported from a Spark event log (its folder holds
 * {@code recorded/tasks.csv}): per job, the end of its last task attempt as Spark recorded it and
 * as the barrier arm (the scenario as written, the recorded mode) simulated it, and the error,
 * so the replay error is seen before the what-if is trusted. Empty for other scenarios.
 */
final class RecordedSection {
  /** The arm that runs the scenario as written, which is what the recorded run did. */
  static final String REPLAY_MODE = "barrier";

  private RecordedSection() {}

  /** The section, or an empty string when the folder has no recorded run. */
  static String render(ScenarioFiles in) throws IOException {
    if (!Files.isRegularFile(in.recordedTasks())) return "";
    StringBuilder sb = new StringBuilder("<section id=\"recorded\">\n<h2>Recorded vs simulated</h2>\n");
    Optional<SummaryJson.Run> replay = in.first(REPLAY_MODE);
    if (replay.isEmpty() || !Files.isRegularFile(in.tasks(REPLAY_MODE))) {
      return sb.append("<p>The barrier arm, which replays the recorded run, did not run: run the scenario with"
          + " <code>--modes barrier</code> to compare.</p>\n</section>\n").toString();
    }
    JobEnds recorded = JobEnds.read(in.recordedTasks());
    JobEnds simulated = JobEnds.read(in.tasks(REPLAY_MODE));
    sb.append("<p>This scenario was imported from a Spark event log. Each job's end (its last task attempt) as Spark"
        + " recorded it, and as the barrier arm (the scenario as written) simulated it, in time since the run started."
        + " Trust the what-if once the replay is close: the import aims at max(150 ms, 5 %) of the time since the job's"
        + " submission.</p>\n");
    sb.append("<div class=\"scroll\"><table class=\"wide recorded\">\n<thead><tr><th>Job</th><th class=\"num\">Submitted</th>"
        + "<th class=\"num\">Recorded end<span class=\"name\">attempts</span></th>"
        + "<th class=\"num\">Simulated end<span class=\"name\">barrier arm, attempts</span></th>"
        + "<th class=\"num\">Error</th><th>Within max(150 ms, 5 %)</th></tr></thead>\n<tbody>\n");
    int rows = 0;
    int within = 0;
    for (SummaryJson.Job job : replay.get().jobs()) {
      JobEnds.End r = recorded.jobs().get(job.name());
      if (r == null) continue;
      JobEnds.End s = simulated.jobs().get(job.name());
      rows++;
      sb.append("<tr><td><code>").append(Html.esc(job.name())).append("</code></td><td class=\"num\">")
          .append(HumanDuration.format(job.submitMs())).append("</td>");
      sb.append(endCell(r)).append(endCell(s));
      if (s == null || r.lastEndMs() == TaskRow.NO_END || s.lastEndMs() == TaskRow.NO_END) {
        sb.append("<td class=\"num\">&ndash;</td><td><span class=\"tag error\">not comparable</span></td></tr>\n");
        continue;
      }
      long error = s.lastEndMs() - r.lastEndMs();
      long allowed = Tolerance.allowedMs(r.lastEndMs() - job.submitMs());
      boolean ok = Math.abs(error) <= allowed && r.attempts() == s.attempts();
      if (ok) within++;
      sb.append("<td class=\"num\">").append(signed(error)).append(String.format(Locale.ROOT,
           " <span class=\"ci\">%.1f %% of the recorded time</span>", 100.0 * error / Math.max(1, r.lastEndMs() - job.submitMs())))
          .append("</td><td>").append(ok ? "<span class=\"tag ok\">yes</span>" : "<span class=\"tag error\">no</span>")
          .append(r.attempts() == s.attempts() ? "" : " <span class=\"muted\">(other attempts)</span>").append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table></div>\n<p class=\"small muted\">").append(within).append(" of ").append(rows)
        .append(rows == 1 ? " job" : " jobs").append(" within the tolerance (same number of attempts, end within"
            + " max(150 ms, 5 %)). The Gantt chart shows the recorded attempts as the panel <em>recorded (Spark)</em>;"
            + " they are in <code>recorded/tasks.csv</code>.</p>\n");
    return sb.append("</section>\n").toString();
  }

  private static String endCell(JobEnds.End e) {
    if (e == null) return "<td class=\"num\">&ndash;<span class=\"ci\">no attempt</span></td>";
    String end = e.lastEndMs() == TaskRow.NO_END ? "not ended" : HumanDuration.format(e.lastEndMs());
    return "<td class=\"num\">" + end + " <span class=\"ci\">" + e.attempts() + (e.attempts() == 1 ? " attempt" : " attempts")
        + "</span></td>";
  }

  private static String signed(long ms) {
    return (ms > 0 ? "+" : ms < 0 ? "&minus;" : "") + HumanDuration.format(Math.abs(ms));
  }
}
