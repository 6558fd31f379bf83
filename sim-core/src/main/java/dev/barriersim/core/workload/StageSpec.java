package dev.barriersim.core.workload;

import dev.barriersim.core.random.DurationSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stage of a job: {@code tasks} partitions, barrier or not, its parent stages (shuffle
 * dependencies) by name, per-task custom resources ({@code null}: the {@code spark.task.resource.*}
 * defaults), and one duration spec per phase. A barrier task calls {@code barrier()} between
 * consecutive phases; a non-barrier task runs them back to back. {@code locality} (null: none)
 * says where its partitions would rather run.
 */
public record StageSpec(
    String name,
    int tasks,
    boolean barrier,
    List<String> parents,
    Map<String, Integer> resources,
    List<DurationSpec> phases,
    StragglerSpec stragglers,
    StageLocality locality) {

  /** A stage whose partitions have no locality of their own. */
  public StageSpec(String name, int tasks, boolean barrier, List<String> parents, Map<String, Integer> resources,
      List<DurationSpec> phases, StragglerSpec stragglers) {
    this(name, tasks, barrier, parents, resources, phases, stragglers, null);
  }

  /** Checks sizes and freezes collections. */
  public StageSpec {
    if (name == null || name.isEmpty()) throw new IllegalArgumentException("stage name is required");
    if (tasks < 1) throw new IllegalArgumentException("tasks must be >= 1");
    parents = List.copyOf(parents == null ? List.of() : parents);
    resources = resources == null ? null : Map.copyOf(new TreeMap<>(resources));
    if (phases == null || phases.isEmpty()) throw new IllegalArgumentException("a stage needs at least one phase");
    phases = List.copyOf(phases);
    for (DurationSpec p : phases) p.checkPartitions(tasks);
  }

  /** The same stage with the barrier flag cleared (the non-barrier arm of a comparison). */
  public StageSpec withoutBarrier() {
    return new StageSpec(name, tasks, false, parents, resources, phases, stragglers, locality);
  }
}
