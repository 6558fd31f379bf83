package dev.barriersim.report.chart;

import java.util.PriorityQueue;

/**
 * Turns attempts given in launch order into the count of what they hold over time (cores, GPUs),
 * handing each change to a {@link StepCurve} in time order. Only running attempts are kept.
 */
final class Occupancy {
  private record End(long atMs, double amount) {}

  private final PriorityQueue<End> ends = new PriorityQueue<>((a, b) -> Long.compare(a.atMs, b.atMs));
  private final StepCurve curve;
  private double value;

  Occupancy(StepCurve curve) {
    this.curve = curve;
    curve.set(0, 0); // every curve starts idle at the run's start, not at its first launch
  }

  /** An attempt launched at {@code launchMs} holds {@code amount} until {@code endMs} (or forever when it never ended). */
  void launch(long launchMs, long endMs, boolean ended, double amount) {
    releaseUntil(launchMs);
    value += amount;
    curve.set(launchMs, value);
    if (ended) ends.add(new End(endMs, amount));
  }

  private void releaseUntil(long t) {
    while (!ends.isEmpty() && ends.peek().atMs <= t) {
      End e = ends.poll();
      value -= e.amount;
      curve.set(e.atMs, value);
    }
  }

  /** Releases every attempt that ended and returns the curve. */
  StepCurve.Points finish() {
    releaseUntil(Long.MAX_VALUE);
    return curve.finish();
  }
}
