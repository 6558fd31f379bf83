package dev.barriersim.report.chart;

import dev.barriersim.report.data.Interval;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Turns attempts given in launch order into the count of what they hold over time (cores, GPUs),
 * handing each change to a {@link StepCurve} in time order. Only the changes still to come are
 * kept: the ends of running attempts and of their pauses.
 */
final class Occupancy {
  private record Change(long atMs, double delta) {}

  private final PriorityQueue<Change> pending = new PriorityQueue<>((a, b) -> Long.compare(a.atMs, b.atMs));
  private final StepCurve curve;
  private double value;

  Occupancy(StepCurve curve) {
    this.curve = curve;
    curve.set(0, 0); // every curve starts idle at the run's start, not at its first launch
  }

  /** An attempt launched at {@code launchMs} holds {@code amount} until {@code endMs} (or forever when it never ended). */
  void launch(long launchMs, long endMs, boolean ended, double amount) {
    launch(launchMs, endMs, ended, amount, List.of());
  }

  /**
   * As {@link #launch(long, long, boolean, double)}, except during {@code pauses} (within the
   * attempt, e.g. its waits inside {@code barrier()}), when it does not count.
   */
  void launch(long launchMs, long endMs, boolean ended, double amount, List<Interval> pauses) {
    releaseUntil(launchMs);
    value += amount;
    curve.set(launchMs, value);
    if (ended) pending.add(new Change(endMs, -amount));
    for (Interval p : pauses) {
      if (p.lengthMs() == 0) continue;
      pending.add(new Change(Math.max(launchMs, p.startMs()), -amount));
      pending.add(new Change(Math.max(launchMs, p.endMs()), amount));
    }
  }

  private void releaseUntil(long t) {
    while (!pending.isEmpty() && pending.peek().atMs <= t) {
      Change c = pending.poll();
      value += c.delta;
      curve.set(c.atMs, value);
    }
  }

  /** Applies every change still to come and returns the curve. */
  StepCurve.Points finish() {
    releaseUntil(Long.MAX_VALUE);
    return curve.finish();
  }
}
