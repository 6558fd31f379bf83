package dev.barriersim.scenario;

import dev.barriersim.core.SimulationSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated scenario: the simulation input plus the {@code run:} section, and the warnings found
 * while loading it (it runs anyway; commands print them on stderr).
 *
 * @param modes the arms to run, in order, each "barrier" or "non-barrier"
 * @param replications runs per mode; replication r uses {@code RandomStreams.replicationSeed(seed, r)}
 * @param warnings located warnings in file order, each {@link Problem#isWarning()}
 * @param overrides the {@code --set PATH=VALUE} options applied to the file, in order (a sweep
 *     point's own values follow them)
 * @param sweep the scenario's {@code sweep:} grid, or null when it has none; {@link #spec()} is then
 *     the scenario as written, without any point's values
 * @param recorded the {@code recorded} key: the recorded {@code tasks.csv} of an imported application,
 *     resolved against the scenario's folder (as written when loaded from text), or null
 */
public record Scenario(String file, String description, SimulationSpec spec, List<String> modes, int replications,
    List<Problem> warnings, List<String> overrides, Sweep sweep, Path recorded) {
  /** Freezes the lists. */
  public Scenario {
    modes = List.copyOf(modes);
    warnings = List.copyOf(warnings == null ? List.of() : warnings);
    overrides = List.copyOf(overrides == null ? List.of() : overrides);
  }

  /** A scenario without a recorded timeline. */
  public Scenario(String file, String description, SimulationSpec spec, List<String> modes, int replications,
      List<Problem> warnings, List<String> overrides, Sweep sweep) {
    this(file, description, spec, modes, replications, warnings, overrides, sweep, null);
  }

  /** A scenario without overrides or sweep. */
  public Scenario(String file, String description, SimulationSpec spec, List<String> modes, int replications,
      List<Problem> warnings) {
    this(file, description, spec, modes, replications, warnings, List.of(), null);
  }

  /** True when the scenario has a {@code sweep:} grid. */
  public boolean hasSweep() {
    return sweep != null;
  }

  /** A scenario without warnings. */
  public Scenario(String file, String description, SimulationSpec spec, List<String> modes, int replications) {
    this(file, description, spec, modes, replications, List.of());
  }
}
