package dev.barriersim.cli;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.report.BenchPresets;
import dev.barriersim.report.OutputFolder;
import dev.barriersim.scenario.ScenarioException;
import dev.barriersim.scenario.Problem;
import dev.barriersim.core.observe.Utf8Output;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code barriersim bench}: times the simulation loop on a preset workload or a scenario (its
 * barrier mode, replication 0) and prints one JSON line last. {@code loopMs} is the wall time of
 * the run alone; building the workload is {@code buildMs}; {@code roundsSkipped} counts the offer
 * rounds that skipped a barrier TaskSet for want of free slots, and {@code roundsSkippedPerTask}
 * divides them by the attempts launched. {@code cpuMs} and {@code allocatedBytesPerTask} count
 * the run's own thread ({@link LoopCounters}), which a loaded machine disturbs less than wall time.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Times the simulator on a preset workload (b1 bag of tasks, b2 barrier mix at about 80 %% load,"
            + " b3 b2 with executor losses, b4 gang contention at about 95 %% load on 100 executors) or on a scenario"
            + " file, and prints one JSON line last:",
        "{\"preset\", \"executors\", \"cores\", \"tasks\", \"events\", \"makespanMs\", \"buildMs\", \"loopMs\","
            + " \"eventsPerSec\", \"tasksPerSec\", \"peakHeapMb\", \"roundsSkipped\", \"roundsSkippedPerTask\", \"cpuMs\", \"allocatedBytesPerTask\", \"warmupRuns\","
            + " \"invariantChecks\"}.",
        "Without --timeline no per-task output is written; with it, tasks.csv and events.jsonl stream to DIR"
            + " and their cost is part of loopMs. The invariant checker, always on in run and batch, runs here only"
            + " with --check. See docs/performance.md."})
