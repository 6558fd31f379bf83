package dev.barriersim.core.properties.checks;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Lookups from the spec: job instances to job specs, stages, and each stage's per-task demand. */
final class SpecIndex {
  final SimulationSpec spec;
  private final Map<String, JobSpec> jobs = new HashMap<>();

  SpecIndex(SimulationSpec spec) {
    this.spec = spec;
    for (JobSpec j : spec.jobs()) jobs.put(j.name(), j);
  }

  /** The job spec of an instance name ({@code train} or {@code train#3}). */
  JobSpec job(String instance) {
    JobSpec j = jobs.get(instance);
    if (j != null) return j;
    int i = instance.lastIndexOf('#');
    return i < 0 ? null : jobs.get(instance.substring(0, i));
  }

  StageSpec stage(String instance, String stage) {
    JobSpec j = job(instance);
    if (j == null) return null;
    for (StageSpec s : j.stages()) if (s.name().equals(stage)) return s;
    return null;
  }

  /** True when {@code stage} is its job's result stage (no other stage names it as a parent). */
  boolean isResult(String instance, String stage) {
    JobSpec j = job(instance);
    for (StageSpec s : j.stages()) if (s.parents().contains(stage)) return false;
    return true;
  }

  int cpus() {
    return spec.conf().taskCpus();
  }

  /** Custom resources one task of the stage needs (stage override, else spark.task.resource.*), zeros dropped. */
  Map<String, Integer> resources(String instance, String stage) {
    StageSpec s = stage(instance, stage);
    Map<String, Integer> r = s != null && s.resources() != null ? s.resources() : spec.conf().taskResources();
    Map<String, Integer> out = new TreeMap<>();
    r.forEach((k, v) -> {
      if (v > 0) out.put(k, v);
    });
    return out;
  }
}
