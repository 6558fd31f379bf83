package dev.barriersim.core;

import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.failure.FailureSpec;
import dev.barriersim.core.spark.PoolSpec;
import dev.barriersim.core.spark.SimulationSettings;
import dev.barriersim.core.spark.SparkConf;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything one simulation run needs, and nothing else: the only input of {@link Simulations#run}.
 * Built by the scenarios module from YAML, or directly by tests.
 */
public record SimulationSpec(
    String name,
    long seed,
    ClusterSpec cluster,
    SparkConf conf,
    List<PoolSpec> pools,
    SimulationSettings settings,
    List<JobSpec> jobs,
    FailureSpec failures) {

  /** Fills defaults and freezes the lists. */
  public SimulationSpec {
    if (name == null || name.isEmpty()) throw new IllegalArgumentException("name is required");
    if (cluster == null) throw new IllegalArgumentException("cluster is required");
    if (conf == null) conf = SparkConf.DEFAULTS;
    pools = List.copyOf(pools == null ? List.of() : pools);
    if (settings == null) settings = SimulationSettings.DEFAULTS;
    if (jobs == null || jobs.isEmpty()) throw new IllegalArgumentException("at least one job is required");
    jobs = List.copyOf(jobs);
    if (failures == null) failures = FailureSpec.NONE;
  }

  /** The non-barrier arm: the same scenario with every barrier flag cleared. */
  public SimulationSpec withoutBarrier() {
    return new SimulationSpec(name, seed, cluster, conf, pools, settings,
        jobs.stream().map(JobSpec::withoutBarrier).toList(), failures);
  }

  /** The same scenario with another seed (a replication, or {@code --seed}). */
  public SimulationSpec withSeed(long newSeed) {
    return new SimulationSpec(name, newSeed, cluster, conf, pools, settings, jobs, failures);
  }

  /** True when some stage is a barrier stage. */
  public boolean hasBarrierStage() {
    return jobs.stream().anyMatch(j -> j.stages().stream().anyMatch(s -> s.barrier()));
  }

  /** Custom resource names of the whole scenario, sorted: the index order of every resource array. */
  public List<String> resourceNames() {
    TreeSet<String> names = new TreeSet<>(conf.taskResources().keySet());
    for (ExecutorGroup g : cluster.executors()) names.addAll(g.resources().keySet());
    for (ClusterChange c : cluster.changes()) if (c.add() != null) names.addAll(c.add().resources().keySet());
    for (JobSpec j : jobs) {
      for (StageSpec s : j.stages()) if (s.resources() != null) names.addAll(s.resources().keySet());
    }
    return new ArrayList<>(names);
  }
}
