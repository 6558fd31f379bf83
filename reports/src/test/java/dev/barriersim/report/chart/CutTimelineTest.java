package dev.barriersim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.data.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutTimelineTest {
  /** Two bursts of 4 s an hour apart: 1-5 s and 3,600-3,604 s. */
  private static final long SPAN = 3_604_000;
  private static final List<Interval> GAP = List.of(new Interval(5_000, 3_600_000));

  @Test
  void aCutKeepsAMarginOfIdleTimeOnEachSideAndShrinksToABand() {
    CutTimeline t = CutTimeline.of(SPAN, GAP);
    assertTrue(t.hasCuts());
    // 9 s are not idle: margins of 1 % of them (90 ms), a band of 3 % of what is kept.
    assertEquals(List.of(new CutTimeline.Cut(5_090, 3_599_910, 3_595_000)), t.cuts());
    long kept = SPAN - (3_599_910 - 5_090);
    assertEquals(Math.round(kept * CutTimeline.BAND_SHARE), t.bandMs());
    assertEquals(kept + t.bandMs(), t.displaySpanMs());
    assertEquals(TimeScale.SECONDS, t.scale(), "the unit follows the time shown, not the hour it spans");
  }

  @Test
  void realTimeMapsPiecewiseToDisplayTime() {
    CutTimeline t = CutTimeline.of(SPAN, GAP);
    long band = t.bandMs();
    assertEquals(1_000, t.toDisplayMs(1_000), "before the cut: as it is");
    assertEquals(5_090, t.toDisplayMs(5_090));
    assertEquals(5_090 + band, t.toDisplayMs(3_599_910), "the cut shrinks to its band");
    assertEquals(5_090 + band + 90, t.toDisplayMs(3_600_000), "after it: shifted left by what was cut");
    assertEquals(t.displaySpanMs(), t.toDisplayMs(SPAN));
    assertEquals(5_090 + band / 2.0, t.toDisplay((5_090 + 3_599_910) / 2.0), 1e-6, "inside the cut: linear");
    assertEquals(3_600_000, t.toReal(5_090 + band + 90), 1e-6);
    assertEquals((5_090 + 3_599_910) / 2.0, t.toReal(5_090 + band / 2.0), 1e-6);
    assertEquals((5_090 + band + 90) / 1000.0, t.x(3_600_000), 1e-9, "chart coordinates in seconds");
  }

  @Test
  void theMapIsMonotoneAndItsInverseGivesRealTimeBack() {
    CutTimeline t = CutTimeline.of(SPAN, GAP);
    double previous = -1;
    // Every 997 ms over the span, plus the edges of the cut.
    for (long r = 0; r <= SPAN + 997; r += 997) {
      for (long real : new long[] {Math.min(r, SPAN), 5_089, 5_090, 5_091, 3_599_909, 3_599_910, 3_599_911}) {
        assertEquals(real, t.toReal(t.toDisplay((double) real)), 1e-6, "back from display time at " + real);
      }
      double d = t.toDisplay((double) Math.min(r, SPAN));
      assertTrue(d >= previous, "monotone at " + r);
      previous = d;
    }
  }

  @Test
  void nothingIsCutWithoutGapsOrWhenNothingRanAtAll() {
    CutTimeline none = CutTimeline.of(60_000, List.of());
    assertFalse(none.hasCuts());
    assertEquals(42_000, none.toDisplayMs(42_000));
    assertEquals(60_000, none.displaySpanMs());
    assertFalse(CutTimeline.of(60_000, List.of(new Interval(0, 60_000))).hasCuts(), "an empty run keeps its axis");
  }

  @Test
  void gapsAtTheStartAndEndOfTheSpanAreCutToTheEdge() {
    CutTimeline t = CutTimeline.of(100_000, List.of(new Interval(0, 40_000), new Interval(70_000, 100_000)));
    assertEquals(0, t.cuts().get(0).startMs(), "no margin before the span's start");
    assertEquals(100_000, t.cuts().get(1).endMs(), "nor after its end");
    assertEquals(40_000 - 300, t.cuts().get(0).endMs(), "30 s are not idle: a margin of 300 ms");
  }

  @Test
  void tickLabelsSayRealTimeAtTheTicksPrecision() {
    assertEquals("0", CutTimeAxis.label(0, 60_000));
    assertEquals("26h", CutTimeAxis.label(26 * 3_600_000L, 3_600_000));
    assertEquals("26h 15m", CutTimeAxis.label(26 * 3_600_000L + 15 * 60_000, 15 * 60_000));
    assertEquals("45m", CutTimeAxis.label(45 * 60_000, 15 * 60_000));
    assertEquals("1h 00m 30s", CutTimeAxis.label(3_630_000, 30_000));
    assertEquals("4m 30s", CutTimeAxis.label(270_000, 30_000));
    assertEquals("45s", CutTimeAxis.label(45_000, 5_000));
    assertEquals("12.5s", CutTimeAxis.label(12_500, 500));
  }

  @Test
  void theBreakSaysHowLongTheIdleGapWas() {
    assertEquals("≈ 23h 31m idle, cut", IdleGapBreak.text(23 * 3_600_000L + 30 * 60_000 + 40_000));
    assertEquals("≈ 2h idle, cut", IdleGapBreak.text(2 * 3_600_000L + 10_000));
    assertEquals("≈ 1m 59s idle, cut", IdleGapBreak.text(119_000));
    assertEquals("≈ 57.9s idle, cut", IdleGapBreak.text(57_900));
  }
}
