package dev.barriersim.core.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shape rules of a job's stage DAG: unique names, known parents, no cycle, one result stage. */
public final class StageGraph {
  private StageGraph() {}

  /** Throws {@link IllegalArgumentException} naming the first rule the stages break. */
  public static void check(List<StageSpec> stages) {
    Map<String, StageSpec> byName = new HashMap<>();
    for (StageSpec s : stages) {
      if (byName.put(s.name(), s) != null) throw new IllegalArgumentException("duplicate stage name " + s.name());
    }
    Set<String> hasChild = new HashSet<>();
    for (StageSpec s : stages) {
      for (String p : s.parents()) {
        if (!byName.containsKey(p)) throw new IllegalArgumentException("stage " + s.name() + " names unknown parent " + p);
        if (p.equals(s.name())) throw new IllegalArgumentException("stage " + s.name() + " is its own parent");
        hasChild.add(p);
      }
    }
    List<String> results = new ArrayList<>();
    for (StageSpec s : stages) if (!hasChild.contains(s.name())) results.add(s.name());
    if (topologicalOrder(stages).size() != stages.size()) throw new IllegalArgumentException("the stages form a cycle");
    if (results.size() != 1) {
      throw new IllegalArgumentException("exactly one stage must have no children (the result stage), found " + results);
    }
  }

  /**
   * Stages ordered parents first, ties in list order: the order in which Spark's DAGScheduler
   * creates them, and so the order of their stage ids.
   */
  public static List<StageSpec> topologicalOrder(List<StageSpec> stages) {
    // The usual job of one stage: no sets to build (a stream of jobs submits one each).
    if (stages.size() == 1 && stages.get(0).parents().isEmpty()) return List.of(stages.get(0));
    List<StageSpec> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    boolean progress = true;
    while (progress && order.size() < stages.size()) {
      progress = false;
      for (StageSpec s : stages) {
        if (!done.contains(s.name()) && done.containsAll(s.parents())) {
          order.add(s);
          done.add(s.name());
          progress = true;
        }
      }
    }
    return order;
  }
}
