package dev.barriersim.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.junit.jupiter.api.Test;

/**
 * The keyed streams do not change: the fast exponential draw and the five- and six-part
 * {@code position} return exactly the bits commons-math3 and the varargs {@code position} return.
 */
class ExponentialSamplerTest {

  @Test
  void theTableIsCommonsMath3sTable() throws ReflectiveOperationException {
    java.lang.reflect.Field f = ExponentialDistribution.class.getDeclaredField("EXPONENTIAL_SA_QI");
    f.setAccessible(true);
    double[] reference = (double[]) f.get(null);
    assertEquals(reference.length, ExponentialSampler.QI.length);
    for (int i = 0; i < reference.length; i++) {
      assertEquals(Double.doubleToRawLongBits(reference[i]), Double.doubleToRawLongBits(ExponentialSampler.QI[i]), "q" + i);
    }
  }

  @Test
  void sameBitsAsCommonsMath3_overManyKeysAndMeans() {
    KeyedGenerator fast = new RandomStreams(20261127L).stream(RandomStreams.DURATION);
    KeyedGenerator slow = new RandomStreams(20261127L).stream(RandomStreams.DURATION);
    double[] means = {1, 0.5, 10_000, 123_456.789, 3e9};
    long longTail = 0;
    for (double mean : means) {
      ExponentialDistribution reference = new ExponentialDistribution(slow, mean);
      for (int i = 0; i < 400_000; i++) {
        fast.position(mean == 1 ? 11 : 17, i / 1000, 5, i % 1000, i & 3);
        slow.position(new long[] {mean == 1 ? 11 : 17, i / 1000, 5, i % 1000, i & 3});
        double expected = reference.sample();
        double actual = ExponentialSampler.sample(fast, mean);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
            "mean " + mean + ", key " + i);
        assertEquals(slow.nextLong(), fast.nextLong(), "both consumed the same uniforms, key " + i);
        if (expected > 5 * mean) longTail++;
      }
    }
    assertTrue(longTail > 1000, "the draws reach the table's long loop (u > q0) often enough to compare it");
  }

  @Test
  void continuousExponentialSamplesThroughTheFastPath_withTheSameNumbers() {
    Distribution.Continuous c = new Distribution.Continuous(Distribution.Continuous.Kind.EXPONENTIAL, 10_000, 0);
    KeyedGenerator a = new RandomStreams(3).stream(RandomStreams.DURATION);
    KeyedGenerator b = new RandomStreams(3).stream(RandomStreams.DURATION);
    for (int i = 0; i < 50_000; i++) {
      double viaDistribution = c.sample(a.position(i, 9), 0);
      double viaCommonsMath = new ExponentialDistribution(b.position(i, 9), 10_000).sample();
      assertEquals(Double.doubleToRawLongBits(viaCommonsMath), Double.doubleToRawLongBits(viaDistribution));
    }
  }

  @Test
  void fixedArityPositionsEqualTheVarargsOne() {
    KeyedGenerator fixed = new RandomStreams(99).stream(RandomStreams.STRAGGLER);
    KeyedGenerator varargs = new RandomStreams(99).stream(RandomStreams.STRAGGLER);
    for (long i = -500; i < 50_000; i += 7) {
      long[] k = {i * 31, i, Long.MAX_VALUE - i, i ^ 0x5555, -i, i * i};
      assertEquals(varargs.position(new long[] {k[0], k[1], k[2], k[3], k[4]}).nextLong(),
          fixed.position(k[0], k[1], k[2], k[3], k[4]).nextLong(), "five parts, " + i);
      assertEquals(varargs.position(k).nextLong(), fixed.position(k[0], k[1], k[2], k[3], k[4], k[5]).nextLong(),
          "six parts, " + i);
      assertEquals(varargs.position(new long[] {k[0], k[1], k[2], k[3], k[4]}).nextLong(),
          fixed.positionAfter(fixed.prefix(k[0], k[1], k[2]), k[3], k[4]).nextLong(), "prefix and two parts, " + i);
    }
  }
}
