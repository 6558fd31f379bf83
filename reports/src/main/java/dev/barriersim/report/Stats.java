package dev.barriersim.report;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/** Mean, sample standard deviation and Student-t 95 % confidence interval of a few values. */
public final class Stats {
  private Stats() {}

  /**
   * An estimate over {@code n} values. {@code stddev} is the sample standard deviation (n - 1 in
   * the denominator); the interval is {@code mean +- t(0.975, n-1) * stddev / sqrt(n)}.
   */
  public record Estimate(double mean, double stddev, double ciLow, double ciHigh, long n) {}

  /** Summarizes {@code values} (at least one); with one value the spread is 0 and the interval is a point. */
  public static Estimate of(double... values) {
    if (values.length == 0) throw new IllegalArgumentException("no values to summarize");
    SummaryStatistics s = new SummaryStatistics();
    for (double v : values) s.addValue(v);
    long n = s.getN();
    double mean = s.getMean();
    // One replication has no spread to estimate: report it as exact rather than NaN.
    if (n == 1) return new Estimate(mean, 0, mean, mean, 1);
    double sd = s.getStandardDeviation();
    // A null generator: quantiles never sample, and the default one would be clock-seeded.
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    double half = t * sd / Math.sqrt(n);
    return new Estimate(mean, sd, mean - half, mean + half, n);
  }
}
