package dev.barriersim.cli;

import dev.barriersim.report.Headline;
import dev.barriersim.report.SummaryJson;
import dev.barriersim.report.html.ReportPage;
import dev.barriersim.report.Mode;
import dev.barriersim.report.OutputConflictException;
import dev.barriersim.report.OutputFolder;
import dev.barriersim.report.RunPlan;
import dev.barriersim.report.ScenarioResult;
import dev.barriersim.report.ScenarioRunner;
import dev.barriersim.report.output.Output;
import dev.barriersim.report.output.Outputs;
import dev.barriersim.scenario.Scenario;
import java.io.IOException;
import dev.barriersim.report.Progress;
import dev.barriersim.report.sweep.SweepPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code barriersim run SCENARIO.yaml}: runs one scenario in every mode and replication and compares the modes. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Runs one scenario in each mode (barrier, non-barrier) and replication, writes its outputs"
            + " atomically and prints the seed used and the headline over all replications (means, 95 %%"
            + " intervals, the paired difference, jobs failed and the first failure's reason).",
        "Outputs: DIR/summary.json (every run and the aggregates over replications),"
            + " DIR/<mode>/tasks.csv and DIR/<mode>/events.jsonl (replication 0), DIR/charts/ and DIR/report.html.",
        "Scenario keys are documented in docs/scenario-format.md."})
