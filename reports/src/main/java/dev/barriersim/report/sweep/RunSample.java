package dev.barriersim.report.sweep;

import dev.barriersim.core.RunResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a sweep keeps of one run: its digest, the value of each per-run metric and the completion
 * time of each job that succeeded. A {@link RunResult} is dropped as soon as its sample is taken.
 *
 * @param values metric name to value, for every metric but completion time (which pairs the arms)
 * @param completions job name to submission-to-end time, for the jobs that succeeded, in job order
 */
record RunSample(String digest, Map<String, Double> values, Map<String, Long> completions) {
  /** The sample of {@code r}. */
  static RunSample of(RunResult r) {
    Map<String, Double> v = new LinkedHashMap<>();
    v.put(SweepMetric.MAKESPAN, (double) r.makespanMs());
    v.put(SweepMetric.JOBS_FAILED, (double) r.jobs().stream().filter(j -> !"SUCCEEDED".equals(j.status())).count());
    v.put(SweepMetric.WASTED, (double) r.cores().wastedCoreMs());
    v.put(SweepMetric.CORE_UTILIZATION, r.cores().utilization());
    for (RunResult.ResourceUsage u : r.resources()) v.put(SweepMetrics.resource(u.name()), u.utilization());
    v.put(SweepMetric.BARRIER_WAIT, (double) (r.barrier().waitMs() + r.barrier().slotCheckWaitMs()));
    Map<String, Long> done = new LinkedHashMap<>();
    for (RunResult.JobResult j : r.jobs()) {
      if ("SUCCEEDED".equals(j.status()) && j.endMs() != null) done.put(j.name(), j.endMs() - j.submitMs());
    }
    return new RunSample(r.digest(), v, done);
  }
}
