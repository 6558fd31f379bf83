package dev.barriersim.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.random.Distribution.Continuous;
import dev.barriersim.core.random.Distribution.Continuous.Kind;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Each distribution's sample mean and variance match theory. 40,000 keyed draws (one per key, as
 * the simulator draws them); the mean must lie within 4 standard errors, and the variance within
 * 10 % (the parameters below have light enough tails for that to hold at this size).
 */
class DistributionsTest {
  private static final int N = 40_000;

  static Stream<Arguments> distributions() {
    return Stream.of(
        // kind, a, b, theoretical mean, theoretical variance (all in ms)
        Arguments.of(Kind.UNIFORM, 1000, 3000, 2000, Math.pow(2000, 2) / 12),
        Arguments.of(Kind.EXPONENTIAL, 10_000, 0, 10_000, 1e8),
        Arguments.of(Kind.LOGNORMAL, 120_000, 0.3, 120_000 * Math.exp(0.045),
            (Math.exp(0.09) - 1) * Math.exp(2 * Math.log(120_000) + 0.09)),
        Arguments.of(Kind.WEIBULL, 2.0, 10_000, 10_000 * 0.886226925, 1e8 * (1 - 0.785398163)),
        Arguments.of(Kind.PARETO, 5_000, 5.0, 5 * 5_000 / 4.0, 5_000.0 * 5_000 * 5 / (16 * 3)),
        Arguments.of(Kind.GAMMA, 4.0, 2_500, 10_000, 4 * 2_500.0 * 2_500),
        Arguments.of(Kind.NORMAL, 60_000, 5_000, 60_000, 25e6));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("distributions")
  void sampleMeanAndVarianceMatchTheory(Kind kind, double a, double b, double mean, double variance) {
    DurationSpec spec = DurationSpec.of(new Continuous(kind, a, b));
    KeyedGenerator g = new RandomStreams(42).stream(RandomStreams.DURATION);
    SummaryStatistics s = new SummaryStatistics();
    for (int i = 0; i < N; i++) s.addValue(spec.draw(g.position(7, i, 3), i));
    double se = Math.sqrt(variance / N);
    assertEquals(mean, s.getMean(), 4 * se, kind + " mean");
    assertEquals(variance, s.getVariance(), 0.10 * variance, kind + " variance");
    assertEquals(mean, spec.dist().mean(), 1e-6 * mean + 1, kind + " numerical mean");
  }

  @Test
  void empiricalDrawsUniformlyFromTheList() {
    DurationSpec spec = DurationSpec.of(new Distribution.Empirical(new long[] {1000, 2000, 6000}));
    KeyedGenerator g = new RandomStreams(1).stream(RandomStreams.DURATION);
    int[] counts = new int[3];
    for (int i = 0; i < 30_000; i++) {
      long v = spec.draw(g.position(i), i);
      counts[v == 1000 ? 0 : v == 2000 ? 1 : 2]++;
    }
    for (int c : counts) assertEquals(10_000, c, 4 * Math.sqrt(30_000 * (1 / 3.0) * (2 / 3.0)));
  }

  @Test
  void clampsRoundingAndTheOneMillisecondFloor() {
    DurationSpec clamped = new DurationSpec(new Continuous(Kind.NORMAL, 100, 1000), 50, 200);
    KeyedGenerator g = new RandomStreams(3).stream(RandomStreams.DURATION);
    for (int i = 0; i < 2_000; i++) {
      long v = clamped.draw(g.position(i), i);
      assertTrue(v >= 50 && v <= 200, "clamped " + v);
    }
    DurationSpec normal = DurationSpec.of(new Continuous(Kind.NORMAL, 0, 1000));
    for (int i = 0; i < 2_000; i++) assertTrue(normal.draw(g.position(i), i) >= 1);
    assertEquals(2, DurationSpec.constant(2).clamp(1.5));
    assertEquals(1, DurationSpec.constant(1).clamp(0.2));
  }

  @Test
  void aDrawDependsOnItsKeyOnly() {
    DurationSpec spec = DurationSpec.of(new Continuous(Kind.EXPONENTIAL, 10_000, 0));
    KeyedGenerator g = new RandomStreams(9).stream(RandomStreams.DURATION);
    long first = spec.draw(g.position(1, 2, 3), 0);
    for (int i = 0; i < 100; i++) spec.draw(g.position(i), i);
    assertEquals(first, spec.draw(g.position(1, 2, 3), 0));
    KeyedGenerator other = new RandomStreams(9).stream(RandomStreams.STRAGGLER);
    assertTrue(first != spec.draw(other.position(1, 2, 3), 0), "streams are independent");
  }
}
