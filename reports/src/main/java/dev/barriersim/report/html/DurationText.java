package dev.barriersim.report.html;

import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.report.HumanDuration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A task-phase duration as a short phrase: {@code lognormal (median 15.0s, sigma 0.3), max 1m 0.0s}. */
final class DurationText {
  private static final int LISTED_VALUES = 8;

  private DurationText() {}

  /** Describes {@code spec}, clamps included. */
  static String of(DurationSpec spec) {
    String s = of(spec.dist());
    if (spec.minMs() > 1) s += ", min " + ms(spec.minMs());
    if (spec.maxMs() != DurationSpec.NO_MAX) s += ", max " + ms(spec.maxMs());
    return s;
  }

  private static String of(Distribution d) {
    if (d instanceof Distribution.Constant c) return ms(c.valueMs());
    if (d instanceof Distribution.PerPartition p) return "per partition: " + list(p.valuesMs());
    if (d instanceof Distribution.Empirical e) return "one of " + list(e.valuesMs());
    Distribution.Continuous c = (Distribution.Continuous) d;
    return switch (c.kind()) {
      case UNIFORM -> "uniform " + ms(c.a()) + " to " + ms(c.b());
      case EXPONENTIAL -> "exponential (mean " + ms(c.a()) + ")";
      case LOGNORMAL -> "lognormal (median " + ms(c.a()) + ", sigma " + num(c.b()) + ")";
      case WEIBULL -> "Weibull (shape " + num(c.a()) + ", scale " + ms(c.b()) + ")";
      case PARETO -> "Pareto (scale " + ms(c.a()) + ", shape " + num(c.b()) + ")";
      case GAMMA -> "gamma (shape " + num(c.a()) + ", scale " + ms(c.b()) + ")";
      case NORMAL -> "normal (mean " + ms(c.a()) + ", sd " + ms(c.b()) + ")";
    };
  }

  private static String list(long[] values) {
    String shown = Arrays.stream(values).limit(LISTED_VALUES).mapToObj(DurationText::ms).collect(Collectors.joining(", "));
    return values.length > LISTED_VALUES ? shown + ", ... (" + values.length + " values)" : shown;
  }

  /**
   * An input duration, exactly and without zero parts: {@code 365d}, {@code 1m 30s}, {@code 1.5s},
   * {@code 200ms}. Results use {@link HumanDuration}; scenario values read better as written.
   */
  static String ms(double value) {
    long ms = Math.round(value);
    if (ms < 0) return "-" + ms(-ms);
    if (ms == 0) return "0s";
    if (ms < 1000) return ms + "ms";
    StringBuilder sb = new StringBuilder();
    long d = ms / 86_400_000;
    long h = ms / 3_600_000 % 24;
    long m = ms / 60_000 % 60;
    long rest = ms % 60_000;
    if (d > 0) sb.append(d).append("d ");
    if (h > 0) sb.append(h).append("h ");
    if (m > 0) sb.append(m).append("m ");
    if (rest > 0) {
      String sec = String.format(Locale.ROOT, "%d.%03d", rest / 1000, rest % 1000).replaceAll("\\.?0+$", "");
      sb.append(sec).append("s");
    }
    return sb.toString().strip();
  }

  static String num(double v) {
    String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
