package dev.barriersim.core;

import dev.barriersim.core.metrics.SimulationListener;
import java.io.Writer;
import java.util.List;

/**
 * Where a run streams its observations: {@code events.jsonl} and {@code tasks.csv} writers (each
 * may be {@code null}: not written, though the event-log digest is always computed) and extra
 * listeners. The caller owns, flushes and closes the writers.
 */
public record RunOutputs(Writer eventLog, Writer taskTimeline, List<SimulationListener> listeners) {
  /** Freezes the list. */
  public RunOutputs {
    listeners = List.copyOf(listeners == null ? List.of() : listeners);
  }

  /** Nothing written, no extra listener. */
  public static RunOutputs none() {
    return new RunOutputs(null, null, List.of());
  }
}
