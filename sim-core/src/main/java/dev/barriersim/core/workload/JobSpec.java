package dev.barriersim.core.workload;

import java.util.List;

/**
 * A job: a DAG of stages submitted at {@code submitAtMs} into a scheduling pool, possibly
 * repeated. Exactly one stage has no children (the result stage); the others are shuffle map
 * stages. Stage order in the list is free; parents are named.
 */
public record JobSpec(String name, long submitAtMs, String pool, RepeatSpec repeat, List<StageSpec> stages) {
  /** Checks the DAG's shape and freezes the list. */
  public JobSpec {
    if (name == null || name.isEmpty()) throw new IllegalArgumentException("job name is required");
    if (submitAtMs < 0) throw new IllegalArgumentException("submitAt must be >= 0");
    if (pool == null) pool = "default";
    if (stages == null || stages.isEmpty()) throw new IllegalArgumentException("a job needs at least one stage");
    stages = List.copyOf(stages);
    StageGraph.check(stages);
  }

  /** The same job with every barrier flag cleared. */
  public JobSpec withoutBarrier() {
    return new JobSpec(name, submitAtMs, pool, repeat, stages.stream().map(StageSpec::withoutBarrier).toList());
  }
}
