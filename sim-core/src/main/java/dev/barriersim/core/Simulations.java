package dev.barriersim.core;

import dev.barriersim.core.observe.BackgroundSinks;
import dev.barriersim.core.observe.EventLogWriter;
import dev.barriersim.core.observe.FrequentEventSink;
import dev.barriersim.core.observe.InvariantChecker;
import dev.barriersim.core.observe.MetricsCollector;
import dev.barriersim.core.observe.SimulationListener;
import dev.barriersim.core.observe.TaskTimelineWriter;
import dev.barriersim.core.spark.SparkApplication;
import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The front door: runs one simulation, single-threaded and deterministic. Same spec, same seed:
 * the same events in the same order, byte for byte, on any machine.
 */
public final class Simulations {
  private Simulations() {}

  /** Runs {@code spec} without writing anything but the digest. */
  public static RunResult run(SimulationSpec spec) {
    return run(spec, RunOutputs.none());
  }

  /**
   * Runs {@code spec}, streaming the event log and task timeline to {@code outputs}. An
   * {@link IllegalStateException} means the scheduler broke an invariant (a bug, never bad input).
   */
  public static RunResult run(SimulationSpec spec, RunOutputs outputs) {
    EventLogWriter eventLog = outputs.digest() ? new EventLogWriter(outputs.eventLog()) : null;
    List<FrequentEventSink> writers = new ArrayList<>();
    if (eventLog != null) writers.add(eventLog);
    if (outputs.taskTimeline() != null) writers.add(new TaskTimelineWriter(outputs.taskTimeline()));
    MetricsCollector metrics = new MetricsCollector(spec);
    List<SimulationListener> listeners = new ArrayList<>();
    if (outputs.invariantChecks()) listeners.add(new InvariantChecker(spec));
    // A run that writes files formats, digests and writes them on threads of their own unless its
    // caller keeps the cores busy with other runs; a run that only digests keeps to its one thread.
    BackgroundSinks background = null;
    if (outputs.writerThreads() && (outputs.eventLog() != null || outputs.taskTimeline() != null)) {
      background = new BackgroundSinks(writers, BackgroundSinks.DEFAULT_CAPACITY);
      listeners.add(background);
    } else {
      listeners.addAll(writers);
    }
    listeners.add(metrics);
    listeners.addAll(outputs.listeners());
    SparkApplication.Ending ending;
    try {
      ending = new SparkApplication(spec, listeners).run();
    } catch (RuntimeException | Error e) {
      if (background != null) {
        background.stop(e);
      } else {
        flushAfterFailure(writers, e);
      }
      throw e;
    }
    return metrics.result(ending.outcome(), ending.endMs(), metrics.events(),
        eventLog == null ? "" : eventLog.digestHex());
  }

  /**
   * Writes the lines the writers collected before {@code failure}, as writer threads do when a run
   * fails ({@link BackgroundSinks#stop}), so the files are the same either way; a second failure
   * while writing is attached to the first.
   */
  private static void flushAfterFailure(List<FrequentEventSink> writers, Throwable failure) {
    for (FrequentEventSink w : writers) {
      try {
        if (w instanceof Flushable f) f.flush();
      } catch (IOException | RuntimeException e) {
        if (e != failure) failure.addSuppressed(e);
      }
    }
  }
}
