package dev.barriersim.report;

import dev.barriersim.core.SimulationSpec;
import java.util.Arrays;
import java.util.stream.Collectors;

/** One arm of the comparison: the scenario as written, or with every barrier flag cleared. */
public enum Mode {
  /** The scenario as written. */
  BARRIER("barrier"),
  /** The same scenario with every {@code barrier} flag cleared. */
  NON_BARRIER("non-barrier");

  private final String id;

  Mode(String id) {
    this.id = id;
  }

  /** The name used in files, folders and on the command line. */
  public String id() {
    return id;
  }

  /** The spec this arm runs. */
  public SimulationSpec apply(SimulationSpec spec) {
    return this == BARRIER ? spec : spec.withoutBarrier();
  }

  /** Parses {@code barrier} or {@code non-barrier}; the message lists the valid names. */
  public static Mode parse(String id) {
    for (Mode m : values()) {
      if (m.id.equals(id)) return m;
    }
    throw new IllegalArgumentException("unknown mode '" + id + "'; use one of "
        + Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
