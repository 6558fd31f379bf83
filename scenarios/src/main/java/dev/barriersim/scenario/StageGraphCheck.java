package dev.barriersim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DAG rules of one job, with positions: every parent is a stage of the job, no stage is its
 * own ancestor, and exactly one stage has no children (the result stage).
 */
final class StageGraphCheck {
  private StageGraphCheck() {}

  /** A parent reference as written, with where it was written. */
  record ParentRef(String name, YamlNode node, String path) {}

  /** A stage as far as the graph is concerned (null parents: unreadable, skip its edges). */
  record Node(String name, YamlNode node, String path, List<ParentRef> parents) {}

  /** Reports every broken rule of the graph (only unknown parents when names repeat); true when sound. */
  static boolean check(LoadContext c, List<Node> stages, boolean namesUnique, YamlNode stagesNode, String stagesPath) {
    Map<String, Node> byName = new LinkedHashMap<>();
    for (Node s : stages) byName.putIfAbsent(s.name(), s);
    boolean ok = true;
    for (Node s : stages) {
      for (ParentRef p : s.parents()) {
        if (p.name().equals(s.name())) {
          c.report(p.node(), p.path(), "stage '" + s.name() + "' names itself as a parent", "remove it from parents");
          ok = false;
        } else if (!byName.containsKey(p.name())) {
          c.report(p.node(), p.path(), "unknown parent '" + p.name() + "': no stage of this job has that name",
              Suggestions.fixFor(p.name(), byName.keySet(), "stages of this job"));
          ok = false;
        }
      }
    }
    // With a duplicate name the edges are ambiguous; the duplicate is reported already.
    if (!ok || !namesUnique) return false;
    List<String> cycle = findCycle(byName);
    if (cycle != null) {
      Node at = byName.get(cycle.get(0));
      c.report(at.node(), at.path(), "the stages form a cycle: " + String.join(" -> ", cycle) + " (each names the next as a parent)",
          "remove one of these parent links; a job's stages must form a DAG");
      return false;
    }
    Map<String, Boolean> hasChild = new LinkedHashMap<>();
    for (Node s : stages) hasChild.putIfAbsent(s.name(), false);
    for (Node s : stages) for (ParentRef p : s.parents()) hasChild.put(p.name(), true);
    List<String> results = new ArrayList<>();
    hasChild.forEach((name, child) -> {
      if (!child) results.add(name);
    });
    if (results.size() > 1) {
      Node second = byName.get(results.get(1));
      c.report(second.node(), second.path(), "the job has " + results.size() + " result stages (stages no other stage names as a parent): '"
          + String.join("', '", results) + "'; Spark jobs have exactly one",
          "make '" + results.get(1) + "' a parent of a later stage, or move it to its own job");
      return false;
    }
    if (results.isEmpty()) {
      c.report(stagesNode, stagesPath, "every stage is some stage's parent, so there is no result stage", "the last stage must be no one's parent");
      return false;
    }
    return true;
  }

  /** A cycle as a list of names (first repeated at the end), found by depth-first search in list order. */
  private static List<String> findCycle(Map<String, Node> byName) {
    Map<String, Integer> state = new LinkedHashMap<>(); // 1: on the path, 2: done
    for (String start : byName.keySet()) {
      List<String> path = new ArrayList<>();
      List<String> found = dfs(start, byName, state, path);
      if (found != null) return found;
    }
    return null;
  }

  private static List<String> dfs(String name, Map<String, Node> byName, Map<String, Integer> state, List<String> path) {
    Integer s = state.get(name);
    if (s != null && s == 2) return null;
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      return cycle;
    }
    state.put(name, 1);
    path.add(name);
    for (ParentRef p : byName.get(name).parents()) {
      List<String> found = dfs(p.name(), byName, state, path);
      if (found != null) return found;
    }
    path.remove(path.size() - 1);
    state.put(name, 2);
    return null;
  }
}
