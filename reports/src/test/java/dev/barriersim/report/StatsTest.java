package dev.barriersim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Statistics against values computed by hand (t quantiles from a printed Student-t table). */
class StatsTest {
  private static final double EPS = 1e-6;

  @Test
  void oneValueIsExact() {
    Stats.Estimate e = Stats.of(2000);
    assertEquals(2000, e.mean());
    assertEquals(0, e.stddev());
    assertEquals(2000, e.ciLow());
    assertEquals(2000, e.ciHigh());
    assertEquals(1, e.n());
  }

  @Test
  void threeValues() {
    // mean 2; squared deviations 1+0+1 = 2, / (n-1) = 1, sd = 1; t(0.975, 2) = 4.302652730;
    // half-width = 4.302652730 * 1 / sqrt(3) = 2.484137243
    Stats.Estimate e = Stats.of(1, 2, 3);
    assertEquals(2, e.mean(), EPS);
    assertEquals(1, e.stddev(), EPS);
    assertEquals(2 - 2.484137243, e.ciLow(), EPS);
    assertEquals(2 + 2.484137243, e.ciHigh(), EPS);
    assertEquals(3, e.n());
  }

  @Test
  void eightValues() {
    // mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32, / 7, sd = sqrt(32/7) = 2.138089935;
    // t(0.975, 7) = 2.364624252; half-width = 2.364624252 * 2.138089935 / sqrt(8) = 1.787488
    Stats.Estimate e = Stats.of(2, 4, 4, 4, 5, 5, 7, 9);
    assertEquals(5, e.mean(), EPS);
    assertEquals(2.138089935, e.stddev(), EPS);
    assertEquals(5 - 1.787488, e.ciLow(), 1e-5);
    assertEquals(5 + 1.787488, e.ciHigh(), 1e-5);
  }

  @Test
  void twoValues() {
    // mean 15; sd = sqrt(((10-15)^2 + (20-15)^2) / 1) = 7.0710678; t(0.975, 1) = 12.70620474;
    // half-width = 12.70620474 * 7.0710678 / sqrt(2) = 63.5310237
    Stats.Estimate e = Stats.of(10, 20);
    assertEquals(15, e.mean(), EPS);
    assertEquals(7.0710678, e.stddev(), 1e-6);
    assertEquals(15 - 63.5310237, e.ciLow(), 1e-5);
    assertEquals(15 + 63.5310237, e.ciHigh(), 1e-5);
  }

  @Test
  void identicalValuesHaveNoSpread() {
    Stats.Estimate e = Stats.of(7, 7, 7, 7);
    assertEquals(7, e.mean());
    assertEquals(0, e.stddev());
    assertEquals(7, e.ciLow());
    assertEquals(7, e.ciHigh());
  }

  @Test
  void noValuesIsAnError() {
    assertThrows(IllegalArgumentException.class, Stats::of);
  }
}
