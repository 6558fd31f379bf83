package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({"500ms,500", "1.5s,1500", "15s,15000", "2m,120000", "2min,120000", "1h,3600000", "365d,31536000000",
      "0.0004s,0", "0.0005s,1", "1.2345s,1235", "0ms,0", ".5s,500", "3S,3000"})
  void parsesUnitsAndRoundsToWholeMilliseconds(String text, long ms) {
    Durations.Result r = Durations.parse(text);
    assertEquals(null, r.error());
    assertEquals(ms, r.ms());
  }

  @Test
  void bareNumberSaysWhichUnitToAdd() {
    Durations.Result r = Durations.parse("20");
    assertEquals("'20' has no unit", r.error());
    assertEquals("write 20s (or ms, m, min, h, d)", r.fix());
  }

  @ParameterizedTest
  @CsvSource({"20sec", "-5s", "1e3s", "s", "1.s", "abc", "10 s", "99999999999999999999d"})
  void refusesWhatIsNotADuration(String text) {
    assertFalse(Durations.parse(text).ok(), text);
  }

  @Test
  void formatsForMessages() {
    assertEquals("15s", Durations.format(15_000));
    assertEquals("1500ms", Durations.format(1_500));
    assertEquals("2m", Durations.format(120_000));
    assertEquals("0ms", Durations.format(0));
  }

  @Test
  void describesForReadersLargestUnitsFirst() {
    assertEquals("10m", Durations.describe(600_000));
    assertEquals("10m 15s", Durations.describe(615_000));
    assertEquals("1h 1.5s", Durations.describe(3_601_500));
    assertEquals("1d 2h 3m 4.05s", Durations.describe(86_400_000L + 7_200_000 + 180_000 + 4_050));
    assertEquals("0.001s", Durations.describe(1));
    assertEquals("0s", Durations.describe(0));
  }
}
