package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import java.util.List;

/**
 * One invariant, checked on a recorded event list. The oracle is independent of the scheduler:
 * it reads only the spec and the events, never scheduler code. Returns the violations found
 * (empty: the property holds); an event list may be doctored by tests to prove the check bites.
 */
public interface PropertyCheck {
  /** The violations of this property in {@code events}, each a one-line explanation. */
  List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result);

  /** A short name for messages. */
  default String name() {
    return getClass().getSimpleName();
  }
}
