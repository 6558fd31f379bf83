package dev.barriersim.core;

import dev.barriersim.core.observe.SimulationListener;
import java.io.Writer;
import java.util.List;

/**
 * Where a run streams its observations: {@code events.jsonl} and {@code tasks.csv} writers (each
 * may be {@code null}: not written) and extra listeners. The event log is formatted and digested
 * for every run unless {@code digest} is false (benchmarks), in which case the result's digest is
 * empty. With {@code writerThreads} (the default) the files are formatted and written on threads of
 * their own, which is worth it when a core would otherwise idle; a caller that keeps every core
 * busy with runs turns it off, and the run formats them on its own thread. The bytes are the same
 * either way. With {@code invariantChecks} (the default, and always in {@code run}, {@code batch}
 * and sweeps) the {@link dev.barriersim.core.observe.InvariantChecker} watches the run; only
 * {@code bench} leaves it out unless asked, so that its figure is the scheduler's. The caller owns,
 * flushes and closes the writers.
 */
public record RunOutputs(Writer eventLog, Writer taskTimeline, List<SimulationListener> listeners, boolean digest,
    boolean writerThreads, boolean invariantChecks) {
  /** Freezes the list. */
  public RunOutputs {
    listeners = List.copyOf(listeners == null ? List.of() : listeners);
    if (eventLog != null && !digest) throw new IllegalArgumentException("a written event log is always digested");
  }

  /** Writes (and digests) the given streams, on threads of their own. */
  public RunOutputs(Writer eventLog, Writer taskTimeline, List<SimulationListener> listeners) {
    this(eventLog, taskTimeline, listeners, true, true, true);
  }

  /** As the canonical constructor, with writer threads. */
  public RunOutputs(Writer eventLog, Writer taskTimeline, List<SimulationListener> listeners, boolean digest) {
    this(eventLog, taskTimeline, listeners, digest, true, true);
  }

  /** Nothing written, no extra listener; the digest is computed. */
  public static RunOutputs none() {
    return new RunOutputs(null, null, List.of(), true, true, true);
  }

  /** These outputs with {@code writer} as the event log. */
  public RunOutputs withEventLog(Writer writer) {
    return new RunOutputs(writer, taskTimeline, listeners, true, writerThreads, invariantChecks);
  }

  /** These outputs with {@code writer} as the task timeline. */
  public RunOutputs withTaskTimeline(Writer writer) {
    return new RunOutputs(eventLog, writer, listeners, digest, writerThreads, invariantChecks);
  }

  /** These outputs with one more listener, called after the others. */
  public RunOutputs withListener(SimulationListener listener) {
    List<SimulationListener> all = new java.util.ArrayList<>(listeners);
    all.add(listener);
    return new RunOutputs(eventLog, taskTimeline, all, digest, writerThreads, invariantChecks);
  }

  /** These outputs, their files written on threads of their own or not. */
  public RunOutputs withWriterThreads(boolean on) {
    return new RunOutputs(eventLog, taskTimeline, listeners, digest, on, invariantChecks);
  }

  /** These outputs, with the invariant checker watching the run or not. */
  public RunOutputs withInvariantChecks(boolean on) {
    return new RunOutputs(eventLog, taskTimeline, listeners, digest, writerThreads, on);
  }

  /** Nothing written and no digest: the simulation alone, for benchmarks. */
  public static RunOutputs bare() {
    return new RunOutputs(null, null, List.of(), false, true, true);
  }
}
