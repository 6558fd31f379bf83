package dev.barriersim.core.properties;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.observe.SimulationListener;
import dev.barriersim.core.properties.checks.AccountingCheck;
import dev.barriersim.core.properties.checks.AllOrNothingCheck;
import dev.barriersim.core.properties.checks.BarrierFailureCheck;
import dev.barriersim.core.properties.checks.BarrierSlotsCheck;
import dev.barriersim.core.properties.checks.CapacityCheck;
import dev.barriersim.core.properties.checks.ExclusionCheck;
import dev.barriersim.core.properties.checks.LifecycleCheck;
import dev.barriersim.core.properties.checks.PropertyCheck;
import dev.barriersim.core.properties.checks.ResubmitDelayCheck;
import dev.barriersim.core.properties.checks.ScriptedFailureCheck;
import dev.barriersim.core.properties.checks.SlotCheckScheduleCheck;
import dev.barriersim.core.properties.checks.SpeculationCheck;
import dev.barriersim.core.properties.checks.TaskRetryCheck;
import dev.barriersim.core.properties.checks.WorkConservingCheck;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/** Runs specs, applies property checks, and formats counterexamples; the QuickTheories set-up. */
public final class PropertyRuns {
  /** The default seed of every property (override with {@code -DQT_SEED=...}). */
  public static final long DEFAULT_SEED = 20261124L;

  private PropertyRuns() {}

  /** One recorded run; {@code crash} is the exception the engine threw, if any (its invariant checker, say). */
  public record Observed(SimulationSpec spec, List<SimEvent> events, RunResult result, RuntimeException crash) {}

  /** Every invariant that holds for any scenario at any stopping point. */
  public static List<PropertyCheck> allChecks() {
    return List.of(new AllOrNothingCheck(), new BarrierSlotsCheck(), new CapacityCheck(), new BarrierFailureCheck(),
        new ResubmitDelayCheck(), new TaskRetryCheck(), new WorkConservingCheck(), new AccountingCheck(),
        new SlotCheckScheduleCheck(), new ScriptedFailureCheck(), new LifecycleCheck(), new SpeculationCheck(),
        new ExclusionCheck());
  }

  /** The seed in force: {@code QT_SEED} if set, else the default. */
  public static long seed() {
    return Long.getLong("QT_SEED", DEFAULT_SEED);
  }

  /** Examples in force: {@code QT_EXAMPLES} if set, else {@code dflt}. */
  public static int examples(int dflt) {
    return Integer.getInteger("QT_EXAMPLES", dflt);
  }

  /** QuickTheories with the fixed (overridable) seed and example count. */
  public static QuickTheory qt(int defaultExamples) {
    return QuickTheory.qt().withFixedSeed(seed()).withExamples(examples(defaultExamples))
        .withShrinkCycles(Integer.getInteger("QT_SHRINKS", 30));
  }

  /** Random scenarios of a shape, described by their YAML. */
  public static Gen<SimulationSpec> scenarios(ScenarioGen.Shape shape) {
    Gen<SimulationSpec> g = in -> ScenarioGen.scenario((lo, hi) -> (int) in.next(Constraint.between(lo, hi)), shape);
    return g.describedAs(s -> "\n" + ScenarioYaml.render(s) + "# " + ScenarioYaml.HOW_TO_RUN);
  }

  /** Random scenarios of a shape with hosts, racks, cached partitions, input hosts and locality waits. */
  public static Gen<SimulationSpec> scenariosWithLocality(ScenarioGen.Shape shape) {
    Gen<SimulationSpec> g = in -> {
      Draw d = (lo, hi) -> (int) in.next(Constraint.between(lo, hi));
      return ScenarioGen.withLocality(d, ScenarioGen.scenario(d, shape));
    };
    return g.describedAs(s -> "\n" + ScenarioYaml.render(s) + "# " + ScenarioYaml.HOW_TO_RUN);
  }

  /** Random FULL scenarios with exclusion on failure always on, with small thresholds. */
  public static Gen<SimulationSpec> scenariosWithExclusion() {
    Gen<SimulationSpec> g = in -> {
      Draw d = (lo, hi) -> (int) in.next(Constraint.between(lo, hi));
      return ScenarioGen.withExclusion(d, ScenarioGen.scenario(d, ScenarioGen.Shape.FULL));
    };
    return g.describedAs(s -> "\n" + ScenarioYaml.render(s) + "# " + ScenarioYaml.HOW_TO_RUN);
  }

  /** Runs {@code spec} and records its events. */
  public static Observed run(SimulationSpec spec) {
    List<SimEvent> events = new ArrayList<>();
    SimulationListener recorder = new SimulationListener() {
      @Override public void onEvent(SimEvent e) { events.add(e); }
    };
    try {
      RunResult r = Simulations.run(spec, new RunOutputs(null, null, List.of(recorder)));
      return new Observed(spec, events, r, null);
    } catch (RuntimeException e) {
      return new Observed(spec, events, null, e);
    }
  }

  /** Violations of {@code checks} in one run (an engine exception is one). */
  public static List<String> violations(Observed o, List<? extends PropertyCheck> checks) {
    List<String> out = new ArrayList<>();
    if (o.crash() != null) {
      out.add("the engine threw " + o.crash());
      return out;
    }
    for (PropertyCheck c : checks) {
      for (String v : c.check(o.events(), o.spec(), o.result())) out.add(c.name() + ": " + v);
    }
    return out;
  }

  /** Throws an AssertionError naming the violations, the seed and the counterexample scenario. */
  public static void assertHolds(SimulationSpec spec, List<? extends PropertyCheck> checks) {
    Observed o = run(spec);
    List<String> v = violations(o, checks);
    if (!v.isEmpty()) throw new AssertionError(report(spec, v) + eventsAround(o, v.get(0)));
  }

  /** The failure message: violations (at most 10), seed, the scenario as YAML and how to run it. */
  public static String report(SimulationSpec spec, List<String> violations) {
    StringBuilder b = new StringBuilder();
    b.append(violations.size()).append(" violation(s), QT_SEED=").append(seed()).append(":\n");
    violations.stream().limit(10).forEach(v -> b.append("  ").append(v).append('\n'));
    b.append("counterexample (").append(ScenarioYaml.HOW_TO_RUN).append("):\n");
    b.append(ScenarioYaml.render(spec));
    return b.toString();
  }

  /** The events at the instant the violation names ({@code t=...}), to read with the counterexample. */
  public static String eventsAround(Observed o, String violation) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("t=(\\d+)").matcher(violation);
    if (!m.find()) return "";
    long t = Long.parseLong(m.group(1));
    StringBuilder b = new StringBuilder("events at t=" + t + ":\n");
    o.events().stream().filter(e -> e.t() == t).limit(60).forEach(e -> b.append("  ").append(e).append('\n'));
    return b.toString();
  }

  /** A copy of {@code spec} that stops at {@code horizonMs}. */
  public static SimulationSpec withHorizon(SimulationSpec spec, long horizonMs) {
    var s = spec.settings();
    return new SimulationSpec(spec.name(), spec.seed(), spec.cluster(), spec.conf(), spec.pools(),
        new dev.barriersim.core.spark.SimulationSettings(s.backend(), s.launchLatencyMs(), s.statusUpdateLatencyMs(),
            s.killLatencyMs(), s.barrierPollIntervalMs(), horizonMs, s.maxEvents()),
        spec.jobs(), spec.failures());
  }
}
