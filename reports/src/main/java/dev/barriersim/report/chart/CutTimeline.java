package dev.barriersim.report.chart;

import dev.barriersim.report.data.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * A time axis with long idle gaps cut out: a piecewise linear map from real (simulated) time to
 * display time. Outside the cuts, display time runs at the speed of real time, shifted left by what
 * was cut before; each cut shrinks to a narrow band of {@link #bandMs()} display milliseconds, where
 * a break marker is drawn. Without cuts, display time is real time. Chart coordinates are display
 * time in the {@link #scale()} unit; tick labels are formatted from real time.
 */
final class CutTimeline {
  /** The band a cut shrinks to, as a share of the display time that is not cut. */
  static final double BAND_SHARE = 0.03;
  /** Idle time kept on each side of a cut, as a share of the time not idle, so bars never touch a break. */
  static final double MARGIN_SHARE = 0.01;

  /**
   * One cut.
   *
   * @param startMs real time where the band begins
   * @param endMs real time where the band ends
   * @param idleMs the whole idle gap the cut sits in (what its label says)
   */
  record Cut(long startMs, long endMs, long idleMs) {}

  private final long spanMs;
  private final List<Cut> cuts;
  private final long bandMs;
  private final long displaySpanMs;
  private final TimeScale scale;

  private CutTimeline(long spanMs, List<Cut> cuts, long bandMs) {
    this.spanMs = Math.max(1, spanMs);
    this.cuts = List.copyOf(cuts);
    this.bandMs = bandMs;
    long cut = 0;
    for (Cut c : cuts) cut += c.endMs() - c.startMs() - bandMs;
    this.displaySpanMs = this.spanMs - cut;
    this.scale = TimeScale.forSpan(displaySpanMs);
  }

  /** Real time as it is: nothing cut. */
  static CutTimeline none(long spanMs) {
    return new CutTimeline(spanMs, List.of(), 0);
  }

  /**
   * The timeline of a span of {@code spanMs} with {@code idleGaps} (sorted, disjoint) cut out, less
   * a margin on each side that is not the span's start or end. Nothing is cut when the gaps leave
   * almost nothing to show (a run in which nothing ran at all).
   */
  static CutTimeline of(long spanMs, List<Interval> idleGaps) {
    long span = Math.max(1, spanMs);
    long idle = 0;
    for (Interval g : idleGaps) idle += g.lengthMs();
    long active = span - idle;
    if (idleGaps.isEmpty() || active <= 0) return none(span);
    long margin = Math.max(1, Math.round(active * MARGIN_SHARE));
    List<Cut> cuts = new ArrayList<>();
    long kept = span;
    for (Interval g : idleGaps) {
      long m = Math.min(margin, g.lengthMs() / 4);
      long start = g.startMs() <= 0 ? 0 : g.startMs() + m;
      long end = g.endMs() >= span ? span : g.endMs() - m;
      if (end <= start) continue;
      cuts.add(new Cut(start, end, g.lengthMs()));
      kept -= end - start;
    }
    if (cuts.isEmpty()) return none(span);
    long band = Math.max(1, Math.round(kept * BAND_SHARE));
    // A cut shorter than its band would stretch time instead of cutting it.
    List<Cut> worth = cuts.stream().filter(c -> c.endMs() - c.startMs() > 2 * band).toList();
    return worth.isEmpty() ? none(span) : new CutTimeline(span, worth, band);
  }

  /** Whether anything is cut. */
  boolean hasCuts() {
    return !cuts.isEmpty();
  }

  /** The cuts, in time order. */
  List<Cut> cuts() {
    return cuts;
  }

  /** The display width of each cut's band, in milliseconds. */
  long bandMs() {
    return bandMs;
  }

  /** The real span. */
  long spanMs() {
    return spanMs;
  }

  /** The display span: the real span less what the cuts removed. */
  long displaySpanMs() {
    return displaySpanMs;
  }

  /** The unit of chart coordinates, chosen from the display span. */
  TimeScale scale() {
    return scale;
  }

  /** Real idle time removed from the axis, all cuts together. */
  long idleCutMs() {
    long s = 0;
    for (Cut c : cuts) s += c.idleMs();
    return s;
  }

  /** Display milliseconds of real time {@code realMs}. */
  double toDisplay(double realMs) {
    double shift = 0;
    for (Cut c : cuts) {
      if (realMs <= c.startMs()) break;
      if (realMs < c.endMs()) {
        return c.startMs() - shift + (realMs - c.startMs()) * bandMs / (double) (c.endMs() - c.startMs());
      }
      shift += c.endMs() - c.startMs() - bandMs;
    }
    return realMs - shift;
  }

  /** Display milliseconds of {@code realMs}, whole (exact outside the cuts). */
  long toDisplayMs(long realMs) {
    return Math.round(toDisplay((double) realMs));
  }

  /** The real time shown at display time {@code displayMs} (inside a band: a point of the cut, linearly). */
  double toReal(double displayMs) {
    double shift = 0;
    for (Cut c : cuts) {
      double bandStart = c.startMs() - shift;
      if (displayMs <= bandStart) break;
      if (displayMs < bandStart + bandMs) {
        return c.startMs() + (displayMs - bandStart) * (c.endMs() - c.startMs()) / (double) bandMs;
      }
      shift += c.endMs() - c.startMs() - bandMs;
    }
    return displayMs + shift;
  }

  /** The chart coordinate of real time {@code realMs}. */
  double x(long realMs) {
    return scale.of(toDisplay((double) realMs));
  }

  /** The chart coordinate of display time {@code displayMs} (heat cells are bucketed in display time). */
  double xOfDisplay(long displayMs) {
    return scale.of(displayMs);
  }

  /** The chart coordinate of the span's end. */
  double end() {
    return scale.of(displaySpanMs);
  }
}