final class RunCommand implements Callable<Integer> {
  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file to run.")
  private Path scenarioFile;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder, replaced as a whole when the run succeeds (default: out/<scenario name>)."
          + " An existing folder is only replaced if it is empty or holds a summary.json.")
  private Path out;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of replication 0, overriding the scenario's 'seed' (default: the scenario's, else 1).")
  private Long seed;

  @Option(names = "--modes", paramLabel = "MODE", split = ",", converter = ModeConverter.class,
      description = "Modes to run, in this order, comma-separated: barrier, non-barrier"
          + " (default: the scenario's run.modes, else both).")
  private List<Mode> modes;

  @Option(names = "--replications", paramLabel = "N",
      description = "Runs per mode; replication r uses a seed derived from (seed, r), r = 0 keeps the seed"
          + " (default: the scenario's run.replications, else 1).")
  private Integer replications;

  @Option(names = "--parallelism", paramLabel = "N",
      description = "Runs executed at once, each single-threaded; the outputs do not depend on it"
          + " (default: available processors).")
  private Integer parallelism;

  @Option(names = "--no-charts", description = "Do not draw charts (no charts/ folder; report.html without them).")
  private boolean noCharts;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Overrides a scenario key by its YAML path, e.g. cluster.executors[0].count=8,"
          + " jobs[fit].stages[train].tasks=32, spark.task.cpus=2; repeatable. The value is YAML, parsed and"
          + " validated as if it stood in the file; summary.json and report.html record it. Setting a swept"
          + " key pins it.")
  private List<String> sets = new ArrayList<>();

  @Option(names = "--keep-points",
      description = "For a sweep: also write each point's own outputs under DIR/points/<key=value,...>/.")
  private boolean keepPoints;

  @Option(names = "--quiet", description = "No progress on stderr.")
  private boolean quiet;

  @Option(names = "--spark-event-log", description = "Also write each mode's run (replication 0) as a Spark 3.5 event log,"
      + " <mode>/spark-eventlog.json, for the Spark history server (spark.history.fs.logDirectory) or 'import'.")
  private boolean sparkEventLog;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    int threads = parallelism == null ? Pools.defaultParallelism() : parallelism;
    if (threads < 1) throw new ParameterException(spec.commandLine(), "--parallelism must be >= 1, got " + threads);
    if (replications != null && replications < 1) {
      throw new ParameterException(spec.commandLine(), "--replications must be >= 1, got " + replications);
    }
    if (modes != null && modes.stream().distinct().count() != modes.size()) {
      throw new ParameterException(spec.commandLine(), "--modes lists a mode twice: " + modes);
    }
    try {
      return execute(console, threads);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return console.internalError(e);
    } catch (IOException | RuntimeException e) {
      return console.internalError(e);
    }
  }

  private int execute(Console console, int threads) throws IOException, InterruptedException {
    if (java.nio.file.Files.isDirectory(scenarioFile)) {
      console.err("barriersim: " + scenarioFile + ": is a folder; 'run' takes one scenario file, use 'batch "
          + scenarioFile + "' to run every *.yaml in it");
      return ExitCodes.USAGE;
    }
    Inputs.Loaded loaded = Inputs.load(main.loader(), Inputs.expand(List.of(scenarioFile)).get(0), sets);
    if (!loaded.ok()) {
      loaded.problems().forEach(console::err);
      return ExitCodes.USAGE;
    }
    loaded.problems().forEach(console::err); // warnings: the scenario runs anyway
    if (loaded.scenario().hasSweep()) return executeSweep(console, threads, loaded);
    RunPlan plan = plan(loaded, seed, modes, replications);
    Path dir = out != null ? out : Path.of("out", plan.scenario());
    try {
      OutputFolder.checkReplaceable(dir);
    } catch (OutputConflictException e) {
      // Before anything is printed or run: the user has to pick another folder.
      console.err("barriersim: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    console.out("scenario: " + plan.scenario() + " (" + scenarioFile + ")");
    console.out("seed: " + plan.seed());
    console.out("runs: " + plan.modes().stream().map(Mode::id).collect(Collectors.joining(", ")) + " x "
        + plan.replications() + (plan.replications() == 1 ? " replication" : " replications"));
    ExecutorService pool = Pools.fixed(threads);
    Progress progress = ConsoleProgress.create(console, quiet);
    try {
      List<Output> outputs = Outputs.select(!noCharts, sparkEventLog);
      // Fewer runs than threads leave the other threads idle: a single run keeps its writer threads.
      int atOnce = Math.min(threads, plan.runs().size());
      ScenarioResult result = new ScenarioRunner(main.engine(), pool, outputs).forParallelism(atOnce)
          .withProgress(progress).start(plan, dir)
          .finish();
      ConsoleProgress.close(progress);
      console.out("");
      Headline.of(SummaryJson.of(result)).consoleLines().forEach(console::out);
      console.out("output: " + dir + (noCharts ? "" : " (open " + dir.resolve(ReportPage.FILE) + " in a browser)"));
      return ExitCodes.OK;
    } catch (OutputConflictException e) {
      console.err("barriersim: " + e.getMessage());
      return ExitCodes.USAGE;
    } finally {
      ConsoleProgress.close(progress);
      pool.shutdownNow();
    }
  }

  /** A scenario with a sweep: every point in every mode and replication, into one folder. */
  private int executeSweep(Console console, int threads, Inputs.Loaded loaded) throws IOException, InterruptedException {
    SweepPlan plan = sweepPlan(loaded, seed, modes, replications);
    Optional<String> over = SweepRun.overBudget(plan);
    if (over.isPresent()) {
      console.err("barriersim: " + scenarioFile + ": " + over.get() + "; lower --replications, or raise run.maxRuns");
      return ExitCodes.USAGE;
    }
    Path dir = out != null ? out : Path.of("out", plan.name());
    try {
      OutputFolder.checkReplaceable(dir);
    } catch (OutputConflictException e) {
      console.err("barriersim: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    console.out("scenario: " + plan.name() + " (" + scenarioFile + ")");
    console.out("seed: " + plan.seed());
    console.out("sweep: " + SweepRun.size(plan.sweep(), plan.modes().size(), plan.replications()));
    ExecutorService pool = Pools.fixed(threads);
    Progress progress = ConsoleProgress.create(console, quiet);
    try {
      List<Output> outputs = Outputs.select(!noCharts, sparkEventLog);
      return SweepRun.run(console, SweepRun.runner(main, pool, threads, outputs, keepPoints, progress), plan, dir, !noCharts);
    } finally {
      ConsoleProgress.close(progress);
      pool.shutdownNow();
    }
  }

  /** The sweep plan of a scenario: options given on the command line win over the scenario's {@code run:} section. */
  static SweepPlan sweepPlan(Inputs.Loaded loaded, Long seed, List<Mode> modes, Integer replications) {
    RunPlan base = plan(loaded, seed, modes, replications);
    return new SweepPlan(loaded.scenario(), base.modes(), base.replications(), base.seed(), loaded.text());
  }

  /** The plan of a scenario: options given on the command line win over the scenario's {@code run:} section. */
  static RunPlan plan(Inputs.Loaded loaded, Long seed, List<Mode> modes, Integer replications) {
    Scenario scenario = loaded.scenario();
    List<Mode> m = modes != null ? modes : scenario.modes().stream().map(Mode::parse).toList();
    if (m.isEmpty()) m = List.of(Mode.BARRIER, Mode.NON_BARRIER);
    int r = replications != null ? replications : scenario.replications();
    return new RunPlan(seed != null ? scenario.spec().withSeed(seed) : scenario.spec(), m, r, loaded.text(),
        scenario.overrides(), scenario.recorded());
  }
}
