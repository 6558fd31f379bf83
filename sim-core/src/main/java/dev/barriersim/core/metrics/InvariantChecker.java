package dev.barriersim.core.metrics;

import dev.barriersim.core.SimulationSpec;

/** Placeholder while the engine lands. */
public final class InvariantChecker implements SimulationListener {
  public InvariantChecker(SimulationSpec spec) {}
}
