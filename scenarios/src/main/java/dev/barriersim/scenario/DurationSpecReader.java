package dev.barriersim.scenario;

import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.Distribution.Continuous.Kind;
import dev.barriersim.core.random.DurationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a duration spec: the shorthand {@code 20s} (a constant) or a mapping
 * {@code {dist: NAME, ...parameters, min?, max?}}. Time parameters take units and become ms;
 * shapes and sigma are plain numbers.
 */
final class DurationSpecReader {
  private DurationSpecReader() {}

  /** Every {@code dist:} name, in the order the docs list them. */
  static final List<String> DISTS = List.of(
      "constant", "uniform", "exponential", "lognormal", "weibull", "pareto", "gamma", "normal", "empirical", "values");
  /** Most entries in a {@code values} or {@code empirical} list. */
  static final int MAX_VALUES = 10_000_000;
  /** Bad list entries reported one by one before the rest are summed up in one problem. */
  private static final int MAX_LISTED = 5;

  /** The parameter keys of each distribution, as the scenario spells them. */
  static List<String> parameters(String dist) {
    return switch (dist) {
      case "constant" -> List.of("value");
      case "uniform" -> List.of("min", "max");
      case "exponential" -> List.of("mean");
      case "lognormal" -> List.of("median", "sigma");
      case "weibull", "gamma" -> List.of("shape", "scale");
      case "pareto" -> List.of("scale", "shape");
      case "normal" -> List.of("mean", "stddev");
      default -> List.of("values");
    };
  }

  /**
   * Reads the spec at {@code n}; {@code tasks} (null when unknown) checks the length of a
   * {@code values} list. Returns null after reporting problems.
   */
  static DurationSpec read(LoadContext c, YamlNode n, String path, Integer tasks) {
    if (n instanceof YamlNode.Scalar) {
      Long ms = Values.duration(c, n, path, 0);
      return ms == null ? null : c.build(n, path, () -> DurationSpec.constant(ms));
    }
    YamlNode.Mapping m = Values.mapping(c, n, path);
    if (m == null) return null;
    YamlNode.Entry distEntry = m.entries().get("dist");
    if (distEntry == null) {
      Fields.of(c, m, path, union());
      c.report(m, path, "missing required key 'dist'", "add dist: one of " + String.join(", ", DISTS) + " (or write a plain duration such as 20s)");
      return null;
    }
    String dist = Values.text(c, distEntry.value(), LoadContext.child(path, "dist"));
    if (dist == null) return null;
    if (!DISTS.contains(dist)) {
      c.report(distEntry.value(), LoadContext.child(path, "dist"), "unknown distribution '" + Suggestions.shorten(dist) + "'",
          Suggestions.fixFor(dist, DISTS, "use one of"));
      return null;
    }
    List<String> allowed = new ArrayList<>();
    allowed.add("dist");
    allowed.addAll(parameters(dist));
    if (!dist.equals("uniform")) {
      allowed.add("min");
      allowed.add("max");
    }
    int before = c.problemCount();
    Fields f = Fields.of(c, m, path, allowed);
    for (String p : parameters(dist)) f.require(p, example(p));
    Distribution d = distribution(c, f, dist, tasks);
    long min = 1;
    long max = DurationSpec.NO_MAX;
    if (!dist.equals("uniform")) {
      Long lo = f.duration("min", 1L, 0);
      Long hi = f.duration("max", DurationSpec.NO_MAX, 1);
      if (lo != null && hi != null && hi < Math.max(lo, 1)) {
        c.report(f.get("max"), f.path("max"), "max clamp " + Durations.format(hi) + " is below min " + Durations.format(lo),
            "make max >= min");
      } else if (lo != null && hi != null) {
        min = lo;
        max = hi;
      }
    }
    if (d == null || c.problemCount() != before) return null;
    long fmin = min;
    long fmax = max;
    return c.build(m, path, () -> new DurationSpec(d, fmin, fmax));
  }

