package dev.barriersim.report.sweep;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.RunResult;
import dev.barriersim.report.WorkGate;
import dev.barriersim.report.Engine;
import dev.barriersim.report.OutputFolder;
import dev.barriersim.report.Progress;
import dev.barriersim.report.RunPlan;
import dev.barriersim.report.RunRecord;
import dev.barriersim.report.ScenarioResult;
import dev.barriersim.report.ScenarioRunner;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.output.Output;
import dev.barriersim.report.output.Outputs;
import dev.barriersim.report.output.RenderedOutput;
import dev.barriersim.report.output.SweepOutput;
import dev.barriersim.scenario.ScenarioException;
import dev.barriersim.scenario.Sweep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs every point x mode x replication of a sweep on a shared pool, each run single-threaded, and
 * writes the sweep's folder atomically. Runs are handed to the pool a few at a time in grid order
 * (each ending run hands over the next), so a sweep of any size holds only the points under way:
 * each point is reduced to its aggregates as soon as its last run ends, and its runs' results are
 * dropped. Files depend only on the plan, never on the thread count or the order runs end in.
 */
public final class SweepRunner {
  private final Engine engine;
  private final ExecutorService pool;
  private final int window;
  private final List<Output> outputs;
  private final boolean keepPoints;
  private final Progress progress;
  private final boolean writerThreads;

  /**
   * Runs on {@code pool} ({@code parallelism} threads) with {@code engine}, writing {@code outputs}
   * (entries of {@link Outputs}); with {@code keepPoints} each point also gets a folder of its own
   * under {@code points/}, with the same outputs as a scenario without a sweep.
   */
  public SweepRunner(Engine engine, ExecutorService pool, int parallelism, List<Output> outputs, boolean keepPoints,
      Progress progress) {
    this.engine = engine;
    this.pool = pool;
    this.window = Math.max(2, 2 * parallelism);
    this.outputs = List.copyOf(outputs);
    this.keepPoints = keepPoints;
    this.progress = progress;
    this.writerThreads = ScenarioRunner.coresToSpare(parallelism);
  }

  /** Starts the sweep into a temporary folder beside {@code outDir}; {@link Pending#finish()} waits and commits. */
  public Pending start(SweepPlan plan, Path outDir) throws IOException {
    Pending p = new Pending(plan, OutputFolder.begin(outDir));
    progress.planned(plan.runs(), plan.sweep().points());
    try {
      for (int i = 0; i < window; i++) p.submitNext();
    } catch (RuntimeException e) {
      p.abort();
      throw e;
    }
    return p;
  }

  /** One point under way: its plan (built by its first run), its samples, and how many runs are left. */
  private final class PointState {
    private final long index;
    private final RunSample[][] samples;
    private final RunRecord[] records;
    private final AtomicInteger remaining;
    private RunPlan plan;
    private String folder;

    PointState(long index, SweepPlan sweep) {
      this.index = index;
      this.samples = new RunSample[sweep.modes().size()][sweep.replications()];
      this.records = keepPoints ? new RunRecord[sweep.runsPerPoint()] : null;
      this.remaining = new AtomicInteger(sweep.runsPerPoint());
    }

    synchronized RunPlan plan(SweepPlan sweep) throws ScenarioException {
      if (plan == null) {
        plan = sweep.point(index);
        if (keepPoints) folder = PointNames.POINTS + "/" + PointNames.of(sweep.sweep(), sweep.sweep().point(index));
      }
      return plan;
    }
  }

  /** The runs of one sweep, under way. */
  public final class Pending {
    private final SweepPlan plan;
    private final OutputFolder folder;
    private final long total;
    private final List<RunPlan.RunKey> keys;
    private final PointResult[] results;
    private final Map<Long, PointState> states = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicInteger peak = new AtomicInteger();
    private final CompletableFuture<SweepResult> written = new CompletableFuture<>();
    private final WorkGate gate = new WorkGate();

