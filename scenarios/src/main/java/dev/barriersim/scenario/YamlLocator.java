package dev.barriersim.scenario;

import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a node again by its path in a tree that was already read without problems, so that checks
 * across sections (which work on the built specs) can point at the key they are about.
 */
final class YamlLocator {
  private YamlLocator() {}

  /**
   * The entry reached from {@code from} by {@code steps} (String keys and Integer list indices; the
   * last step is a key), or null when the tree has another shape.
   */
  static YamlNode.Entry entry(YamlNode from, Object... steps) {
    if (steps.length == 0 || !(steps[steps.length - 1] instanceof String key)) return null;
    Object[] parent = Arrays.copyOf(steps, steps.length - 1);
    return node(from, parent) instanceof YamlNode.Mapping m ? m.entries().get(key) : null;
  }

  /** The node reached from {@code from} by {@code steps}, or null when the tree has another shape. */
  static YamlNode node(YamlNode from, Object... steps) {
    YamlNode at = from;
    for (Object step : steps) {
      if (step instanceof String key && at instanceof YamlNode.Mapping m && m.entries().containsKey(key)) {
        at = m.entries().get(key).value();
      } else if (step instanceof Integer i && at instanceof YamlNode.Sequence s && i >= 0 && i < s.items().size()) {
        at = s.items().get(i);
      } else {
        return null;
      }
    }
    return at;
  }

  /** List index of each item of {@code list} by its {@code name} scalar (the first item wins); empty for a non-list. */
  static Map<String, Integer> indexByName(YamlNode list) {
    Map<String, Integer> out = new HashMap<>(); // lookups only: never iterated into output
    if (!(list instanceof YamlNode.Sequence s)) return out;
    for (int i = 0; i < s.items().size(); i++) {
      if (s.items().get(i) instanceof YamlNode.Mapping m && m.entries().get("name") != null
          && m.entries().get("name").value() instanceof YamlNode.Scalar n) {
        out.putIfAbsent(n.text(), i);
      }
    }
    return out;
  }

  /** A stage of a built job together with where it stands in the YAML tree. */
  record LocatedStage(JobSpec job, int jobIndex, StageSpec stage, int stageIndex) {
    /** The YAML steps to {@code key} of this stage, for {@link #entry}. */
    Object[] steps(String key) {
      return new Object[] {"jobs", jobIndex, "stages", stageIndex, key};
    }

    /** The dotted path of {@code key} of this stage, as problems name it. */
    String path(String key) {
      return "jobs[" + jobIndex + "].stages[" + stageIndex + "]." + key;
    }
  }

  /** Every stage of {@code jobs} found again under {@code root}'s {@code jobs} by job and stage name, in job order. */
  static List<LocatedStage> stages(YamlNode.Mapping root, List<JobSpec> jobs) {
    List<LocatedStage> out = new ArrayList<>();
    Map<String, Integer> jobIndex = indexByName(node(root, "jobs"));
    for (JobSpec job : jobs) {
      Integer j = jobIndex.get(job.name());
      if (j == null) continue;
      Map<String, Integer> stageIndex = indexByName(node(root, "jobs", j, "stages"));
      for (StageSpec stage : job.stages()) {
        Integer s = stageIndex.get(stage.name());
        if (s != null) out.add(new LocatedStage(job, j, stage, s));
      }
    }
    return out;
  }
}
