package dev.barriersim.core.properties;

import static org.junit.jupiter.api.Assertions.fail;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.properties.Actions.Action;
import dev.barriersim.core.properties.checks.PropertyCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Stateful properties: random action sequences (submit, advance, lose, add, decommission, fail a
 * task) become scenarios; every invariant must hold on the whole run and on every prefix (the run
 * cut at each action's time). A failing sequence is shrunk by delta debugging (remove chunks of
 * n/2, n/4, ..., 1 actions while it still fails) and printed with its seed and scenario YAML.
 * Sequence i uses seed {@code QT_SEED + i}; {@code QT_EXAMPLES} sets how many.
 */
class ActionSequencePropertiesTest {
  static final int SEQUENCES = 300;
  static final int MAX_ACTIONS = 14;

  @Test
  void everyInvariantHolds_onEveryActionSequence_andEveryPrefix() {
    long base = PropertyRuns.seed();
    int n = PropertyRuns.examples(SEQUENCES);
    for (long seed = base; seed < base + n; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      Actions.Base b = Actions.base(r);
      List<Action> actions = Actions.sequence(r, b, MAX_ACTIONS);
      List<String> v = violations(b, actions, PropertyRuns.allChecks());
      if (v.isEmpty()) continue;
      List<PropertyCheck> checks = PropertyRuns.allChecks();
      List<Action> small = shrink(actions, a -> !violations(b, a, checks).isEmpty());
      SimulationSpec spec = Actions.spec(b, small);
      fail("seed=" + seed + " (rerun: -DQT_SEED=" + seed + " -DQT_EXAMPLES=1) minimal counterexample of " + small.size()
          + " actions (from " + actions.size() + "):\n  " + String.join("\n  ", small.stream().map(Object::toString).toList())
          + "\n" + PropertyRuns.report(spec, violations(b, small, checks)));
    }
  }

  /** Violations of the whole run and of the run cut at each action's time. */
  static List<String> violations(Actions.Base base, List<Action> actions, List<PropertyCheck> checks) {
    SimulationSpec spec = Actions.spec(base, actions);
    if (spec == null) return List.of();
    List<String> out = new ArrayList<>(PropertyRuns.violations(PropertyRuns.run(spec), checks));
    TreeSet<Long> cuts = new TreeSet<>();
    for (Action a : actions) cuts.add(a.at());
    for (long cut : cuts) {
      for (String v : PropertyRuns.violations(PropertyRuns.run(PropertyRuns.withHorizon(spec, cut)), checks)) {
        out.add("[horizon " + cut + "ms] " + v);
      }
    }
    return out;
  }

  /** Delta debugging: drop chunks of n/2, n/4, ..., 1 elements while {@code fails} still holds. */
  static <T> List<T> shrink(List<T> failing, Predicate<List<T>> fails) {
    List<T> cur = new ArrayList<>(failing);
    for (int chunk = Math.max(1, cur.size() / 2); chunk >= 1; chunk /= 2) {
      boolean removed = true;
      while (removed) {
        removed = false;
        for (int i = 0; i + chunk <= cur.size(); i += chunk) {
          List<T> candidate = new ArrayList<>(cur.subList(0, i));
          candidate.addAll(cur.subList(i + chunk, cur.size()));
          if (fails.test(candidate)) {
            cur = candidate;
            removed = true;
            break;
          }
        }
      }
      if (chunk == 1) break;
    }
    return cur;
  }
}
