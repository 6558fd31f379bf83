package dev.barriersim.report.chart;

/**
 * The unit of a time axis, chosen from the span it shows so that tick labels stay short: seconds
 * up to 10 minutes, minutes up to 10 hours, hours beyond.
 */
record TimeScale(String unit, String word, double msPerUnit) {
  static final TimeScale SECONDS = new TimeScale("s", "seconds", 1_000);
  static final TimeScale MINUTES = new TimeScale("min", "minutes", 60_000);
  static final TimeScale HOURS = new TimeScale("h", "hours", 3_600_000);

  /** The unit for an axis spanning {@code spanMs}. */
  static TimeScale forSpan(long spanMs) {
    if (spanMs <= 10 * 60_000L) return SECONDS;
    if (spanMs <= 10 * 3_600_000L) return MINUTES;
    return HOURS;
  }

  /** {@code ms} in this unit. */
  double of(long ms) {
    return ms / msPerUnit;
  }

  /** {@code ms} (fractional) in this unit. */
  double of(double ms) {
    return ms / msPerUnit;
  }

  /** An axis label naming the unit: {@code what (s)}. */
  String label(String what) {
    return what + " (" + unit + ")";
  }
}
