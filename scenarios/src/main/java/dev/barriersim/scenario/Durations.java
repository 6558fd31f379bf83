package dev.barriersim.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark-style duration strings ({@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 2min}, {@code 1h},
 * {@code 365d}) to whole milliseconds. A bare number is refused: Spark's configs each have their own
 * default unit, and guessing it wrong silently changes a run by a factor of 1000.
 */
public final class Durations {
  private Durations() {}

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)([A-Za-z]+)");
  private static final Pattern BARE = Pattern.compile("[-+]?(\\d+(?:\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final BigDecimal MAX_MS = BigDecimal.valueOf(Long.MAX_VALUE);

  /** The units in the order messages list them. */
  public static final String UNITS = "ms, s, m, min, h, d";

  /** The outcome of parsing: {@code ms} when {@code error} is null, else a message and a fix. */
  public record Result(long ms, String error, String fix) {
    /** True when the text was a valid duration. */
    public boolean ok() {
      return error == null;
    }
  }

  /** Parses {@code text} (already trimmed of YAML quotes); rounds half up to whole milliseconds. */
  public static Result parse(String text) {
    String t = text.strip();
    String shown = Suggestions.shorten(t);
    if (t.startsWith("-")) {
      return fail("'" + shown + "' is negative", "durations are >= 0; write e.g. " + t.substring(1));
    }
    if (BARE.matcher(t).matches()) {
      String n = t.startsWith("+") ? t.substring(1) : t;
      return fail("'" + shown + "' has no unit", "write " + n + "s (or ms, m, min, h, d)");
    }
    Matcher m = DURATION.matcher(t);
    if (!m.matches()) {
      return fail("'" + shown + "' is not a duration", "write a number and a unit (" + UNITS + "), e.g. 20s or 1.5m");
    }
    long factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m", "min" -> 60_000L;
      case "h" -> 3_600_000L;
      case "d" -> 86_400_000L;
      default -> -1L;
    };
    if (factor < 0) {
      return fail("'" + shown + "' has an unknown unit '" + Suggestions.shorten(m.group(2)) + "'",
          "use one of " + UNITS);
    }
    String whole = m.group(1).replaceFirst("^0*", "");
    int point = whole.indexOf('.');
    // BigDecimal parsing of a huge digit string is slow: refuse such strings before it.
    if ((point < 0 ? whole.length() : point) > 19) {
      return fail("'" + shown + "' is too long to simulate", "use a duration below about 290 million years");
    }
    if (m.group(1).length() > 1_000) {
      return fail("'" + shown + "' has " + m.group(1).length() + " digits", "write the duration with a few digits, e.g. 1.5s");
    }
    BigDecimal ms = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.HALF_UP);
    if (ms.compareTo(MAX_MS) > 0) {
      return fail("'" + shown + "' is too long to simulate", "use a duration below about 290 million years");
    }
    return new Result(ms.longValueExact(), null, null);
  }

  /** Formats milliseconds the way a user would write them (for messages and docs). */
  public static String format(long ms) {
    if (ms % 86_400_000L == 0 && ms != 0) return ms / 86_400_000L + "d";
    if (ms % 3_600_000L == 0 && ms != 0) return ms / 3_600_000L + "h";
    if (ms % 60_000L == 0 && ms != 0) return ms / 60_000L + "m";
    if (ms % 1_000L == 0 && ms != 0) return ms / 1_000L + "s";
    return ms + "ms";
  }

  /** Milliseconds for a reader, largest units first, zero parts left out: {@code 10m}, {@code 10m 15s}, {@code 1h 1.5s}. */
  public static String describe(long ms) {
    if (ms == 0) return "0s";
    StringBuilder out = new StringBuilder();
    long rest = ms;
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L};
    String[] units = {"d", "h", "m"};
    for (int i = 0; i < sizes.length; i++) {
      if (rest >= sizes[i]) {
        out.append(out.length() == 0 ? "" : " ").append(rest / sizes[i]).append(units[i]);
        rest %= sizes[i];
      }
    }
    if (rest > 0) {
      String seconds = BigDecimal.valueOf(rest, 3).stripTrailingZeros().toPlainString();
      out.append(out.length() == 0 ? "" : " ").append(seconds).append('s');
    }
    return out.toString();
  }

  private static Result fail(String message, String fix) {
    return new Result(0, message, fix);
  }
}