final class BenchCommand implements Callable<Integer> {
  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "SCENARIO.yaml", description = "A scenario to time instead of a preset.")
  private Path scenario;

  @Option(names = "--preset", paramLabel = "b1|b2|b3|b4", description = "The preset workload (default: b1).")
  private String preset;

  @Option(names = "--executors", paramLabel = "H", description = "Executors of a preset (default: 1000; b4: 100).")
  private Integer executors;

  @Option(names = "--cores", paramLabel = "C", description = "Cores per executor of a preset (default: 16).")
  private int cores = 16;

  @Option(names = "--tasks", paramLabel = "M", description = "Tasks of a preset (default: 1000000).")
  private long tasks = 1_000_000;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: 1; for a scenario: its own).")
  private Long seed;

  @Option(names = "--timeline", paramLabel = "DIR", description = "Stream tasks.csv and events.jsonl to DIR.")
  private Path timeline;

  @Option(names = "--warmup", paramLabel = "N",
      description = "Runs the same workload N times first, untimed, so that the timed run starts with the JIT's"
          + " code in place (default: 0, a cold run); with --timeline, the warm-up runs format the files into nowhere.")
  private int warmup;

  @Option(names = "--check",
      description = "Runs the invariant checker too, as run, batch and sweeps always do (default: off, so that"
          + " loopMs is the scheduler's and the metrics'; the checker adds about 9 %% on b1).")
  private boolean check;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "For a scenario: overrides a key, as 'run --set' does; repeatable (a sweep times its base scenario).")
  private List<String> sets = new java.util.ArrayList<>();

  @Override
  public Integer call() throws IOException {
    Console console = new Console(spec);
    if (scenario != null && preset != null) return usage(console, "give either a scenario or --preset, not both");
    if (scenario == null && !sets.isEmpty()) return usage(console, "--set applies to a scenario, not to a preset");
    if ((executors != null && executors < 1) || cores < 1 || tasks < 1) {
      return usage(console, "--executors, --cores and --tasks must be >= 1");
    }
    if (warmup < 0) return usage(console, "--warmup must be >= 0");
    long buildStart = System.nanoTime();
    String name;
    SimulationSpec sim;
    if (scenario != null) {
      try {
        sim = main.loader().load(scenario, sets).spec();
      } catch (ScenarioException e) {
        for (Problem p : e.problems()) console.err(p.toString());
        return ExitCodes.USAGE;
      }
      if (seed != null) sim = sim.withSeed(seed);
      name = sim.name();
    } else {
      BenchPresets p;
      try {
        p = BenchPresets.of(preset == null ? "b1" : preset);
      } catch (IllegalArgumentException e) {
        return usage(console, "unknown preset '" + preset + "'; use b1, b2, b3 or b4");
      }
      if (p == BenchPresets.B1 && tasks > Integer.MAX_VALUE) return usage(console, "b1 takes at most 2^31-1 tasks");
      sim = p.build(executors == null ? p.defaultExecutors() : executors, cores, tasks, seed == null ? 1 : seed);
      name = p.id();
    }
    long buildMs = (System.nanoTime() - buildStart) / 1_000_000;
    long totalTasks = sim.jobs().stream().flatMap(j -> j.stages().stream()).mapToLong(s -> s.tasks()).sum();
    int clusterExecutors = sim.cluster().executors().stream().mapToInt(g -> g.count()).sum();
    int clusterCores = sim.cluster().executors().get(0).cores();

    for (int i = 0; i < warmup; i++) warmUp(sim);
    resetPeaks();
    LoopCounters counters = LoopCounters.start();
    long loopStart = System.nanoTime();
    RunResult r;
    if (timeline == null) {
      r = Simulations.run(sim, RunOutputs.bare().withInvariantChecks(check));
    } else {
      Files.createDirectories(timeline);
      try (Writer events = OutputFolder.writer(timeline.resolve("events.jsonl"));
          Writer csv = OutputFolder.writer(timeline.resolve("tasks.csv"))) {
        r = Simulations.run(sim, new RunOutputs(events, csv, List.of()).withInvariantChecks(check));
      }
    }
    long loopMs = Math.max(1, (System.nanoTime() - loopStart) / 1_000_000);
    long cpuMs = counters.cpuMs();
    long allocatedBytes = counters.allocatedBytes();
    long skipped = r.barrier().roundsSkipped();
    long launched = r.tasks().launched();
    console.out(String.format(Locale.ROOT,
        "{\"preset\": \"%s\", \"executors\": %d, \"cores\": %d, \"tasks\": %d, \"events\": %d, \"makespanMs\": %d,"
            + " \"buildMs\": %d, \"loopMs\": %d, \"eventsPerSec\": %.0f, \"tasksPerSec\": %.0f, \"peakHeapMb\": %d,"
            + " \"roundsSkipped\": %d, \"roundsSkippedPerTask\": %.3f, \"cpuMs\": %d, \"allocatedBytesPerTask\": %.1f,"
            + " \"warmupRuns\": %d, \"invariantChecks\": %b}",
        name, clusterExecutors, clusterCores, totalTasks, r.events(), r.makespanMs(), buildMs, loopMs,
        r.events() * 1000.0 / loopMs, totalTasks * 1000.0 / loopMs, peakHeapMb(), skipped,
        launched == 0 ? 0.0 : (double) skipped / launched, cpuMs, (double) allocatedBytes / totalTasks, warmup, check));
    return ExitCodes.OK;
  }

  /** One untimed run of {@code sim} through the same code as the timed one: the writers too, into nowhere. */
  private void warmUp(SimulationSpec sim) throws IOException {
    if (timeline == null) {
      Simulations.run(sim, RunOutputs.bare().withInvariantChecks(check));
      return;
    }
    try (Writer events = new Utf8Output(OutputStream.nullOutputStream());
        Writer csv = new Utf8Output(OutputStream.nullOutputStream())) {
      Simulations.run(sim, new RunOutputs(events, csv, List.of()).withInvariantChecks(check));
    }
  }

  private int usage(Console console, String message) {
    console.err("barriersim bench: " + message);
    return ExitCodes.USAGE;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
  }

  /** Sum of the heap pools' peaks since {@link #resetPeaks()}: an upper bound of the live heap during the run. */
  private static long peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) bytes += pool.getPeakUsage().getUsed();
    }
    return bytes / (1024 * 1024);
  }
}
