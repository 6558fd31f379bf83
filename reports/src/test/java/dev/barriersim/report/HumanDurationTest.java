package dev.barriersim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HumanDurationTest {
  @Test
  void formats() {
    assertEquals("0ms", HumanDuration.format(0));
    assertEquals("850ms", HumanDuration.format(850));
    assertEquals("2.0s", HumanDuration.format(2000));
    assertEquals("23.4s", HumanDuration.format(23_449));
    assertEquals("1m 23.4s", HumanDuration.format(83_400));
    assertEquals("1m 0.0s", HumanDuration.format(59_960));
    assertEquals("2h 5m 0.0s", HumanDuration.format(7_500_000));
    assertEquals("3d 1h 0m 0.0s", HumanDuration.format(3 * 86_400_000L + 3_600_000L));
    assertEquals("-1.5s", HumanDuration.format(-1500));
  }
}
