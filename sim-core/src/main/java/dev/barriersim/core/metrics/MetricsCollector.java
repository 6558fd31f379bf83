package dev.barriersim.core.metrics;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;

/** Placeholder while the engine lands. */
public final class MetricsCollector implements SimulationListener {
  public MetricsCollector(SimulationSpec spec) {}

  public RunResult result(Outcome outcome, long endMs, long events, String digest) {
    throw new IllegalStateException("landing next");
  }
}
