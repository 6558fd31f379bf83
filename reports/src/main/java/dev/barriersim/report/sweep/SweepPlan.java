package dev.barriersim.report.sweep;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.report.Mode;
import dev.barriersim.report.RunPlan;
import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioException;
import dev.barriersim.scenario.Sweep;
import java.util.List;

/**
 * What to run for a scenario with a sweep: every point in both (or the chosen) modes with the
 * scenario's replications. Replication r runs with the same seed at every point (common random
 * numbers), so differences between points are not noise.
 *
 * @param scenario the loaded scenario; its {@link Scenario#sweep()} is the grid
 * @param seed the seed of replication 0 (the scenario's, or the command line's)
 * @param source the scenario file's text, or null
 */
public record SweepPlan(Scenario scenario, List<Mode> modes, int replications, long seed, String source) {
  /** Checks the plan. */
  public SweepPlan {
    if (scenario.sweep() == null) throw new IllegalArgumentException("the scenario has no sweep");
    modes = List.copyOf(modes);
    if (modes.isEmpty() || replications < 1) throw new IllegalArgumentException("modes and replications are required");
  }

  /** The grid. */
  public Sweep sweep() {
    return scenario.sweep();
  }

  /** The scenario's name. */
  public String name() {
    return scenario.spec().name();
  }

  /** Runs of one point: modes x replications. */
  public int runsPerPoint() {
    return modes.size() * replications;
  }

  /** Every run of the sweep. */
  public long runs() {
    return sweep().points() * runsPerPoint();
  }

  /** The plan of point {@code index}: its scenario, seeded like every other point. */
  public RunPlan point(long index) throws ScenarioException {
    Scenario s = sweep().scenario(index);
    SimulationSpec spec = s.spec().withSeed(seed);
    return new RunPlan(spec, modes, replications, source, s.overrides());
  }
}
