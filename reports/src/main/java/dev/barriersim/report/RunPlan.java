package dev.barriersim.report;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.random.RandomStreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run for one scenario: the spec (its seed is the seed used), the modes in order, the
 * number of replications per mode, the scenario file's text (null when unknown), copied into the
 * output folder, the {@code --set PATH=VALUE} options the spec was loaded with (recorded in
 * {@code summary.json}, so that the file and the options give the spec again), and the recorded
 * timeline of an imported scenario (its {@code recorded} file, null when none), copied to
 * {@code recorded/tasks.csv}.
 */
public record RunPlan(SimulationSpec spec, List<Mode> modes, int replications, String source, List<String> overrides,
    Path recorded) {
  /** Checks the plan and freezes the lists. */
  public RunPlan {
    if (spec == null) throw new IllegalArgumentException("spec is required");
    overrides = List.copyOf(overrides == null ? List.of() : overrides);
    modes = List.copyOf(modes);
    if (modes.isEmpty()) throw new IllegalArgumentException("at least one mode is required");
    if (modes.stream().distinct().count() != modes.size()) throw new IllegalArgumentException("a mode is listed twice");
    if (replications < 1) throw new IllegalArgumentException("replications must be >= 1");
  }

  /** A plan without a recorded timeline. */
  public RunPlan(SimulationSpec spec, List<Mode> modes, int replications, String source, List<String> overrides) {
    this(spec, modes, replications, source, overrides, null);
  }

  /** A plan without overrides. */
  public RunPlan(SimulationSpec spec, List<Mode> modes, int replications, String source) {
    this(spec, modes, replications, source, List.of());
  }

  /** A plan without the scenario's text. */
  public RunPlan(SimulationSpec spec, List<Mode> modes, int replications) {
    this(spec, modes, replications, null);
  }

  /** The scenario's name. */
  public String scenario() {
    return spec.name();
  }

  /** The seed actually used (replication 0's seed). */
  public long seed() {
    return spec.seed();
  }

  /** Every run, mode-major in the order of {@link #modes}, then replication 0..N-1. */
  public List<RunKey> runs() {
    List<RunKey> keys = new ArrayList<>(modes.size() * replications);
    for (Mode m : modes) {
      for (int r = 0; r < replications; r++) keys.add(new RunKey(m, r, RandomStreams.replicationSeed(seed(), r)));
    }
    return keys;
  }

  /** The exact spec of one run: the mode applied, the replication's seed set. */
  public SimulationSpec specOf(RunKey key) {
    return key.mode().apply(spec).withSeed(key.seed());
  }

  /** One run of the plan. */
  public record RunKey(Mode mode, int replication, long seed) {}
}
