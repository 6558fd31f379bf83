package dev.barriersim.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.barriersim.core.RunResult;
import java.util.ArrayList;
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

  /** One input file. {@code name}, {@code seed}, {@code summary} and {@code modes} are null unless known. */
  @JsonPropertyOrder({"file", "name", "status", "seed", "summary", "modes", "problems"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(String file, String name, String status, Long seed, String summary,
      Map<String, ModeEntry> modes, List<String> problems) {}

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
    entries.add(new Entry(file, result.plan().scenario(), OK, result.plan().seed(), summary, modes, null));
  }

  /** Records a file that was skipped, with the lines printed about it. */
  public void invalid(String file, String name, List<String> problems) {
    entries.add(new Entry(file, name, INVALID, null, null, null, List.copyOf(problems)));
  }

  /** Records a scenario whose run failed unexpectedly. */
  public void error(String file, String name, String message) {
    entries.add(new Entry(file, name, ERROR, null, null, null, List.of(message)));
  }

  /** The entries so far, in input order. */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** {@code index.json}. */
  public String renderJson() {
    return JsonOutput.render(new Document(Version.get(), entries));
  }

  /** {@code index.md}: a Markdown table with a link to each summary.json. */
  public String renderMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# barriersim batch\n\n");
    sb.append("barriersim ").append(Version.get())
        .append(". Makespan and jobs (succeeded/failed) are replication 0 of each mode.\n\n");
    sb.append("| scenario | file | status | seed | barrier makespan | non-barrier makespan"
        + " | barrier jobs | non-barrier jobs | summary |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Entry e : entries) {
      sb.append("| ").append(md(e.name() == null ? "" : e.name()))
          .append(" | `").append(e.file().replace("`", "'")).append('`')
          .append(" | ").append(e.status())
          .append(" | ").append(e.seed() == null ? "" : e.seed().toString())
          .append(" | ").append(cell(e, Mode.BARRIER, true))
          .append(" | ").append(cell(e, Mode.NON_BARRIER, true))
          .append(" | ").append(cell(e, Mode.BARRIER, false))
          .append(" | ").append(cell(e, Mode.NON_BARRIER, false))
          .append(" | ").append(e.summary() == null ? "" : "[summary.json](" + e.summary() + ")")
          .append(" |\n");
    }
    return sb.toString();
  }

  /** The final table on stdout: scenario, status and makespans per mode with their difference. */
  public String renderTable() {
    TextTable t = new TextTable(List.of("scenario", "status", "barrier", "non-barrier", "diff", "jobs failed per mode"));
    for (Entry e : entries) {
      String label = e.name() != null ? e.name() : e.file();
      ModeEntry b = e.modes() == null ? null : e.modes().get(Mode.BARRIER.id());
      ModeEntry n = e.modes() == null ? null : e.modes().get(Mode.NON_BARRIER.id());
      String diff = b != null && n != null ? signed(b.makespanMs() - n.makespanMs()) : "";
      String failed = e.modes() == null ? ""
          : e.modes().values().stream().map(m -> Long.toString(m.jobsFailed())).reduce((x, y) -> x + "/" + y).orElse("");
      t.row(label, e.status(), b == null ? "" : HumanDuration.format(b.makespanMs()),
          n == null ? "" : HumanDuration.format(n.makespanMs()), diff, failed);
    }
    return t.render();
  }

  private static String cell(Entry e, Mode m, boolean makespan) {
    ModeEntry x = e.modes() == null ? null : e.modes().get(m.id());
    if (x == null) return "";
    return makespan ? x.makespanMs() + " ms (" + HumanDuration.format(x.makespanMs()) + ")"
        : x.jobsSucceeded() + "/" + x.jobsFailed();
  }

  private static String signed(long ms) {
    return (ms > 0 ? "+" : "") + HumanDuration.format(ms);
  }

  private static String md(String s) {
    return s.replace("|", "\\|");
  }

  private static long jobs(RunResult r, String status) {
    return r.jobs().stream().filter(j -> status.equals(j.status())).count();
  }
}
