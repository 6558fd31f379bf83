package dev.barriersim.scenario;

import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.cluster.ExecutorGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads {@code cluster:}: executor groups at time 0 and the timed changes (joins, graceful decommissions). */
final class ClusterReader {
  private ClusterReader() {}

  static final List<String> KEYS = List.of("executors", "changes");
  static final List<String> GROUP_KEYS = List.of("count", "cores", "resources", "executorsPerHost", "rack",
      "launchLatency");
  static final List<String> CHANGE_KEYS = List.of("at", "add", "decommission");
  /** Most executors in one group, and most cores per executor. */
  static final int MAX_COUNT = 1_000_000;
  private static final int MAX_ITEMS = 100_000;
  private static final Pattern EXECUTOR_ID = Pattern.compile("0|[1-9]\\d{0,8}");

  /** Reads the section; null after problems. */
  static ClusterSpec read(LoadContext c, YamlNode n, String path) {
    Fields f = Fields.of(c, n, path, KEYS);
    if (f == null) return null;
    int before = c.problemCount();
    List<ExecutorGroup> groups = new ArrayList<>();
    if (f.require("executors", "[{count: 2, cores: 4}]")) {
      YamlNode.Sequence seq = Values.list(c, f.get("executors"), f.path("executors"), MAX_ITEMS);
      if (seq != null && seq.items().isEmpty()) {
        c.report(seq, f.path("executors"), "the list is empty", "add at least one group, e.g. - {count: 2, cores: 4}");
      } else if (seq != null) {
        for (int i = 0; i < seq.items().size(); i++) {
          groups.add(group(c, seq.items().get(i), LoadContext.index(f.path("executors"), i)));
        }
      }
    }
    long known = groups.contains(null) ? -1 : groups.stream().mapToLong(ExecutorGroup::count).sum();
    List<ClusterChange> changes = f.has("changes") ? changes(c, f.get("changes"), f.path("changes"), known) : List.of();
    if (c.problemCount() != before || changes == null) return null;
    return c.build(f.node(), path, () -> new ClusterSpec(groups, changes));
  }

  /** Reads one executor group (also the {@code add:} of a change). */
  static ExecutorGroup group(LoadContext c, YamlNode n, String path) {
    Fields f = Fields.of(c, n, path, GROUP_KEYS);
    if (f == null) return null;
    int before = c.problemCount();
    Integer count = f.integer("count", 1, 1, MAX_COUNT);
    Integer cores = f.require("cores", "4") ? f.integer("cores", null, 1, MAX_COUNT) : null;
    Map<String, Integer> resources = f.has("resources") ? resources(c, f.get("resources"), f.path("resources")) : Map.of();
    Integer perHost = f.integer("executorsPerHost", 1, 1, MAX_COUNT);
    String rack = f.name("rack", null);
    Long launchLatency = f.duration("launchLatency", ExecutorGroup.SIMULATION_LATENCY, 0);
    if (c.problemCount() != before) return null;
    return c.build(f.node(), path, () -> new ExecutorGroup(count, cores, resources, perHost, rack, launchLatency));
  }

  /** A {@code {name: amount}} map of custom resources (executor's or a task's), amounts whole and >= 0. */
  static Map<String, Integer> resources(LoadContext c, YamlNode n, String path) {
    Fields f = Fields.of(c, n, path, null);
    if (f == null) return null;
    Map<String, Integer> out = new TreeMap<>();
    boolean ok = true;
    for (YamlNode.Entry e : f.node().entries().values()) {
      String p = f.path(e.key());
      if (c.notYetSupported(p)) {
        ok = false;
      } else if (!Values.NAME.matcher(e.key()).matches()) {
        c.report(e.line(), e.column(), p, "'" + Suggestions.shorten(e.key()) + "' is not a valid resource name",
            "use letters, digits, '.', '_' and '-', e.g. gpu");
        ok = false;
      } else {
        Integer v = Values.integer(c, e.value(), p, 0, Integer.MAX_VALUE, false);
        if (v == null) ok = false;
        else out.put(e.key(), v);
      }
    }
    return ok ? out : null;
  }

