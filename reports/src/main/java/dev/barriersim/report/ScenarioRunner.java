package dev.barriersim.report;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.RunResult;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.output.Output;
import dev.barriersim.report.output.Outputs;
import dev.barriersim.report.output.RenderedOutput;
import dev.barriersim.report.output.ResultOutput;
import dev.barriersim.report.output.RunOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the modes x replications of one scenario on a shared pool (each run single-threaded) and
 * writes its output folder atomically, output by output from the registry it is given: the run
 * streams of replication 0, then the files of the finished runs, then the rendered files. The last
 * run to end queues the writing on the pool too, so a batch keeps every thread busy.
 */
public final class ScenarioRunner {
  private final Engine engine;
  private final ExecutorService pool;
  private final List<Output> outputs;
  private final Progress progress;
  private final boolean writerThreads;

  /** Runs on {@code pool} with {@code engine}, writing every output of the registry. */
  public ScenarioRunner(Engine engine, ExecutorService pool) {
    this(engine, pool, Outputs.ALL);
  }

  /** Runs on {@code pool} with {@code engine}, writing {@code outputs} (entries of {@link Outputs}). */
  public ScenarioRunner(Engine engine, ExecutorService pool, List<Output> outputs) {
    this(engine, pool, outputs, Progress.NONE, true);
  }

  private ScenarioRunner(Engine engine, ExecutorService pool, List<Output> outputs, Progress progress,
      boolean writerThreads) {
    this.engine = engine;
    this.pool = pool;
    this.outputs = List.copyOf(outputs);
    this.progress = progress;
    this.writerThreads = writerThreads;
  }

  /** This runner, telling {@code progress} of each run that ends. */
  public ScenarioRunner withProgress(Progress progress) {
    return new ScenarioRunner(engine, pool, outputs, progress, writerThreads);
  }

  /**
   * This runner for a pool of {@code parallelism} threads: its runs write their files on threads of
   * their own only when the pool leaves a processor for them ({@link #coresToSpare}).
   */
  public ScenarioRunner forParallelism(int parallelism) {
    return new ScenarioRunner(engine, pool, outputs, progress, coresToSpare(parallelism));
  }

  /**
   * True when {@code parallelism} runs at once leave a processor free, to format and write a run's
   * files beside it ({@link RunOutputs#writerThreads}). When the runs fill every processor, handing
   * the events to writer threads only adds work: without them the catalog batch took 7 % less wall
   * time with charts and 2 % less without (8 alternated pairs on 2 processors).
   */
  public static boolean coresToSpare(int parallelism) {
    return parallelism < Runtime.getRuntime().availableProcessors();
  }

  /**
   * Submits every run of {@code plan}; files go into a temporary folder beside {@code outDir}.
   * Call {@link Pending#finish()} to wait for the folder and commit it.
   */
  public Pending start(RunPlan plan, Path outDir) throws IOException {
    Pending p = new Pending(plan, OutputFolder.begin(outDir));
    progress.planned(plan.runs().size(), 0);
    try {
      List<RunPlan.RunKey> keys = plan.runs();
      for (int i = 0; i < keys.size(); i++) {
        RunPlan.RunKey key = keys.get(i);
        CompletableFuture<RunRecord> run = p.runs.get(i);
        pool.execute(() -> p.runGuarded(run, () -> runOne(plan, key, p.folder)));
      }
    } catch (RuntimeException e) {
      p.abort();
      throw e;
    }
    return p;
  }

  private RunRecord runOne(RunPlan plan, RunPlan.RunKey key, OutputFolder folder) throws IOException {
    return runOne(engine, outputs, plan, key, folder.dir(), writerThreads);
  }

  /**
   * Runs one simulation of {@code plan}; replication 0 streams the run outputs of {@code outputs}
   * into {@code dir/<mode>/}, on threads of their own when {@code writerThreads}; other replications
   * write nothing (the engine still computes their digests).
   */
  public static RunRecord runOne(Engine engine, List<Output> outputs, RunPlan plan, RunPlan.RunKey key, Path dir,
      boolean writerThreads) throws IOException {
    if (key.replication() != 0) {
      return new RunRecord(key, engine.run(plan.specOf(key), RunOutputs.none()));
    }
    List<Writer> writers = new ArrayList<>();
    try {
      RunOutputs streams = RunOutputs.none().withWriterThreads(writerThreads);
      for (RunOutput o : Outputs.of(outputs, RunOutput.class)) {
        Path file = dir.resolve(key.mode().id()).resolve(o.file());
        Writer w = OutputFolder.writer(file);
        writers.add(w);
        streams = o.attach(streams, w, plan.specOf(key), key.mode().id());
      }
      return new RunRecord(key, engine.run(plan.specOf(key), streams));
    } finally {
      closeAll(writers);
    }
  }

