package dev.barriersim.report;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs the modes x replications of one scenario on a shared pool (each run single-threaded) and
 * writes its output folder atomically: {@code summary.json}, and {@code <mode>/tasks.csv} and
 * {@code <mode>/events.jsonl} of replication 0.
 */
public final class ScenarioRunner {
  /** File names inside {@code <mode>/}. */
  public static final String TASKS = "tasks.csv";
  /** File names inside {@code <mode>/}. */
  public static final String EVENTS = "events.jsonl";

  private final Engine engine;
  private final ExecutorService pool;

  /** Runs on {@code pool} with {@code engine}. */
  public ScenarioRunner(Engine engine, ExecutorService pool) {
    this.engine = engine;
    this.pool = pool;
  }

  /**
   * Submits every run of {@code plan}; files stream into a temporary folder beside {@code outDir}.
   * Call {@link Pending#finish()} to wait, write the summary and commit.
   */
  public Pending start(RunPlan plan, Path outDir) throws IOException {
    OutputFolder folder = OutputFolder.begin(outDir);
    List<Future<RunRecord>> futures = new ArrayList<>();
    try {
      for (RunPlan.RunKey key : plan.runs()) futures.add(pool.submit(() -> runOne(plan, key, folder)));
    } catch (RuntimeException e) {
      Pending p = new Pending(plan, folder, futures);
      p.abort();
      throw e;
    }
    return new Pending(plan, folder, futures);
  }

  private RunRecord runOne(RunPlan plan, RunPlan.RunKey key, OutputFolder folder) throws IOException {
    if (key.replication() != 0) {
      // Other replications write nothing; the engine still computes their digests.
      return new RunRecord(key, engine.run(plan.specOf(key), RunOutputs.none()));
    }
    String mode = key.mode().id();
    try (Writer events = folder.newWriter(mode + "/" + EVENTS);
        Writer tasks = folder.newWriter(mode + "/" + TASKS)) {
      RunResult result = engine.run(plan.specOf(key), new RunOutputs(events, tasks, List.of()));
      return new RunRecord(key, result);
    }
  }

  /** The runs of one scenario, under way. */
  public static final class Pending {
    private final RunPlan plan;
    private final OutputFolder folder;
    private final List<Future<RunRecord>> futures;

    private Pending(RunPlan plan, OutputFolder folder, List<Future<RunRecord>> futures) {
      this.plan = plan;
      this.folder = folder;
      this.futures = futures;
    }

    /**
     * Waits for every run in plan order, writes {@code summary.json} and commits the folder. On
     * any failure nothing is left behind: the temporary folder is deleted and the cause is thrown
     * (unchecked exceptions of the engine as they were).
     */
    public ScenarioResult finish() throws IOException, InterruptedException {
      boolean ok = false;
      try {
        List<RunRecord> runs = new ArrayList<>(futures.size());
        for (Future<RunRecord> f : futures) runs.add(get(f));
        ScenarioResult result = new ScenarioResult(plan, folder.target(), runs);
        folder.writeString(OutputFolder.MARKER, SummaryJson.render(result));
        folder.commit();
        ok = true;
        return result;
      } finally {
        if (!ok) abort();
      }
    }

    /**
     * Cancels runs not yet started, waits for the others, and deletes the temporary folder; does
     * nothing to a folder already committed, so it is safe in a {@code finally}.
     */
    public void abort() {
      for (Future<RunRecord> f : futures) f.cancel(false);
      // Runs already going still hold writers into the folder: let them end before deleting it.
      for (Future<RunRecord> f : futures) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (ExecutionException | CancellationException e) {
          // The first failure is what the caller reports.
        }
      }
      folder.close();
    }

    private static RunRecord get(Future<RunRecord> f) throws IOException, InterruptedException {
      try {
        return f.get();
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof IOException io) throw io;
        if (c instanceof UncheckedIOException uio) throw uio.getCause();
        if (c instanceof RuntimeException re) throw re;
        if (c instanceof Error err) throw err;
        throw new IllegalStateException(c);
      }
    }
  }
}
