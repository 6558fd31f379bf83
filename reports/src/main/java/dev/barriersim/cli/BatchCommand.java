package dev.barriersim.cli;

import dev.barriersim.report.BatchIndex;
import dev.barriersim.report.OutputConflictException;
import dev.barriersim.report.OutputFolder;
import dev.barriersim.report.RunPlan;
import dev.barriersim.report.ScenarioResult;
import dev.barriersim.report.ScenarioRunner;
import dev.barriersim.report.Progress;
import dev.barriersim.report.html.IndexPage;
import dev.barriersim.report.output.Output;
import dev.barriersim.report.sweep.SweepRunner;
import dev.barriersim.report.output.Outputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code barriersim batch DIR|FILE...}: runs many scenarios into one folder each, plus an index. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Runs every scenario given: a folder stands for all its *.yaml files, sorted by file name.",
        "Each scenario runs with its own run: section (modes, replications) into OUT/<scenario name>/"
            + " (the same files as 'run'); OUT/index.html (open it in a browser), OUT/index.json and"
            + " OUT/index.md list every input.",
        "Invalid or unreadable scenarios are reported and skipped; the others still run and the exit"
            + " code is 2. Output bytes do not depend on --parallelism.",
        "Scenario keys are documented in docs/scenario-format.md."})
final class BatchCommand implements Callable<Integer> {
  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Scenario files, or folders of *.yaml files.")
  private List<Path> inputs;

  @Option(names = "--out", paramLabel = "DIR", description = "Batch output folder (default: out).")
  private Path out = Path.of("out");

  @Option(names = "--no-charts", description = "Do not draw charts (no charts/ folders; pages without them).")
  private boolean noCharts;

  @Option(names = "--spark-event-log", description = "Also write each mode's run (replication 0) as a Spark 3.5 event log,"
      + " <mode>/spark-eventlog.json, for the Spark history server (spark.history.fs.logDirectory) or 'import'.")
  private boolean sparkEventLog;

  @Option(names = "--parallelism", paramLabel = "N",
      description = "Runs executed at once across all scenarios (modes x replications of each),"
          + " each single-threaded (default: available processors).")
  private Integer parallelism;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Overrides a key in every scenario, as 'run --set' does; repeatable.")
  private List<String> sets = new ArrayList<>();