  private ScenarioResult writeFolder(RunPlan plan, OutputFolder folder, List<? extends Future<RunRecord>> runs)
      throws IOException, InterruptedException {
    List<RunRecord> records = new ArrayList<>(runs.size());
    for (Future<RunRecord> f : runs) records.add(get(f));
    ScenarioResult result = new ScenarioResult(plan, folder.target(), records);
    writeOutputs(outputs, result, folder.dir());
    return result;
  }

  /** Writes the files of {@code outputs} made from finished runs, then the rendered ones, into {@code dir}. */
  public static void writeOutputs(List<Output> outputs, ScenarioResult result, Path dir) throws IOException {
    for (ResultOutput o : Outputs.of(outputs, ResultOutput.class)) o.write(result, dir);
    List<RenderedOutput> rendered = Outputs.of(outputs, RenderedOutput.class);
    if (!rendered.isEmpty()) {
      ScenarioFiles files = ScenarioFiles.open(dir);
      for (RenderedOutput o : rendered) o.render(files, dir);
    }
  }

  /** The runs of one scenario, under way. */
  public final class Pending {
    private final RunPlan plan;
    private final OutputFolder folder;
    private final List<CompletableFuture<RunRecord>> runs = new ArrayList<>();
    private final AtomicInteger remaining;
    private final CompletableFuture<ScenarioResult> written = new CompletableFuture<>();
    private final WorkGate gate = new WorkGate();

    private Pending(RunPlan plan, OutputFolder folder) {
      this.plan = plan;
      this.folder = folder;
      int n = plan.runs().size();
      for (int i = 0; i < n; i++) runs.add(new CompletableFuture<>());
      this.remaining = new AtomicInteger(n);
    }

    /** Runs one simulation into {@code run}; the last one to end queues the writing of the folder. */
    private void runGuarded(CompletableFuture<RunRecord> run, Work<RunRecord> work) {
      if (!gate.enter()) {
        run.cancel(false);
        return;
      }
      try {
        run.complete(work.run());
      } catch (Throwable t) {
        run.completeExceptionally(t);
      } finally {
        gate.leave();
      }
      progress.runDone();
      if (remaining.decrementAndGet() == 0) pool.execute(this::writeWhenRunsEnded);
    }

    private void writeWhenRunsEnded() {
      if (!gate.enter()) {
        written.cancel(false);
        return;
      }
      try {
        written.complete(writeFolder(plan, folder, runs));
      } catch (Throwable t) {
        written.completeExceptionally(t);
      } finally {
        gate.leave();
      }
    }


    /**
     * Waits for every run and output, then commits the folder. On any failure nothing is left
     * behind: the temporary folder is deleted and the cause is thrown (unchecked exceptions of the
     * engine as they were).
     */
    public ScenarioResult finish() throws IOException, InterruptedException {
      boolean ok = false;
      try {
        ScenarioResult result = get(written);
        folder.commit();
        ok = true;
        return result;
      } finally {
        if (!ok) abort();
      }
    }

    /**
     * Stops runs not yet started, waits for the ones under way, and deletes the temporary folder;
     * does nothing to a folder already committed, so it is safe in a {@code finally}.
     */
    public void abort() {
      // Work under way still holds writers into the folder: let it end before deleting it.
      gate.closeAndWait();
      written.cancel(false);
      folder.close();
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run() throws Exception;
  }

  private static <T> T get(Future<T> f) throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) throw io;
      if (c instanceof UncheckedIOException uio) throw uio.getCause();
      if (c instanceof RuntimeException re) throw re;
      if (c instanceof Error err) throw err;
      if (c instanceof InterruptedException ie) throw ie;
      throw new IllegalStateException(c);
    }
  }

  private static void closeAll(List<Writer> writers) throws IOException {
    IOException first = null;
    for (Writer w : writers) {
      try {
        w.close();
      } catch (IOException e) {
        if (first == null) first = e;
      }
    }
    if (first != null) throw first;
  }
}