    private Pending(SweepPlan plan, OutputFolder folder) {
      this.plan = plan;
      this.folder = folder;
      this.total = plan.runs();
      if (plan.sweep().points() > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many points");
      this.results = new PointResult[(int) plan.sweep().points()];
      // Every point runs the same (mode, replication, seed) keys: replication r has one seed everywhere.
      this.keys = new RunPlan(plan.scenario().spec().withSeed(plan.seed()), plan.modes(), plan.replications()).runs();
    }

    private void submitNext() {
      if (written.isDone()) return;
      long t = next.getAndIncrement();
      if (t < total) pool.execute(() -> run(t));
    }

    private void run(long t) {
      if (!gate.enter()) return;
      try {
        runOne(t);
      } catch (Throwable e) {
        written.completeExceptionally(e);
        return;
      } finally {
        gate.leave();
      }
      progress.runDone();
      if (done.incrementAndGet() == total) {
        pool.execute(this::writeWhenDone);
      } else {
        submitNext();
      }
    }

    private void runOne(long t) throws IOException, ScenarioException {
      int per = plan.runsPerPoint();
      long index = t / per;
      int k = (int) (t % per);
      PointState state = states.computeIfAbsent(index, i -> new PointState(i, plan));
      peak.accumulateAndGet(states.size(), Math::max);
      RunPlan point = state.plan(plan);
      RunPlan.RunKey key = keys.get(k);
      RunResult result;
      if (keepPoints) {
        RunRecord rec = ScenarioRunner.runOne(engine, outputs, point, key, folder.dir().resolve(state.folder),
            writerThreads);
        state.records[k] = rec;
        result = rec.result();
      } else {
        result = engine.run(point.specOf(key), RunOutputs.none());
      }
      state.samples[k / plan.replications()][k % plan.replications()] = RunSample.of(result);
      if (state.remaining.decrementAndGet() == 0) finishPoint(state, point);
    }

    private void finishPoint(PointState state, RunPlan point) throws IOException {
      Sweep.Point p = plan.sweep().point(state.index);
      if (keepPoints) {
        Path dir = folder.dir().resolve(state.folder);
        ScenarioRunner.writeOutputs(outputs, new ScenarioResult(point, folder.target().resolve(state.folder),
            Arrays.asList(state.records)), dir);
      }
      results[(int) state.index] = PointResult.of(state.index, p.values(), state.folder, plan.modes(), state.samples);
      states.remove(state.index);
      progress.pointDone();
    }

    private void writeWhenDone() {
      if (!gate.enter()) {
        written.cancel(false);
        return;
      }
      try {
        written.complete(write());
      } catch (Throwable t) {
        written.completeExceptionally(t);
      } finally {
        gate.leave();
      }
    }

    private SweepResult write() throws IOException {
      TreeSet<String> resources = new TreeSet<>();
      for (PointResult r : results) {
        r.arms().values().forEach(m -> m.keySet().stream().filter(k -> k.startsWith("resources."))
            .forEach(k -> resources.add(k.substring("resources.".length(), k.length() - ".utilization".length()))));
      }
      SweepResult result = new SweepResult(plan, folder.target(), Arrays.asList(results), SweepMetrics.of(resources));
      for (SweepOutput o : Outputs.of(outputs, SweepOutput.class)) o.write(result, folder.dir());
      List<RenderedOutput> rendered = Outputs.of(outputs, RenderedOutput.class);
      if (!rendered.isEmpty()) {
        ScenarioFiles files = ScenarioFiles.open(folder.dir());
        for (RenderedOutput o : rendered) o.render(files, folder.dir());
      }
      return result;
    }


    /** Waits for every run and file, then commits the folder; on any failure nothing is left behind. */
    public SweepResult finish() throws IOException, InterruptedException {
      boolean ok = false;
      try {
        SweepResult result = get();
        folder.commit();
        ok = true;
        return result;
      } finally {
        if (!ok) abort();
      }
    }

    private SweepResult get() throws IOException, InterruptedException {
      try {
        return written.get();
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof IOException io) throw io;
        if (c instanceof UncheckedIOException uio) throw uio.getCause();
        if (c instanceof ScenarioException se) {
          throw new IllegalStateException("a sweep point is invalid: " + se.problems().get(0), se);
        }
        if (c instanceof RuntimeException re) throw re;
        if (c instanceof Error err) throw err;
        throw new IllegalStateException(c);
      }
    }

    /** Stops handing out runs, waits for those under way, and deletes the temporary folder (not a committed one). */
    public void abort() {
      // Work under way still holds writers into the folder: let it end before deleting it.
      gate.closeAndWait();
      written.cancel(false);
      folder.close();
    }

    /** The most points held at once (under way, not yet reduced): bounded by the runs handed out, whatever the grid's size. */
    public int pointsInFlightPeak() {
      return peak.get();
    }
  }
}