  /**
   * Reads {@code changes:}. They must be listed in time order, so that the ids of joining executors
   * ("ids continue the sequence") follow the list; {@code known} is the executor count at time 0
   * (-1 when unknown, which turns the id checks off).
   */
  private static List<ClusterChange> changes(LoadContext c, YamlNode n, String path, long known) {
    YamlNode.Sequence seq = Values.list(c, n, path, MAX_ITEMS);
    if (seq == null) return null;
    List<ClusterChange> out = new ArrayList<>();
    long existing = known;
    long lastAt = 0;
    Set<String> decommissioned = new HashSet<>();
    boolean ok = true;
    for (int i = 0; i < seq.items().size(); i++) {
      String p = LoadContext.index(path, i);
      Fields f = Fields.of(c, seq.items().get(i), p, CHANGE_KEYS);
      if (f == null) {
        ok = false;
        existing = -1;
        continue;
      }
      int before = c.problemCount();
      Long at = f.require("at", "5m") ? f.duration("at", null, 0) : null;
      if (at != null && at < lastAt) {
        c.report(f.get("at"), f.path("at"), "changes are not in time order: " + Durations.format(at) + " comes after "
            + Durations.format(lastAt), "list the changes by increasing 'at' (executor ids follow this order)");
      }
      if (at != null) lastAt = Math.max(lastAt, at);
      if (!f.has("add") && !f.has("decommission")) {
        c.report(f.node(), p, "the change neither adds nor decommissions executors", "add 'add: {count: 2, cores: 4}' or 'decommission: [\"0\"]'");
      }
      ExecutorGroup add = f.has("add") ? group(c, f.get("add"), f.path("add")) : null;
      if (f.has("add") && add == null) existing = -1;
      if (add != null && existing >= 0) existing += add.count();
      List<String> ids = f.has("decommission")
          ? executorIds(c, f.get("decommission"), f.path("decommission"), existing, at, decommissioned) : List.of();
      if (c.problemCount() != before || ids == null) {
        ok = false;
        continue;
      }
      ClusterChange change = c.build(f.node(), p, () -> new ClusterChange(at, add, ids));
      if (change == null) ok = false;
      out.add(change);
    }
    return ok ? out : null;
  }

  private static List<String> executorIds(LoadContext c, YamlNode n, String path, long existing, Long at, Set<String> seen) {
    YamlNode.Sequence seq = Values.list(c, n, path, MAX_ITEMS);
    if (seq == null) return null;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      String p = LoadContext.index(path, i);
      YamlNode item = seq.items().get(i);
      String id = executorId(c, item, p, existing, at);
      if (id == null) return null;
      if (!seen.add(id)) {
        c.report(item, p, "executor '" + id + "' is decommissioned twice", "name each executor once");
        return null;
      }
      ids.add(id);
    }
    return ids;
  }

  /**
   * An executor id ("0", "1", ...; a YAML integer is accepted too) that exists at {@code at}, given
   * {@code existing} executors by then (-1: unknown, not checked).
   */
  static String executorId(LoadContext c, YamlNode n, String path, long existing, Long at) {
    String id = Values.text(c, n, path);
    if (id == null) return null;
    if (!EXECUTOR_ID.matcher(id).matches()) {
      c.report(n, path, "'" + Suggestions.shorten(id) + "' is not an executor id", "executor ids are \"0\", \"1\", ... in the order executors join");
      return null;
    }
    if (existing >= 0 && Long.parseLong(id) >= existing) {
      String when = at == null ? "" : " at " + Durations.format(at);
      c.report(n, path, "executor '" + id + "' cannot exist" + when + ": only " + existing + " executor"
          + (existing == 1 ? "" : "s") + " (ids 0.." + (existing - 1) + ") have joined by then",
          "name an executor from 0 to " + (existing - 1) + ", or add executors earlier in cluster.changes");
      return null;
    }
    return id;
  }

  /** How many executors have joined by {@code atMs}: the groups at time 0 plus the adds up to then. */
  static long executorsBy(ClusterSpec cluster, long atMs) {
    long n = cluster.executors().stream().mapToLong(ExecutorGroup::count).sum();
    for (ClusterChange ch : cluster.changes()) {
      if (ch.atMs() <= atMs && ch.add() != null) n += ch.add().count();
    }
    return n;
  }
}
