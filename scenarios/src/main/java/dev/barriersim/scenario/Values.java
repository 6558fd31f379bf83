package dev.barriersim.scenario;

import dev.barriersim.scenario.YamlNode.Scalar;
import dev.barriersim.scenario.YamlNode.Scalar.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Converts one node to a Java value, reporting a located problem and returning null when it
 * cannot. {@code lenient} accepts numbers and booleans written as quoted strings, as Spark's
 * string-typed configs are; elsewhere the YAML type must match.
 */
final class Values {
  private Values() {}

  /** Names of scenarios, jobs, stages, pools and resources. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern INTEGER_TEXT = Pattern.compile("[-+]?\\d+");
  /** Most digits of a whole number worth parsing (a long has 19). */
  private static final int MAX_DIGITS = 19;
  private static final Pattern DECIMAL_TEXT = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  /** A whole number in {@code [min, max]}. */
  static Long whole(LoadContext c, YamlNode n, String path, long min, long max, boolean lenient) {
    Scalar s = scalar(c, n, path, "a whole number");
    if (s == null) return null;
    BigInteger v = null;
    if (s.kind() == Kind.INTEGER && s.number() != null) {
      v = s.number() instanceof BigInteger b ? b : BigInteger.valueOf(s.number().longValue());
    } else if ((s.kind() == Kind.INTEGER || (lenient && s.kind() == Kind.STRING)) && INTEGER_TEXT.matcher(s.text().strip()).matches()) {
      v = boundedInteger(s.text().strip());
    }
    if (v == null) {
      String fix = s.kind() == Kind.DECIMAL ? "write a whole number without a fraction" : "write a whole number";
      if (s.kind() == Kind.STRING && INTEGER_TEXT.matcher(s.text().strip()).matches()) {
        // The YAML parser types very long digit strings as text, quoted or not.
        fix = s.text().strip().length() > MAX_DIGITS ? "write a whole number of at most " + MAX_DIGITS + " digits" : "remove the quotes";
      }
      c.report(s, path, "expected a whole number, found " + s.describe(), fix);
      return null;
    }
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      // Only int-sized keys hit the int ceiling; saying "at most 2147483647" beats "between 1 and 2147483647".
      boolean huge = max >= Integer.MAX_VALUE;
      String rule = huge ? (v.compareTo(BigInteger.valueOf(min)) < 0 ? ">= " + min : "at most " + max) : range(min, max);
      c.report(s, path, "must be " + rule + ", found " + Suggestions.shorten(s.text().strip()), "write a value " + rule);
      return null;
    }
    return v.longValue();
  }

  /**
   * The digits as a number, without parsing more of them than any long needs: BigInteger parsing is
   * quadratic, and a file may hold a 64 KiB number. Anything longer is returned as +-10^20, beyond
   * every range checked here.
   */
  private static BigInteger boundedInteger(String text) {
    boolean negative = text.startsWith("-");
    String digits = text.replaceFirst("^[-+]?0*", "");
    if (digits.length() <= MAX_DIGITS) return new BigInteger(digits.isEmpty() ? "0" : digits).multiply(BigInteger.valueOf(negative ? -1 : 1));
    return BigInteger.TEN.pow(20).multiply(BigInteger.valueOf(negative ? -1 : 1));
  }

  /** A whole number that fits an int, in {@code [min, max]}. */
  static Integer integer(LoadContext c, YamlNode n, String path, int min, int max, boolean lenient) {
    Long v = whole(c, n, path, min, max, lenient);
    return v == null ? null : v.intValue();
  }

  /** A finite decimal number in {@code [min, max]}. */
  static Double decimal(LoadContext c, YamlNode n, String path, double min, double max, boolean lenient) {
    Scalar s = scalar(c, n, path, "a number");
    if (s == null) return null;
    Double v = null;
    if ((s.kind() == Kind.INTEGER || s.kind() == Kind.DECIMAL || (lenient && s.kind() == Kind.STRING))
        && DECIMAL_TEXT.matcher(s.text().strip()).matches()) {
      v = toDouble(s.text().strip());
    }
    if (v == null || !Double.isFinite(v)) {
      c.report(s, path, "expected a number, found " + s.describe(), "write a plain number such as 0.5 or 2");
      return null;
    }
    if (v < min || v > max) {
      c.report(s, path, "must be " + range(min, max) + ", found " + s.text().strip(), "write a value " + range(min, max));
      return null;
    }
    return v;
  }

  /** Decimal text as the nearest double; an exponent too large for BigDecimal is infinite (then refused), not a crash. */
  private static double toDouble(String text) {
    try {
      return text.length() > 1_000 ? Double.parseDouble(text) : new BigDecimal(text).doubleValue();
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** {@code true} or {@code false} (any case); YAML 1.1's yes/no/on/off are refused as ambiguous. */
  static Boolean bool(LoadContext c, YamlNode n, String path, boolean lenient) {
    Scalar s = scalar(c, n, path, "true or false");
    if (s == null) return null;
    String t = s.text().strip().toLowerCase(Locale.ROOT);
    boolean typed = s.kind() == Kind.BOOLEAN || (lenient && s.kind() == Kind.STRING);
    if (typed && (t.equals("true") || t.equals("false"))) return t.equals("true");
    c.report(s, path, "expected true or false, found " + s.describe(), "write true or false");
    return null;
  }

  /** A duration with a unit, in milliseconds, at least {@code minMs}. */
  static Long duration(LoadContext c, YamlNode n, String path, long minMs) {
    Scalar s = scalar(c, n, path, "a duration such as 20s");
    if (s == null) return null;
    if (s.kind() == Kind.BOOLEAN) {
      c.report(s, path, "expected a duration, found " + s.describe(), "write a number and a unit (" + Durations.UNITS + "), e.g. 20s");
      return null;
    }
    Durations.Result r = Durations.parse(s.text());
    if (!r.ok()) {
      c.report(s, path, r.error(), r.fix());
      return null;
    }
    if (r.ms() < minMs) {
      c.report(s, path, "must be at least " + Durations.format(minMs) + ", found " + s.text().strip()
          + (r.ms() != 0 || minMs > 1 ? "" : " (it rounds to 0ms)"), "write " + Durations.format(minMs) + " or more");
      return null;
    }
    return r.ms();
  }

  /** Any non-empty scalar as text (free text such as a description). */
  static String text(LoadContext c, YamlNode n, String path) {
    Scalar s = scalar(c, n, path, "text");
    return s == null ? null : s.text();
  }

  /** A name: {@code [A-Za-z0-9][A-Za-z0-9._-]*}. */
  static String name(LoadContext c, YamlNode n, String path) {
    Scalar s = scalar(c, n, path, "a name");
    if (s == null) return null;
    String t = s.text();
    if (!NAME.matcher(t).matches()) {
      c.report(s, path, "'" + Suggestions.shorten(t) + "' is not a valid name",
          "use letters, digits, '.', '_' and '-', starting with a letter or digit");
      return null;
    }
    return t;
  }

  /** The node as a list of at most {@code maxItems}, or null after a problem. */
  static YamlNode.Sequence list(LoadContext c, YamlNode n, String path, int maxItems) {
    if (!(n instanceof YamlNode.Sequence seq)) {
      c.report(n, path, "expected a list, found " + n.describe(), "write a list: [a, b] or one '- item' per line");
      return null;
    }
    if (seq.items().size() > maxItems) {
      c.report(n, path, "has " + seq.items().size() + " entries, more than the limit of " + maxItems,
          "use at most " + maxItems + " entries");
      return null;
    }
    return seq;
  }

  /** The node as a mapping, or null after a problem. */
  static YamlNode.Mapping mapping(LoadContext c, YamlNode n, String path) {
    if (n instanceof YamlNode.Mapping m) return m;
    c.report(n, path, "expected a mapping, found " + n.describe(), "write key: value pairs here");
    return null;
  }

  private static Scalar scalar(LoadContext c, YamlNode n, String path, String expected) {
    if (n instanceof Scalar s && s.kind() != Kind.NULL) return s;
    if (n instanceof Scalar s) {
      c.report(s, path, "has no value", "write " + expected + " or remove the key");
    } else {
      c.report(n, path, "expected " + expected + ", found " + n.describe(), "write " + expected + " here");
    }
    return null;
  }

  private static String range(double min, double max) {
    boolean noMax = max >= Long.MAX_VALUE || max == Double.MAX_VALUE;
    String lo = fmt(min);
    return noMax ? ">= " + lo : "between " + lo + " and " + fmt(max);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
