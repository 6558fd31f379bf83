package dev.barriersim.report.chart;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class ChartWarmupTest {
  @Test
  void everyMadeUpChartDrawsWithoutFailing() {
    // The warm-up swallows failures at run time; here they must not happen, or it would warm nothing.
    assertDoesNotThrow(ChartWarmup::drawAll);
  }
}
