package dev.barriersim.report;

import dev.barriersim.core.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The side-by-side table printed after a run: metric | barrier | non-barrier | diff, from
 * replication 0 of each mode (the one whose files are written). The diff column is barrier minus
 * non-barrier and appears only when both modes ran.
 */
public final class ComparisonTable {
  private ComparisonTable() {}

  /** Renders the table for {@code result}. */
  public static String render(ScenarioResult result) {
    List<Mode> modes = result.plan().modes();
    Optional<RunResult> b = result.first(Mode.BARRIER).map(RunRecord::result);
    Optional<RunResult> n = result.first(Mode.NON_BARRIER).map(RunRecord::result);
    boolean diff = b.isPresent() && n.isPresent();
    List<String> header = new ArrayList<>(List.of("metric"));
    for (Mode m : modes) header.add(m.id());
    if (diff) header.add("diff");
    TextTable t = new TextTable(header);
    List<RunResult> cols = modes.stream().map(m -> result.first(m).orElseThrow().result()).toList();
    List<Row> rows = List.of(
        text("outcome", r -> r.outcome().name()),
        new Row("makespan", r -> makespan(r.makespanMs()), (x, y) -> signedMakespan(x.makespanMs() - y.makespanMs())),
        count("jobs succeeded", r -> jobs(r, "SUCCEEDED")),
        count("jobs failed", r -> jobs(r, "FAILED")),
        count("tasks launched", r -> r.tasks().launched()),
        count("tasks failed", r -> r.tasks().failed()),
        count("tasks killed", r -> r.tasks().killed()),
        new Row("utilization", r -> percent(r.cores().utilization()),
            (x, y) -> String.format(Locale.ROOT, "%+.1f pp", 100 * (x.cores().utilization() - y.cores().utilization()))),
        count("wasted core-ms", r -> r.cores().wastedCoreMs()),
        count("barrier wait ms", r -> r.barrier().waitMs()),
        count("idle core-ms, gang waiting", r -> r.barrier().idleCoreMsWhileWaiting()),
        count("core-ms in barrier()", r -> r.barrier().syncWaitCoreMs()),
        count("rounds skipped", r -> r.barrier().roundsSkipped()),
        count("slot-check failures", r -> r.barrier().slotCheckFailures()));
    for (Row row : rows) {
      List<String> cells = new ArrayList<>();
      cells.add(row.name());
      for (RunResult r : cols) cells.add(row.value().apply(r));
      if (diff) cells.add(row.diff() == null ? "" : row.diff().apply(b.get(), n.get()));
      t.row(cells.toArray(String[]::new));
    }
    return t.render();
  }

  private record Row(String name, Function<RunResult, String> value,
      BiFunction<RunResult, RunResult, String> diff) {}

  private static Row text(String name, Function<RunResult, String> f) {
    return new Row(name, f, null);
  }

  private static Row count(String name, ToLongFunction<RunResult> f) {
    return new Row(name, r -> Long.toString(f.applyAsLong(r)),
        (x, y) -> String.format(Locale.ROOT, "%+d", f.applyAsLong(x) - f.applyAsLong(y)));
  }

  private static long jobs(RunResult r, String status) {
    return r.jobs().stream().filter(j -> status.equals(j.status())).count();
  }

  /** {@code 83400 ms (1m 23.4s)}. */
  static String makespan(long ms) {
    return ms + " ms (" + HumanDuration.format(ms) + ")";
  }

  private static String signedMakespan(long ms) {
    return String.format(Locale.ROOT, "%+d ms (%s%s)", ms, ms > 0 ? "+" : "", HumanDuration.format(ms));
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }
}
