package dev.barriersim.core.random;

/**
 * Exponential draws that return, bit for bit, what commons-math3 3.6.1's
 * {@code ExponentialDistribution.sample()} returns for the same generator state: the same
 * algorithm (Ahrens and Dieter's SA, 1972), the same table, the same operations in the same order,
 * and the same calls to {@code nextDouble()}. It only skips that class's per-call overhead (an
 * interface call per uniform and a distribution object bound to the generator), which shows in the
 * profile because every task draws one duration.
 */
public final class ExponentialSampler {
  /**
   * commons-math3's {@code EXPONENTIAL_SA_QI}: q_i = sum over k = 1..i of ln(2)^k / k!, as that class
   * computes it at start-up (with its FastMath), written out bit for bit; a test compares it with
   * commons-math3's own table.
   */
  static final double[] QI = {
      0x1.62e42fefa39efp-1, 0x1.dde327edaeb52p-1, 0x1.fa4e30c4b355ep-1, 0x1.ff3adba0a1e98p-1,
      0x1.ffe99f9fde3ccp-1, 0x1.fffdd0310dc38p-1, 0x1.ffffcffd0a1c1p-1, 0x1.fffffc550e636p-1,
      0x1.ffffffbf58dddp-1, 0x1.fffffffbf2c8p-1, 0x1.ffffffffc45d9p-1, 0x1.fffffffffcd54p-1,
      0x1.ffffffffffd8p-1, 0x1.fffffffffffe3p-1, 0x1.fffffffffffffp-1, 0x1.0p0};
  private static final double Q0 = QI[0];

  private ExponentialSampler() {}

  /** One draw with mean {@code mean} from the generator as positioned. */
  public static double sample(KeyedGenerator rng, double mean) {
    double a = 0;
    double u = rng.nextDouble();
    while (u < 0.5) {
      a += Q0;
      u *= 2;
    }
    u += u - 1;
    if (u <= Q0) return mean * (a + u);
    int i = 0;
    double u2 = rng.nextDouble();
    double umin = u2;
    do {
      ++i;
      u2 = rng.nextDouble();
      if (u2 < umin) umin = u2;
    } while (u > QI[i]);
    return mean * (a + umin * Q0);
  }
}
