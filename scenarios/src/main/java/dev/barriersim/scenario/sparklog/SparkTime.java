package dev.barriersim.scenario.sparklog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spark's time strings ({@code JavaUtils.timeStringAs}): a number with an optional unit; bare numbers use the key's unit. */
final class SparkTime {
  private static final Pattern TIME = Pattern.compile("(-?[0-9]+)([a-z]+)?");

  private SparkTime() {}

  /** Milliseconds of {@code value}, bare numbers counted in {@code bareUnitMs}; -1 when unreadable. */
  static long toMs(String value, long bareUnitMs) {
    if (value == null) return -1;
    Matcher m = TIME.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) return -1;
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return -1;
    }
    String unit = m.group(2);
    long scale;
    if (unit == null) scale = bareUnitMs;
    else {
      switch (unit) {
        case "us" -> { return n / 1000; }
        case "ms" -> scale = 1;
        case "s" -> scale = 1000;
        case "m", "min" -> scale = 60_000;
        case "h" -> scale = 3_600_000;
        case "d" -> scale = 86_400_000;
        default -> { return -1; }
      }
    }
    return n < 0 ? -1 : Math.multiplyExact(n, scale);
  }
}
