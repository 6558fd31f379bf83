package dev.barriersim.scenario;

import dev.barriersim.core.SimulationSpec;
import java.util.List;

/**
 * A validated scenario: the simulation input plus the {@code run:} section.
 *
 * @param modes the arms to run, in order, each "barrier" or "non-barrier"
 * @param replications runs per mode; replication r uses {@code RandomStreams.replicationSeed(seed, r)}
 */
public record Scenario(String file, String description, SimulationSpec spec, List<String> modes, int replications) {
  /** Freezes the list. */
  public Scenario {
    modes = List.copyOf(modes);
  }
}
