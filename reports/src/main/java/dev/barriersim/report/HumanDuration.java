package dev.barriersim.report;

import java.util.Locale;

/** Milliseconds for people: {@code 850ms}, {@code 23.4s}, {@code 1m 23.4s}, {@code 2h 5m 0.0s}, {@code 3d 1h 0m 0.0s}. */
public final class HumanDuration {
  private HumanDuration() {}

  /** Formats {@code ms} to a tenth of a second (whole ms below one second); negative values get a sign. */
  public static String format(long ms) {
    if (ms < 0) return "-" + format(-ms);
    if (ms < 1000) return ms + "ms";
    // Round to tenths first so 59.96 s becomes "1m 0.0s", never "60.0s".
    long tenths = (ms + 50) / 100;
    long d = tenths / 864_000;
    long h = tenths / 36_000 % 24;
    long m = tenths / 600 % 60;
    long s = tenths % 600;
    String sec = String.format(Locale.ROOT, "%d.%ds", s / 10, s % 10);
    if (d > 0) return d + "d " + h + "h " + m + "m " + sec;
    if (h > 0) return h + "h " + m + "m " + sec;
    if (m > 0) return m + "m " + sec;
    return sec;
  }
}
