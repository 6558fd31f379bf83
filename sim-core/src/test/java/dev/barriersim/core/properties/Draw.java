package dev.barriersim.core.properties;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A source of small random choices for the scenario generator. Every choice is an integer range
 * whose lower end is the "simplest" value, so QuickTheories, which shrinks each recorded draw
 * towards its lower bound, shrinks a failing scenario towards fewer jobs, stages, tasks and
 * features ({@link PropertyRuns#scenarios}). The stateful tests use a {@link SplittableRandom} instead (they shrink by delta
 * debugging).
 */
public interface Draw {
  /** A value in {@code [lo, hi]}, shrinking towards {@code lo}. */
  int between(int lo, int hi);

  /** True with {@code percent} % probability; shrinks towards false. */
  default boolean chance(int percent) {
    return between(0, 99) >= 100 - percent;
  }

  /** One of {@code options}; shrinks towards the first. */
  default <T> T pick(List<T> options) {
    return options.get(between(0, options.size() - 1));
  }

  /** Draws from a seeded generator. */
  static Draw seeded(SplittableRandom r) {
    return (lo, hi) -> lo == hi ? lo : lo + r.nextInt(hi - lo + 1);
  }
}
