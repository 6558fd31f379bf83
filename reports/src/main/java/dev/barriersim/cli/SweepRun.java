package dev.barriersim.cli;

import dev.barriersim.report.Headline;
import dev.barriersim.report.Mode;
import dev.barriersim.report.OutputConflictException;
import dev.barriersim.report.Progress;
import dev.barriersim.report.Stats;
import dev.barriersim.report.TextTable;
import dev.barriersim.report.html.ReportPage;
import dev.barriersim.report.output.Output;
import dev.barriersim.report.sweep.PointResult;
import dev.barriersim.report.sweep.SweepMetric;
import dev.barriersim.report.sweep.SweepPlan;
import dev.barriersim.report.sweep.SweepResult;
import dev.barriersim.report.sweep.SweepRunner;
import dev.barriersim.scenario.Sweep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/** {@code run} of a scenario with a sweep: the size line, the runs, a short table of the points, the folder. */
final class SweepRun {
  /** Points shown on the console; the rest are in sweep.csv. */
  static final int SHOWN = 20;

  private SweepRun() {}

  /** The sweep's size and the product that makes it: {@code 3 x 4 = 12 points x 2 modes x 10 replications = 240 runs}. */
  static String size(Sweep sweep, int modes, int replications) {
    List<Long> sizes = sweep.factorSizes();
    String points = sizes.size() == 1 ? String.format(Locale.ROOT, "%,d", sweep.points())
        : sizes.stream().map(n -> String.format(Locale.ROOT, "%,d", n)).collect(Collectors.joining(" x "))
            + String.format(Locale.ROOT, " = %,d", sweep.points());
    return points + (sweep.points() == 1 ? " point" : " points") + " (" + sweep.parameters().stream()
        .map(Sweep.Parameter::label).collect(Collectors.joining(", ")) + ") x " + modes + (modes == 1 ? " mode" : " modes")
        + " x " + replications + (replications == 1 ? " replication" : " replications")
        + String.format(Locale.ROOT, " = %,d runs", sweep.points() * modes * replications);
  }

  /** Why the plan is too large once the command line's modes and replications apply, if it is. */
  static Optional<String> overBudget(SweepPlan plan) {
    return plan.sweep().overBudget(plan.modes().size(), plan.replications());
  }

  /** Runs the sweep into {@code dir}; prints the points' makespans and where the report is. */
  static int run(Console console, SweepRunner runner, SweepPlan plan, Path dir, boolean charts)
      throws IOException, InterruptedException {
    SweepResult result;
    try {
      result = runner.start(plan, dir).finish();
    } catch (OutputConflictException e) {
      console.err("barriersim: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    console.out("");
    table(result).lines().map(l -> "  " + l).forEach(console::out);
    if (result.points().size() > SHOWN) {
      console.out(String.format(Locale.ROOT, "  ... %,d more points in sweep.csv", result.points().size() - SHOWN));
    }
    console.out("output: " + dir + (charts ? " (open " + dir.resolve(ReportPage.FILE) + " in a browser)" : ""));
    return ExitCodes.OK;
  }

  /** The first points: values, then makespan per arm and the paired difference, and jobs failed per arm. */
  static String table(SweepResult r) {
    List<String> header = new ArrayList<>();
    r.plan().sweep().parameters().forEach(p -> header.add(p.label()));
    for (Mode m : r.plan().modes()) header.add("makespan " + m.id());
    boolean both = r.plan().modes().size() == 2;
    if (both) header.add("difference");
    header.add("jobs failed");
    TextTable t = new TextTable(header, r.plan().sweep().parameters().size());
    Headline.Unit d = Headline.Unit.DURATION;
    for (PointResult p : r.points().subList(0, Math.min(SHOWN, r.points().size()))) {
      List<String> cells = new ArrayList<>(p.values());
      for (Mode m : r.plan().modes()) cells.add(text(p.arm(m.id(), SweepMetric.MAKESPAN), d, false));
      if (both) cells.add(text(p.paired().get(SweepMetric.MAKESPAN), d, true));
      List<String> failed = new ArrayList<>();
      for (Mode m : r.plan().modes()) {
        Stats.Estimate e = p.arm(m.id(), SweepMetric.JOBS_FAILED);
        failed.add(e == null ? "" : Headline.Unit.COUNT.format(e.mean()));
      }
      cells.add(String.join(" / ", failed));
      t.row(cells.toArray(String[]::new));
    }
    return t.render();
  }

  private static String text(Stats.Estimate e, Headline.Unit unit, boolean signed) {
    if (e == null) return "";
    return new Headline.Estimate(e.mean(), e.ciLow(), e.ciHigh(), e.n()).text(unit, signed);
  }

  /** A runner for {@code run} or {@code batch}. */
  static SweepRunner runner(Main main, ExecutorService pool, int threads, List<Output> outputs, boolean keepPoints,
      Progress progress) {
    return new SweepRunner(main.engine(), pool, threads, outputs, keepPoints, progress);
  }
}
