package dev.barriersim.core.observe;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent;

/** Observes a run. Observation only: a listener never changes what the scheduler does. */
public interface SimulationListener {
  /** Called for every event, in processing order. */
  default void onEvent(SimEvent event) {}

  /** Called once when the run has stopped, at virtual time {@code endMs}, with how it stopped. */
  default void onRunEnd(long endMs, Outcome outcome) {}
}