  private static Distribution distribution(LoadContext c, Fields f, String dist, Integer tasks) {
    return switch (dist) {
      case "constant" -> {
        Long v = f.duration("value", null, 0);
        yield v == null ? null : new Distribution.Constant(v);
      }
      case "uniform" -> {
        Long lo = f.duration("min", null, 0);
        Long hi = f.duration("max", null, 1);
        if (lo != null && hi != null && hi <= lo) {
          c.report(f.get("max"), f.path("max"), "uniform max " + Durations.format(hi) + " must be above min " + Durations.format(lo),
              "make max > min");
          yield null;
        }
        yield continuous(c, f, Kind.UNIFORM, lo, hi);
      }
      case "exponential" -> continuous(c, f, Kind.EXPONENTIAL, ms(f, "mean"), 0.0);
      case "lognormal" -> continuous(c, f, Kind.LOGNORMAL, ms(f, "median"), positive(c, f, "sigma"));
      case "weibull" -> continuous(c, f, Kind.WEIBULL, positive(c, f, "shape"), ms(f, "scale"));
      case "gamma" -> continuous(c, f, Kind.GAMMA, positive(c, f, "shape"), ms(f, "scale"));
      case "pareto" -> continuous(c, f, Kind.PARETO, ms(f, "scale"), positive(c, f, "shape"));
      case "normal" -> continuous(c, f, Kind.NORMAL, toDouble(f.duration("mean", null, 0)), ms(f, "stddev"));
      case "empirical" -> {
        long[] v = list(c, f, null);
        yield v == null ? null : new Distribution.Empirical(v);
      }
      default -> {
        long[] v = list(c, f, tasks);
        yield v == null ? null : new Distribution.PerPartition(v);
      }
    };
  }

  private static Distribution continuous(LoadContext c, Fields f, Kind kind, Number a, Number b) {
    if (a == null || b == null) return null;
    return c.build(f.node(), f.path(), () -> new Distribution.Continuous(kind, a.doubleValue(), b.doubleValue()));
  }

  /** A time parameter that must be at least 1 ms (a scale or a mean). */
  private static Double ms(Fields f, String key) {
    return toDouble(f.duration(key, null, 1));
  }

  private static Double toDouble(Long v) {
    return v == null ? null : v.doubleValue();
  }

  /** A plain number > 0 (shape, sigma). */
  private static Double positive(LoadContext c, Fields f, String key) {
    Double v = f.decimal(key, null, 0, Double.MAX_VALUE);
    if (v != null && v <= 0) {
      c.report(f.get(key), f.path(key), key + " must be > 0, found " + v, "write a positive number such as 0.5 or 2");
      return null;
    }
    return v;
  }

  private static long[] list(LoadContext c, Fields f, Integer tasks) {
    YamlNode n = f.get("values");
    if (n == null) return null;
    String path = f.path("values");
    YamlNode.Sequence seq = Values.list(c, n, path, MAX_VALUES);
    if (seq == null) return null;
    if (seq.items().isEmpty()) {
      c.report(seq, path, "the list is empty", "give at least one duration");
      return null;
    }
    long[] out = new long[seq.items().size()];
    int bad = 0;
    YamlNode firstUnlisted = null;
    for (int i = 0; i < out.length; i++) {
      YamlNode item = seq.items().get(i);
      String itemPath = LoadContext.index(path, i);
      Long ms;
      if (bad < MAX_LISTED) {
        ms = Values.duration(c, item, itemPath, 0);
      } else {
        // Past a few, count quietly: one wrong unit in a million-entry list must not print a million lines.
        ms = item instanceof YamlNode.Scalar s && Durations.parse(s.text()).ok() ? 0L : null;
        if (ms == null && firstUnlisted == null) firstUnlisted = item;
      }
      if (ms == null) {
        bad++;
      } else {
        out[i] = ms;
      }
    }
    if (firstUnlisted != null) {
      c.report(firstUnlisted, path, (bad - MAX_LISTED) + " more entries are not durations", "give every entry a unit, e.g. 20s");
    }
    if (bad > 0) return null;
    if (tasks != null && out.length != tasks) {
      c.report(seq, path, "has " + out.length + " entries but the stage has " + tasks + " tasks",
          "give exactly one duration per partition (" + tasks + "), or use dist: empirical to draw from the list");
      return null;
    }
    return out;
  }

  private static List<String> union() {
    List<String> all = new ArrayList<>(List.of("dist", "min", "max"));
    for (String d : DISTS) for (String p : parameters(d)) if (!all.contains(p)) all.add(p);
    return all;
  }

  private static String example(String parameter) {
    return switch (parameter.toLowerCase(Locale.ROOT)) {
      case "shape" -> "1.5";
      case "sigma" -> "0.3";
      case "values" -> "[10s, 20s]";
      default -> "10s";
    };
  }
}
