package dev.barriersim.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code sweep:}: each key a YAML path (as {@code --set} writes it) to a list of values or a
 * range ({@code {from: 4, to: 64, times: 2}}, {@code {from: 0, to: 0.05, step: 0.01}}), and
 * {@code zip:} for keys whose lists move together. Paths are checked against the scenario (with
 * "did you mean"); a key also given with {@code --set} is pinned to that value and leaves the grid.
 */
final class SweepReader {
  private SweepReader() {}

  static final String ZIP = "zip";
  static final List<String> RANGE_KEYS = List.of("from", "to", "step", "times");
  /** Top-level keys a sweep may not change: every point shares its name, its seeds and its run section. */
  static final List<String> FIXED = List.of("name", "seed", "run", "sweep");

  /** The factors read, in file order; null after problems (already reported). */
  static List<Sweep.Factor> read(LoadContext c, YamlNode n, String path, YamlNode.Mapping base,
      List<List<SetPath.Step>> pinned) {
    YamlNode.Mapping m = Values.mapping(c, n, path);
    if (m == null) return null;
    if (m.entries().isEmpty()) {
      c.report(m, path, "the sweep is empty", "add a path and its values, e.g. jobs[0].stages[0].tasks: [4, 8, 16], or remove sweep");
      return null;
    }
    int before = c.problemCount();
    List<Sweep.Factor> factors = new ArrayList<>();
    Map<List<SetPath.Step>, String> seen = new LinkedHashMap<>();
    for (YamlNode.Entry e : m.entries().values()) {
      if (e.key().equals(ZIP)) {
        YamlNode.Mapping zip = Values.mapping(c, e.value(), LoadContext.child(path, ZIP));
        if (zip == null) continue;
        if (zip.entries().size() < 2) {
          c.report(zip, LoadContext.child(path, ZIP), "a zip needs at least two keys", "move a single key out of zip:");
          continue;
        }
        int zipBefore = c.problemCount();
        List<Sweep.Member> members = new ArrayList<>();
        for (YamlNode.Entry z : zip.entries().values()) {
          Sweep.Member member = member(c, z, LoadContext.child(LoadContext.child(path, ZIP), z.key()), base, seen);
          if (member != null && !pinned.contains(member.steps())) members.add(member);
        }
        if (c.problemCount() != zipBefore) continue;
        BigInteger size = members.isEmpty() ? null : members.get(0).values().count();
        for (Sweep.Member z : members) {
          if (!z.values().count().equals(size)) {
            c.report(zip.entries().get(z.path()).line(), zip.entries().get(z.path()).column(),
                LoadContext.child(LoadContext.child(path, ZIP), z.path()), "has " + z.values().count() + " values but "
                    + members.get(0).path() + " has " + size, "give every key of a zip as many values");
          }
        }
        if (!members.isEmpty()) factors.add(new Sweep.Factor(members));
      } else {
        Sweep.Member member = member(c, e, LoadContext.child(path, e.key()), base, seen);
        if (member != null && !pinned.contains(member.steps())) factors.add(new Sweep.Factor(List.of(member)));
      }
    }
    return c.problemCount() == before ? factors : null;
  }

  private static Sweep.Member member(LoadContext c, YamlNode.Entry e, String path, YamlNode.Mapping base,
      Map<List<SetPath.Step>, String> seen) {
    SetPath.Parsed parsed = SetPath.parse(e.key());
    if (parsed.path() == null) {
      c.report(e.line(), e.column(), path, "cannot read the path: " + parsed.error(),
          "write keys separated by '.', list items as [index] or [name], e.g. jobs[fit].stages[train].tasks");
      return null;
    }
    SetPath.Step first = parsed.path().steps().get(0);
    if (first instanceof SetPath.Key k && FIXED.contains(k.key())) {
      c.report(e.line(), e.column(), path, "a sweep cannot change '" + k.key() + "'",
          "every point shares name, seed, run and sweep; sweep other keys (replication r uses the same seed at every point)");
      return null;
    }
    TreeEdit.Resolved r = TreeEdit.resolve(base, parsed.path());
    if (!r.ok()) {
      c.report(e.line(), e.column(), path, r.at() + ": " + r.error(), r.fix());
      return null;
    }
    for (Map.Entry<List<SetPath.Step>, String> other : seen.entrySet()) {
      if (prefix(other.getKey(), r.steps()) || prefix(r.steps(), other.getKey())) {
        c.report(e.line(), e.column(), path, "overlaps the sweep key " + other.getValue(),
            "sweep each key once, and not a key together with a mapping or list that holds it");
        return null;
      }
    }
    seen.put(r.steps(), e.key());
    SweepValues values = values(c, e.value(), path);
    if (values == null) return null;
    return new Sweep.Member(e.key(), r.steps(), values, parsed.path().lastKey(), e.line());
  }

