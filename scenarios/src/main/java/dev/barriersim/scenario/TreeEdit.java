package dev.barriersim.scenario;

import dev.barriersim.scenario.SetPath.Index;
import dev.barriersim.scenario.SetPath.Key;
import dev.barriersim.scenario.SetPath.Named;
import dev.barriersim.scenario.SetPath.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits a read YAML tree at a {@link SetPath}, as if the file had said something else there:
 * {@link #resolve} checks the path against the tree (names to indices, "did you mean" for an
 * unknown key or name), {@link #put} returns a new tree with one value replaced or added. Trees are
 * never changed in place: only the nodes along the path are copied.
 */
final class TreeEdit {
  private TreeEdit() {}

  /**
   * Keys known at a place of the scenario (paths with {@code [*]} for list items); the readers' own
   * lists, so a key a reader accepts is never refused here. Places not listed (resources, duration
   * specs, the {@code spark} section) take any key and leave it to the readers to judge.
   */
  private static final Map<String, List<String>> KNOWN = known();

  private static Map<String, List<String>> known() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("", ScenarioLoader.TOP_KEYS);
    m.put("cluster", ClusterReader.KEYS);
    m.put("cluster.executors[*]", ClusterReader.GROUP_KEYS);
    m.put("cluster.changes[*]", ClusterReader.CHANGE_KEYS);
    m.put("cluster.changes[*].add", ClusterReader.GROUP_KEYS);
    m.put("pools[*]", PoolReader.KEYS);
    m.put("simulation", SimulationReader.KEYS);
    m.put("simulation.latency", SimulationReader.LATENCY_KEYS);
    m.put("jobs[*]", JobReader.JOB_KEYS);
    m.put("jobs[*].repeat", JobReader.REPEAT_KEYS);
    m.put("jobs[*].stages[*]", JobReader.STAGE_KEYS);
    m.put("failures", FailureReader.KEYS);
    m.put("failures.tasks[*]", FailureReader.TASK_KEYS);
    m.put("failures.executors[*]", FailureReader.EXECUTOR_KEYS);
    m.put("run", SimulationReader.RUN_KEYS);
    return Map.copyOf(m);
  }

  /** A path checked against a tree: its steps with names turned into indices, or what is wrong and how to fix it. */
  record Resolved(List<Step> steps, String error, String fix, String at) {
    boolean ok() {
      return error == null;
    }
  }

  /** Checks {@code path} against {@code root}; missing keys are fine where the scenario allows them (they are added). */
  static Resolved resolve(YamlNode.Mapping root, SetPath path) {
    List<Step> out = new ArrayList<>();
    YamlNode node = root;
    List<Step> steps = path.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String here = SetPath.display(out);
      if (step instanceof Key k) {
        YamlNode.Entry e = node instanceof YamlNode.Mapping m ? m.entries().get(k.key()) : null;
        if (e == null && node != null && !(node instanceof YamlNode.Mapping) && !isNull(node)) {
          return fail(here.isEmpty() ? "the document" : here, "is " + node.describe() + ", so it has no key '"
              + Suggestions.shorten(k.key()) + "'", "set " + (here.isEmpty() ? "a key" : here) + " itself, or check the path");
        }
        List<String> known = KNOWN.get(LoadContext.pattern(here));
        if (e == null && known != null && !known.contains(k.key())) {
          return fail(LoadContext.child(here, k.key()), "unknown key '" + Suggestions.shorten(k.key()) + "'",
              Suggestions.fixFor(k.key(), known, "keys here"));
        }
        if (e == null) {
          // Absent: added, with mappings for the keys below it; a list item cannot be made up.
          for (int j = i + 1; j < steps.size(); j++) {
            if (!(steps.get(j) instanceof Key)) {
              return fail(SetPath.display(steps.subList(0, j)), "is not in the scenario, so "
                  + SetPath.display(steps.subList(j, j + 1)) + " selects nothing",
                  "set the whole list instead, e.g. --set '" + SetPath.display(steps.subList(0, j)) + "=[...]'");
            }
          }
          out.add(k);
          for (int j = i + 1; j < steps.size(); j++) {
            String p = SetPath.display(out);
            Key next = (Key) steps.get(j);
            List<String> below = KNOWN.get(LoadContext.pattern(p));
            if (below != null && !below.contains(next.key())) {
              return fail(LoadContext.child(p, next.key()), "unknown key '" + Suggestions.shorten(next.key()) + "'",
                  Suggestions.fixFor(next.key(), below, "keys here"));
            }
            out.add(next);
          }
          return new Resolved(out, null, null, null);
        }
        out.add(k);
        node = e.value();
      } else {
        if (!(node instanceof YamlNode.Sequence s)) {
          return fail(here, "is " + (node == null ? "not in the scenario" : node.describe()) + ", not a list",
              "select list items only in lists, e.g. cluster.executors[0] or jobs[etl]");
        }
        int index;
        if (step instanceof Index x) {
          index = x.index();
          if (index >= s.items().size()) {
            return fail(LoadContext.index(here, index), "the list has " + s.items().size()
                + (s.items().size() == 1 ? " item" : " items"), s.items().size() == 1 ? "use index 0"
                : "use an index from 0 to " + (s.items().size() - 1));
          }
        } else {
          String name = ((Named) step).name();
          Map<String, Integer> byName = YamlLocator.indexByName(s);
          Integer found = byName.get(name);
          if (found == null) {
            List<String> names = names(s);
            return fail(here + "[" + name + "]", names.isEmpty() ? "the items of this list have no names"
                : "no item is named '" + Suggestions.shorten(name) + "'",
                names.isEmpty() ? "select by index, e.g. " + here + "[0]" : Suggestions.fixFor(name, names, "names here"));
          }
          index = found;
        }
        out.add(new Index(index));
        node = s.items().get(index);
      }
    }
    return new Resolved(out, null, null, null);
  }

  private static boolean isNull(YamlNode n) {
    return n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL;
  }

  private static List<String> names(YamlNode.Sequence s) {
    List<String> out = new ArrayList<>();
    for (YamlNode item : s.items()) {
      if (item instanceof YamlNode.Mapping m && m.entries().get("name") != null
          && m.entries().get("name").value() instanceof YamlNode.Scalar n) {
        out.add(n.text());
      }
    }
    return out;
  }

  private static Resolved fail(String at, String error, String fix) {
    return new Resolved(null, error, fix, at);
  }

  /**
   * {@code root} with {@code value} at {@code steps} (keys and indices, as {@link #resolve} returns
   * them); absent keys (and mappings on the way) are added at the end of their mapping, located
   * where {@code value} is.
   */
  static YamlNode.Mapping put(YamlNode.Mapping root, List<Step> steps, YamlNode value) {
    return (YamlNode.Mapping) put(root, steps, 0, value);
  }

  private static YamlNode put(YamlNode node, List<Step> steps, int i, YamlNode value) {
    if (i == steps.size()) return value;
    Step step = steps.get(i);
    if (step instanceof Key k) {
      YamlNode.Mapping m = node instanceof YamlNode.Mapping mm ? mm
          : new YamlNode.Mapping(node == null ? value.line() : node.line(), node == null ? value.column() : node.column(),
              Map.of());
      Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(m.entries());
      YamlNode.Entry old = entries.get(k.key());
      YamlNode child = put(old == null ? null : old.value(), steps, i + 1, value);
      entries.put(k.key(), old == null ? new YamlNode.Entry(k.key(), value.line(), value.column(), child)
          : new YamlNode.Entry(k.key(), old.line(), old.column(), child));
      return new YamlNode.Mapping(m.line(), m.column(), entries);
    }
    YamlNode.Sequence s = (YamlNode.Sequence) node;
    int index = ((Index) step).index();
    List<YamlNode> items = new ArrayList<>(s.items());
    items.set(index, put(items.get(index), steps, i + 1, value));
    return new YamlNode.Sequence(s.line(), s.column(), items);
  }

  /** {@code root} without its top-level {@code key}. */
  static YamlNode.Mapping without(YamlNode.Mapping root, String key) {
    if (!root.entries().containsKey(key)) return root;
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(root.entries());
    entries.remove(key);
    return new YamlNode.Mapping(root.line(), root.column(), entries);
  }

  /** A copy of {@code node} located at ({@code line}, {@code column}) throughout: a value that came from outside the file. */
  static YamlNode relocate(YamlNode node, int line, int column) {
    if (node instanceof YamlNode.Scalar s) return s.at(line, column);
    if (node instanceof YamlNode.Sequence s) {
      List<YamlNode> items = new ArrayList<>();
      for (YamlNode item : s.items()) items.add(relocate(item, line, column));
      return new YamlNode.Sequence(line, column, items);
    }
    YamlNode.Mapping m = (YamlNode.Mapping) node;
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    for (YamlNode.Entry e : m.entries().values()) {
      entries.put(e.key(), new YamlNode.Entry(e.key(), line, column, relocate(e.value(), line, column)));
    }
    return new YamlNode.Mapping(line, column, entries);
  }
}
