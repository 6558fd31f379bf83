package dev.barriersim.scenario;

import dev.barriersim.core.spark.PoolSpec;
import dev.barriersim.core.spark.SchedulingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads {@code pools:}, the FAIR scheduling pools of {@code fairscheduler.xml}. */
final class PoolReader {
  private PoolReader() {}

  static final List<String> KEYS = List.of("name", "schedulingMode", "weight", "minShare");
  private static final int MAX_POOLS = 10_000;

  /** Reads the list; every declared name goes into {@code names} even when the pool is otherwise invalid. */
  static List<PoolSpec> read(LoadContext c, YamlNode n, String path, Set<String> names) {
    YamlNode.Sequence seq = Values.list(c, n, path, MAX_POOLS);
    if (seq == null) return null;
    int before = c.problemCount();
    List<PoolSpec> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < seq.items().size(); i++) {
      String p = LoadContext.index(path, i);
      Fields f = Fields.of(c, seq.items().get(i), p, KEYS);
      if (f == null) continue;
      int mine = c.problemCount();
      String name = f.require("name", "ml") ? f.name("name", null) : null;
      if (name != null && !seen.add(name)) {
        c.report(f.get("name"), f.path("name"), "duplicate pool name '" + name + "'", "declare each pool once");
      }
      if (name != null) names.add(name);
      SchedulingMode mode = mode(c, f);
      Integer weight = f.integer("weight", 1, 0, Integer.MAX_VALUE);
      Integer minShare = f.integer("minShare", 0, 0, Integer.MAX_VALUE);
      if (c.problemCount() != mine) continue;
      out.add(c.build(f.node(), p, () -> new PoolSpec(name, mode, weight, minShare)));
    }
    return c.problemCount() == before ? out : null;
  }

  private static SchedulingMode mode(LoadContext c, Fields f) {
    String m = f.text("schedulingMode", "FIFO");
    if (m == null) return null;
    return switch (m.toUpperCase(Locale.ROOT)) {
      case "FIFO" -> SchedulingMode.FIFO;
      case "FAIR" -> SchedulingMode.FAIR;
      default -> {
        c.report(f.get("schedulingMode"), f.path("schedulingMode"), "'" + Suggestions.shorten(m) + "' is not a scheduling mode", "write FIFO or FAIR");
        yield null;
      }
    };
  }
}
