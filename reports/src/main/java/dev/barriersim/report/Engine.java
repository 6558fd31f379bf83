package dev.barriersim.report;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;

/** Runs one simulation; the seam between the reports and sim-core (tests put a fake here). */
@FunctionalInterface
public interface Engine {
  /** Runs {@code spec}, streaming to {@code outputs}; single-threaded and deterministic. */
  RunResult run(SimulationSpec spec, RunOutputs outputs);

  /** The real engine, {@link Simulations#run(SimulationSpec, RunOutputs)}. */
  static Engine simulations() {
    return Simulations::run;
  }
}
