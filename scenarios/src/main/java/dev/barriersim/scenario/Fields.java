package dev.barriersim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mapping of the scenario being read: checks its keys against those allowed at this place
 * (unknown keys with a suggestion, keys not supported yet), then hands out typed values with
 * defaults. Getters return the default when the key is absent and null when it is present but
 * invalid (the problem is already reported).
 */
final class Fields {
  private final LoadContext ctx;
  private final YamlNode.Mapping node;
  private final String path;

  private Fields(LoadContext ctx, YamlNode.Mapping node, String path) {
    this.ctx = ctx;
    this.node = node;
    this.path = path;
  }

  /** Reads {@code n} as a mapping whose keys must be among {@code allowed}; null if it is not a mapping. */
  static Fields of(LoadContext ctx, YamlNode n, String path, List<String> allowed) {
    YamlNode.Mapping m = Values.mapping(ctx, n, path);
    if (m == null) return null;
    for (YamlNode.Entry e : m.entries().values()) {
      String keyPath = LoadContext.child(path, e.key());
      if (ctx.notYetSupported(keyPath)) {
        ctx.report(e.line(), e.column(), keyPath, "'" + e.key() + "' is not supported yet by this version",
            "remove it");
      } else if (allowed != null && !allowed.contains(e.key())) {
        ctx.report(e.line(), e.column(), keyPath, "unknown key '" + Suggestions.shorten(e.key()) + "'",
            Suggestions.fixFor(e.key(), allowed, "allowed keys here"));
      }
    }
    return new Fields(ctx, m, path);
  }

  /** The mapping itself (for locating problems that concern it as a whole). */
  YamlNode.Mapping node() {
    return node;
  }

  /** This mapping's path. */
  String path() {
    return path;
  }

  /** True when the key is present (even with an empty value). */
  boolean has(String key) {
    return node.entries().containsKey(key);
  }

  /** The value of {@code key}, or null when absent. */
  YamlNode get(String key) {
    YamlNode.Entry e = node.entries().get(key);
    return e == null ? null : e.value();
  }

  /** The path of {@code key} below this mapping. */
  String path(String key) {
    return LoadContext.child(path, key);
  }

  /** Reports a missing required key at this mapping; true when present. */
  boolean require(String key, String example) {
    if (has(key)) return true;
    ctx.report(node, path, "missing required key '" + key + "'", "add " + key + ": " + example);
    return false;
  }

  /** Reports when both or neither of two alternative keys are present; returns the one present, else null. */
  String exactlyOne(String a, String b, String what) {
    if (has(a) && has(b)) {
      YamlNode.Entry second = node.entries().get(b);
      ctx.report(second.line(), second.column(), path(b), "both '" + a + "' and '" + b + "' are given",
          "keep only one: " + what);
      return null;
    }
    if (!has(a) && !has(b)) {
      ctx.report(node, path, "missing '" + a + "' or '" + b + "'", "add one of them: " + what);
      return null;
    }
    return has(a) ? a : b;
  }

  /** A whole number, or {@code dflt} when absent. */
  Integer integer(String key, Integer dflt, int min, int max) {
    return has(key) ? Values.integer(ctx, get(key), path(key), min, max, false) : dflt;
  }

  /** A long whole number, or {@code dflt} when absent. */
  Long whole(String key, Long dflt, long min, long max) {
    return has(key) ? Values.whole(ctx, get(key), path(key), min, max, false) : dflt;
  }

  /** A decimal number, or {@code dflt} when absent. */
  Double decimal(String key, Double dflt, double min, double max) {
    return has(key) ? Values.decimal(ctx, get(key), path(key), min, max, false) : dflt;
  }

  /** A boolean, or {@code dflt} when absent. */
  Boolean bool(String key, Boolean dflt) {
    return has(key) ? Values.bool(ctx, get(key), path(key), false) : dflt;
  }

  /** A duration in ms (at least {@code minMs}), or {@code dflt} when absent. */
  Long duration(String key, Long dflt, long minMs) {
    return has(key) ? Values.duration(ctx, get(key), path(key), minMs) : dflt;
  }

  /** Two words and what each means, in this order (for {@link #choice}). */
  static <T> Map<String, T> choices(String a, T ta, String b, T tb) {
    Map<String, T> m = new LinkedHashMap<>();
    m.put(a, ta);
    m.put(b, tb);
    return Collections.unmodifiableMap(m);
  }

  /**
   * One of the words {@code choices} maps (listed in its order in the fix), or {@code dflt}'s value
   * when absent; null after a located "unknown {@code noun}" problem, {@code explain} appended to its fix.
   */
  <T> T choice(String key, String dflt, Map<String, T> choices, String noun, String explain) {
    String v = text(key, dflt);
    if (v == null) return null;
    T t = choices.get(v);
    if (t == null) {
      ctx.report(get(key), path(key), "unknown " + noun + " '" + Suggestions.shorten(v) + "'",
          Suggestions.fixFor(v, choices.keySet(), "use one of") + explain);
    }
    return t;
  }

  /** A name, or {@code dflt} when absent. */
  String name(String key, String dflt) {
    return has(key) ? Values.name(ctx, get(key), path(key)) : dflt;
  }

  /** Free text, or {@code dflt} when absent. */
  String text(String key, String dflt) {
    return has(key) ? Values.text(ctx, get(key), path(key)) : dflt;
  }
}
