package dev.barriersim.core;

import dev.barriersim.core.metrics.SimulationListener;
import java.util.List;

/** Wires one run together (placeholder while the engine lands). */
final class SimulationRun {
  /** How and when the run stopped. */
  record Ending(Outcome outcome, long endMs) {}

  SimulationRun(SimulationSpec spec, List<SimulationListener> listeners) {}

  Ending run() {
    throw new IllegalStateException("engine landing in the next commit");
  }
}
