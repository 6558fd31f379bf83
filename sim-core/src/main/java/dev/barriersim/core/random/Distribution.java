package dev.barriersim.core.random;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A task-duration distribution in milliseconds, as named by the scenario's {@code dist:} key.
 * Continuous ones are commons-math3 distributions sampled with a generator that the caller has
 * positioned for one draw, so a draw is a pure function of its key (common random numbers).
 */
public sealed interface Distribution {

  /** Draws one raw value in ms (before rounding and clamping) for {@code partition}. */
  double sample(RandomGenerator rng, int partition);

  /** The mean in ms where it is finite and known in closed form (for documentation and tests). */
  double mean();

  /** Fails when a per-partition list does not match the stage's task count. */
  default void checkPartitions(int tasks) {}

  /** {@code constant {value}}. */
  record Constant(long valueMs) implements Distribution {
    public double sample(RandomGenerator rng, int partition) { return valueMs; }
    public double mean() { return valueMs; }
  }

  /** {@code values {values}}: one entry per partition, in partition order. */
  record PerPartition(long[] valuesMs) implements Distribution {
    public PerPartition { valuesMs = valuesMs.clone(); }
    public double sample(RandomGenerator rng, int partition) { return valuesMs[partition]; }
    public double mean() { return java.util.Arrays.stream(valuesMs).average().orElse(0); }
    @Override public void checkPartitions(int tasks) {
      if (valuesMs.length != tasks) {
        throw new IllegalArgumentException("values has " + valuesMs.length + " entries but the stage has " + tasks + " tasks");
      }
    }
  }

  /** {@code empirical {values}}: drawn uniformly from the list. */
  record Empirical(long[] valuesMs) implements Distribution {
    public Empirical {
      if (valuesMs.length == 0) throw new IllegalArgumentException("empirical needs at least one value");
      valuesMs = valuesMs.clone();
    }
    public double sample(RandomGenerator rng, int partition) { return valuesMs[rng.nextInt(valuesMs.length)]; }
    public double mean() { return java.util.Arrays.stream(valuesMs).average().orElse(0); }
  }

  /** Any commons-math3 real distribution, described by the scenario's keys. */
  record Continuous(Kind kind, double a, double b) implements Distribution {
    /** The continuous families of the contract and their two parameters. */
    public enum Kind {
      /** {@code uniform {min, max}}. */ UNIFORM,
      /** {@code exponential {mean}} (b unused). */ EXPONENTIAL,
      /** {@code lognormal {median, sigma}}. */ LOGNORMAL,
      /** {@code weibull {shape, scale}}. */ WEIBULL,
      /** {@code pareto {scale, shape}}. */ PARETO,
      /** {@code gamma {shape, scale}}. */ GAMMA,
      /** {@code normal {mean, stddev}}, truncated at 1 ms by the clamp. */ NORMAL
    }

    public Continuous {
      switch (kind) {
        case UNIFORM -> require(a >= 0 && b > a, "uniform needs 0 <= min < max");
        case EXPONENTIAL -> require(a > 0, "exponential needs mean > 0");
        case LOGNORMAL -> require(a > 0 && b > 0, "lognormal needs median > 0 and sigma > 0");
        case WEIBULL, GAMMA -> require(a > 0 && b > 0, kind.name().toLowerCase() + " needs shape > 0 and scale > 0");
        case PARETO -> require(a > 0 && b > 0, "pareto needs scale > 0 and shape > 0");
        case NORMAL -> require(b > 0, "normal needs stddev > 0");
      }
    }

    private static void require(boolean ok, String message) {
      if (!ok) throw new IllegalArgumentException(message);
    }

    /** A commons-math3 distribution that samples with {@code rng}. */
    public RealDistribution bind(RandomGenerator rng) {
      return switch (kind) {
        case UNIFORM -> new UniformRealDistribution(rng, a, b);
        case EXPONENTIAL -> new ExponentialDistribution(rng, a);
        case LOGNORMAL -> new LogNormalDistribution(rng, StrictMath.log(a), b);
        case WEIBULL -> new WeibullDistribution(rng, a, b);
        case PARETO -> new ParetoDistribution(rng, a, b);
        case GAMMA -> new GammaDistribution(rng, a, b);
        case NORMAL -> new NormalDistribution(rng, a, b);
      };
    }

    public double sample(RandomGenerator rng, int partition) {
      if (kind == Kind.EXPONENTIAL && rng instanceof KeyedGenerator k) return ExponentialSampler.sample(k, a);
      return bind(rng).sample();
    }

    public double mean() { return bind(null).getNumericalMean(); }
  }
}
