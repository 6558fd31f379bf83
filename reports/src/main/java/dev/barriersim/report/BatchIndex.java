package dev.barriersim.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.barriersim.core.RunResult;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.html.IndexPage;
import dev.barriersim.report.sweep.SweepMetric;
import dev.barriersim.report.sweep.SweepPlan;
import dev.barriersim.report.sweep.SweepResult;
import dev.barriersim.scenario.Sweep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index of a batch: {@code index.json}, {@code index.md} and the table printed at the end,
 * one entry per input file in input order.
 */
public final class BatchIndex {
  /** Status of a scenario that ran. */
  public static final String OK = "ok";
  /** Status of a file that could not be read or is not a valid scenario. */
  public static final String INVALID = "invalid";
  /** Status of a scenario whose run failed with an internal error. */
  public static final String ERROR = "error";

  private final List<Entry> entries = new ArrayList<>();

  /**
   * One input file. {@code name}, {@code seed}, {@code summary}, {@code modes} and {@code headline}
   * are null unless known; {@code headline} (an addition) is the scenario's honest headline in one
   * line, over every replication.
   */
  @JsonPropertyOrder({"file", "name", "status", "seed", "summary", "modes", "problems", "headline"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(String file, String name, String status, Long seed, String summary,
      Map<String, ModeEntry> modes, List<String> problems, String headline) {}

  /** Replication 0 of one mode. */
  @JsonPropertyOrder({"outcome", "makespanMs", "jobsSucceeded", "jobsFailed", "digest"})
  public record ModeEntry(String outcome, long makespanMs, long jobsSucceeded, long jobsFailed, String digest) {}

  /** The document of {@code index.json}. */
  @JsonPropertyOrder({"version", "scenarios"})
  public record Document(String version, List<Entry> scenarios) {}

  /** Records a scenario that ran; {@code summary} is the path of its summary.json relative to the batch folder. */
  public void ok(String file, ScenarioResult result, String summary) {
    Map<String, ModeEntry> modes = new LinkedHashMap<>();
    for (Mode m : result.plan().modes()) {
      RunResult r = result.first(m).orElseThrow().result();
      modes.put(m.id(), new ModeEntry(r.outcome().name(), r.makespanMs(), jobs(r, "SUCCEEDED"), jobs(r, "FAILED"),
          r.digest()));
    }
    String headline = Headline.of(SummaryJson.of(result)).markdownCell();
    entries.add(new Entry(file, result.plan().scenario(), OK, result.plan().seed(), summary, modes, null, headline));
  }

  /**
   * Records a sweep that ran; {@code summary} is the path of its summary.json relative to the batch
   * folder. Its headline is the range of the paired difference over the points: of makespan when no
   * job failed at any point, else of the completion time of the jobs that succeeded in both arms.
   */
  public void sweep(String file, SweepResult result, String summary) {
    SweepPlan plan = result.plan();
    boolean failures = result.points().stream().flatMap(p -> p.arms().values().stream())
        .map(m -> m.get(SweepMetric.JOBS_FAILED)).anyMatch(e -> e != null && e.mean() > 0);
    String metric = failures ? SweepMetric.COMPLETION : SweepMetric.MAKESPAN;
    List<Double> diffs = result.points().stream().map(p -> p.paired().get(metric))
        .filter(Objects::nonNull).map(Stats.Estimate::mean).toList();
    String headline = String.format(Locale.ROOT, "sweep of %,d points (%s) x %d replications", plan.sweep().points(),
        String.join(", ", plan.sweep().parameters().stream().map(Sweep.Parameter::label).toList()),
        plan.replications());
    if (failures) headline += "; jobs failed at some points, so makespan is not compared";
    if (!diffs.isEmpty()) {
      headline += "; paired difference of " + (failures ? "completion time (jobs that succeeded in both arms)" : "makespan")
          + " " + Headline.Unit.DURATION.signed(Collections.min(diffs)) + " .. "
          + Headline.Unit.DURATION.signed(Collections.max(diffs)) + " over the points; see sweep.csv";
    }
    entries.add(new Entry(file, plan.name(), OK, plan.seed(), summary, null, null, headline));
  }

  /** Records a file that was skipped, with the lines printed about it. */
  public void invalid(String file, String name, List<String> problems) {
    entries.add(new Entry(file, name, INVALID, null, null, null, List.copyOf(problems), null));
  }

  /** Records a scenario whose run failed unexpectedly. */
  public void error(String file, String name, String message) {
    entries.add(new Entry(file, name, ERROR, null, null, null, List.of(message), null));
  }

  /** The entries so far, in input order. */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** {@code index.json}. */
  public String renderJson() {
    return JsonOutput.render(new Document(Version.get(), entries));
  }

  /** {@code index.md}: a Markdown table with each scenario's headline and links to its report and summary. */
  public String renderMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# barriersim batch\n\n");
    sb.append("barriersim ").append(Version.get()).append(". The headline covers every replication: means with 95 %"
        + " intervals and the paired difference (barrier - non-barrier); makespan only when no job failed.\n\n");
    sb.append("| scenario | file | status | seed | headline | report |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Entry e : entries) {
      sb.append("| ").append(md(e.name() == null ? "" : e.name()))
          .append(" | `").append(e.file().replace("`", "'")).append('`')
          .append(" | ").append(e.status())
          .append(" | ").append(e.seed() == null ? "" : e.seed().toString())
          .append(" | ").append(md(e.headline() != null ? e.headline() : String.join("; ", e.problems())))
          .append(" | ").append(e.summary() == null ? ""
              : "[report.html](" + e.name() + "/report.html), [summary.json](" + e.summary() + ")")
          .append(" |\n");
    }
    return sb.toString();
  }

  /** {@code index.html} of the batch folder {@code batchDir}: every scenario with its headline and a thumbnail. */
  public String renderHtml(Path batchDir) throws IOException {
    List<IndexPage.Entry> page = new ArrayList<>();
    for (Entry e : entries) {
      page.add(switch (e.status()) {
        case OK -> okEntry(batchDir, e);
        case INVALID -> IndexPage.Entry.invalid(e.name(), e.file(), e.problems());
        default -> IndexPage.Entry.error(e.name(), e.file(), String.join("; ", e.problems()));
      });
    }
    return IndexPage.render(page);
  }

  private static IndexPage.Entry okEntry(Path batchDir, Entry e) throws IOException {
    SummaryJson.Summary s = ScenarioFiles.open(batchDir.resolve(e.name())).summary();
    return s.sweep() != null ? IndexPage.Entry.sweep(batchDir, e.name(), e.file(), e.name(), s)
        : IndexPage.Entry.ok(batchDir, e.name(), e.file(), e.name(), Headline.of(s));
  }

  /** The final table on stdout: scenario, status and headline. */
  public String renderTable() {
    TextTable t = new TextTable(List.of("scenario", "status", "headline (all replications)"), 3);
    for (Entry e : entries) {
      t.row(e.name() != null ? e.name() : e.file(), e.status(), e.headline() != null ? e.headline() : "");
    }
    return t.render();
  }

  /** The entries of an {@code index.json} written before, for {@code report} on a batch folder. */
  public static BatchIndex read(Path indexJson) throws IOException {
    Document d = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .readValue(indexJson.toFile(), Document.class);
    BatchIndex index = new BatchIndex();
    index.entries.addAll(d.scenarios());
    return index;
  }

  private static String md(String s) {
    return s.replace("|", "\\|");
  }

  private static long jobs(RunResult r, String status) {
    return r.jobs().stream().filter(j -> status.equals(j.status())).count();
  }
}
