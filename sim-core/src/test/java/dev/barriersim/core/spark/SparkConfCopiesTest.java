package dev.barriersim.core.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The copies {@link SparkConf} makes with one group of keys replaced, as Spark's
 * {@code SparkConf.clone().set(...)} does: the copy holds the new keys and every other key unchanged.
 */
class SparkConfCopiesTest {
  private static final SparkConf BASE = SparkConf.DEFAULTS.withSpeculation(SpeculationConf.on());

  /** {@code withLocality} replaces {@code spark.locality.wait.*} and keeps speculation and exclusion. */
  @Test
  void withLocality_returnsTheCopyWithTheNewWaits() {
    LocalityConf waits = new LocalityConf(100, 200, 300, true, false);
    SparkConf copy = BASE.withLocality(waits);
    assertEquals(waits, copy.locality());
    assertEquals(BASE.speculation(), copy.speculation());
    assertEquals(BASE.excludeOnFailure(), copy.excludeOnFailure());
    assertEquals(LocalityConf.DEFAULTS, BASE.locality());
  }

  /** {@code withExcludeOnFailure} replaces {@code spark.excludeOnFailure.*} and keeps locality and speculation. */
  @Test
  void withExcludeOnFailure_returnsTheCopyWithTheNewKeys() {
    SparkConf copy = BASE.withExcludeOnFailure(ExcludeOnFailureConf.ENABLED);
    assertEquals(ExcludeOnFailureConf.ENABLED, copy.excludeOnFailure());
    assertEquals(BASE.locality(), copy.locality());
    assertEquals(BASE.speculation(), copy.speculation());
    assertEquals(ExcludeOnFailureConf.DISABLED, BASE.excludeOnFailure());
  }
}