  @Option(names = "--quiet", description = "No progress on stderr.")
  private boolean quiet;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    int threads = parallelism == null ? Pools.defaultParallelism() : parallelism;
    if (threads < 1) throw new ParameterException(spec.commandLine(), "--parallelism must be >= 1, got " + threads);
    List<String> missing = inputs.stream().filter(p -> !Files.exists(p))
        .map(p -> "barriersim: " + p + ": no such file or folder; nothing was run").toList();
    if (!missing.isEmpty()) {
      missing.forEach(console::err);
      return ExitCodes.USAGE;
    }
    try {
      OutputFolder.checkReplaceableBatch(out);
    } catch (OutputConflictException e) {
      console.err("barriersim: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      return console.internalError(e);
    }
    try {
      List<Inputs.Loaded> loaded = Inputs.expand(inputs).stream().map(in -> Inputs.load(main.loader(), in, sets)).toList();
      ExecutorService pool = Pools.fixed(threads);
      Progress progress = ConsoleProgress.create(console, quiet);
      try {
        return runAll(console, loaded, pool, threads, progress);
      } finally {
        ConsoleProgress.close(progress);
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return console.internalError(e);
    } catch (IOException | RuntimeException e) {
      return console.internalError(e);
    }
  }

  private int runAll(Console console, List<Inputs.Loaded> loaded, ExecutorService pool, int threads, Progress progress)
      throws IOException, InterruptedException {
    List<Output> outputs = Outputs.select(!noCharts, sparkEventLog);
    ScenarioRunner runner = new ScenarioRunner(main.engine(), pool, outputs).forParallelism(threads)
        .withProgress(progress);
    SweepRunner sweeps = SweepRun.runner(main, pool, threads, outputs, false, progress);
    BatchIndex index = new BatchIndex();
    int total = loaded.size();
    int code = ExitCodes.OK;
    // Start everything first so the pool stays busy; then collect strictly in input order, which
    // makes stderr, stdout and every file the same for any --parallelism.
    List<Slot> started = new ArrayList<>(total);
    try {
      Map<String, String> fileOfName = new HashMap<>();
      for (Inputs.Loaded l : loaded) {
        if (!l.ok()) {
          started.add(Slot.skipped(l.problems()));
          continue;
        }
        String name = l.scenario().spec().name();
        String first = fileOfName.putIfAbsent(name, l.input().display());
        if (first != null) {
          started.add(Slot.skipped(List.of(l.input().display() + ": scenario name '" + name + "' is already used by "
              + first + "; give each scenario of a batch its own name")));
          continue;
        }
        try {
          if (l.scenario().hasSweep()) {
            started.add(new Slot(null, sweeps.start(RunCommand.sweepPlan(l, null, null, null), out.resolve(name)), List.of()));
          } else {
            RunPlan plan = RunCommand.plan(l, null, null, null);
            started.add(new Slot(runner.start(plan, out.resolve(name)), null, List.of()));
          }
        } catch (OutputConflictException e) {
          started.add(Slot.skipped(List.of(l.input().display() + ": " + e.getMessage())));
        }
      }
      for (int i = 0; i < total; i++) {
        Inputs.Loaded l = loaded.get(i);
        String file = l.input().display();
        String prefix = "[" + (i + 1) + "/" + total + "] " + file + ": ";
        String name = l.ok() ? l.scenario().spec().name() : null;
        Slot slot = started.get(i);
        if (slot.pending() != null || slot.sweep() != null) {
          l.problems().forEach(console::err); // warnings of a valid scenario, in input order
          try {
            if (slot.sweep() != null) {
              index.sweep(file, slot.sweep().finish(), name + "/" + OutputFolder.MARKER);
            } else {
              ScenarioResult result = slot.pending().finish();
              index.ok(file, result, name + "/" + OutputFolder.MARKER);
            }
            console.err(prefix + name + ": ok -> " + out.resolve(name));
          } catch (IOException | RuntimeException e) {
            index.error(file, name, e.toString());
            console.err(prefix + name + ": error");
            code = ExitCodes.worst(code, console.internalError(e));
          }
        } else {
          List<String> problems = slot.problems();
          problems.forEach(console::err);
          index.invalid(file, name, problems);
          console.err(prefix + "invalid, skipped (" + problems.size()
              + (problems.size() == 1 ? " problem)" : " problems)"));
          code = ExitCodes.worst(code, ExitCodes.USAGE);
        }
      }
    } finally {
      // After an unexpected failure, leave no temporary folder behind (a no-op for committed ones).
      for (Slot slot : started) {
        if (slot.pending() != null) slot.pending().abort();
        if (slot.sweep() != null) slot.sweep().abort();
      }
    }
    OutputFolder.writeFileAtomically(out.resolve("index.json"), index.renderJson());
    OutputFolder.writeFileAtomically(out.resolve("index.md"), index.renderMarkdown());
    OutputFolder.writeFileAtomically(out.resolve(IndexPage.FILE), index.renderHtml(out));
    console.out(index.renderTable());
    console.out("index: " + out.resolve(IndexPage.FILE) + " (open it in a browser), " + out.resolve("index.md"));
    return code;
  }

  /** One input: its runs (or its sweep's) under way, or the lines saying why it was skipped. */
  private record Slot(ScenarioRunner.Pending pending, SweepRunner.Pending sweep, List<String> problems) {
    static Slot skipped(List<String> problems) {
      return new Slot(null, null, problems);
    }
  }
}