  private static boolean prefix(List<SetPath.Step> a, List<SetPath.Step> b) {
    return a.size() <= b.size() && b.subList(0, a.size()).equals(a);
  }

  private static SweepValues values(LoadContext c, YamlNode n, String path) {
    if (n instanceof YamlNode.Mapping) return range(c, n, path);
    YamlNode.Sequence seq = Values.list(c, n, path, Integer.MAX_VALUE);
    if (seq == null) return null;
    if (seq.items().isEmpty()) {
      c.report(seq, path, "the list is empty", "give at least one value");
      return null;
    }
    Map<String, Integer> texts = new LinkedHashMap<>();
    for (int i = 0; i < seq.items().size(); i++) {
      YamlNode item = seq.items().get(i);
      Integer earlier = texts.putIfAbsent(YamlText.flow(item), i);
      if (earlier != null) {
        c.report(item, LoadContext.index(path, i), "value " + Suggestions.shorten(YamlText.flow(item))
            + " is listed twice (first at index " + earlier + ")", "list each value once");
        return null;
      }
    }
    return new SweepValues.Listed(seq.items());
  }

  /** {@code {from, to, step}} or {@code {from, to, times}}: numbers, counted exactly, never expanded. */
  private static SweepValues range(LoadContext c, YamlNode n, String path) {
    Fields f = Fields.of(c, n, path, RANGE_KEYS);
    if (f == null) return null;
    int before = c.problemCount();
    BigDecimal from = f.require("from", "4") ? number(c, f, "from") : null;
    BigDecimal to = f.require("to", "64") ? number(c, f, "to") : null;
    String which = f.exactlyOne("step", "times", "step: 1 for from, from + 1, ..., or times: 2 for from, 2 x from, ...");
    BigDecimal by = which == null ? null : number(c, f, which);
    if (c.problemCount() != before || from == null || to == null || by == null) return null;
    YamlNode.Mapping at = f.node();
    if (to.compareTo(from) < 0) {
      c.report(f.get("to"), f.path("to"), "is below from (" + from.toPlainString() + ")", "write to >= from");
      return null;
    }
    if ("step".equals(which)) {
      if (by.signum() <= 0) {
        c.report(f.get("step"), f.path("step"), "must be > 0, found " + by.toPlainString(), "write a positive step");
        return null;
      }
      BigInteger count = to.subtract(from).divide(by, 0, RoundingMode.FLOOR).toBigIntegerExact().add(BigInteger.ONE);
      boolean integral = whole(from) && whole(by);
      return new SweepValues.Range(from, by, null, count, integral, at.line(), at.column());
    }
    if (!whole(by) || by.compareTo(BigDecimal.valueOf(2)) < 0) {
      c.report(f.get("times"), f.path("times"), "must be a whole number >= 2, found " + by.toPlainString(), "write times: 2 or more");
      return null;
    }
    if (!whole(from) || from.signum() <= 0) {
      c.report(f.get("from"), f.path("from"), "must be a whole number >= 1 with times, found " + from.toPlainString(),
          "write from: 1 or more, or use step:");
      return null;
    }
    BigInteger times = by.toBigIntegerExact();
    BigInteger v = from.toBigIntegerExact();
    BigInteger limit = to.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    BigInteger count = BigInteger.ZERO;
    while (v.compareTo(limit) <= 0) { // at most log2(to) steps
      count = count.add(BigInteger.ONE);
      v = v.multiply(times);
    }
    return new SweepValues.Range(from, null, times, count, true, at.line(), at.column());
  }

  private static boolean whole(BigDecimal v) {
    return v.stripTrailingZeros().scale() <= 0;
  }

  private static BigDecimal number(LoadContext c, Fields f, String key) {
    YamlNode n = f.get(key);
    Double d = Values.decimal(c, n, f.path(key), -1e15, 1e15, false);
    if (d == null) return null;
    return new BigDecimal(((YamlNode.Scalar) n).text().strip());
  }
}
