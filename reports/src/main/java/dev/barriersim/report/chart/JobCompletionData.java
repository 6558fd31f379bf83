package dev.barriersim.report.chart;

import dev.barriersim.report.SummaryJson;
import dev.barriersim.report.data.ScenarioConf;
import dev.barriersim.report.data.ScenarioFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the job completion chart draws, from {@code summary.json}: per mode, the sorted completion
 * times (end minus submission) of the jobs that succeeded, every replication pooled; and per job
 * that succeeded in both modes of one replication, its slowdown barrier over non-barrier.
 *
 * @param cdfs one per mode with at least one succeeded job, in mode order
 * @param jobs per mode, how many job instances ran in all (succeeded or not)
 * @param templates declared job names, in order of first appearance
 */
record JobCompletionData(List<Cdf> cdfs, Map<String, Integer> jobs, List<Slowdown> slowdowns, List<String> templates,
    int replications, int maxJobsPerRun) {

  /** Sorted completion times of one mode; the CDF steps to {@code (i + 1) / n} at {@code sortedMs[i]}. */
  record Cdf(String mode, long[] sortedMs) {
    /** The share of jobs done within {@code ms}. */
    double at(long ms) {
      int n = 0;
      for (long v : sortedMs) if (v <= ms) n++;
      return sortedMs.length == 0 ? 0 : (double) n / sortedMs.length;
    }
  }

  /** One job instance of one replication that succeeded in both modes. */
  record Slowdown(String job, int replication, long nonBarrierMs, long barrierMs) {
    /** Barrier time over non-barrier time (above 1: slower with barrier). */
    double ratio() {
      return nonBarrierMs == 0 ? 1 : (double) barrierMs / nonBarrierMs;
    }
  }

  /** Whether the chart applies: some run had several jobs (several declared, or a repeated one). */
  boolean applies() {
    return maxJobsPerRun > 1 && !cdfs.isEmpty();
  }

  static JobCompletionData of(ScenarioFiles in) {
    List<SummaryJson.Run> runs = in.summary().runs();
    int maxJobs = runs.stream().mapToInt(r -> r.jobs().size()).max().orElse(0);
    List<Cdf> cdfs = new ArrayList<>();
    Map<String, Integer> jobs = new LinkedHashMap<>();
    Set<String> templates = new LinkedHashSet<>();
    for (String mode : in.modes()) {
      List<Long> times = new ArrayList<>();
      int all = 0;
      for (SummaryJson.Run r : runs) {
        if (!r.mode().equals(mode)) continue;
        for (SummaryJson.Job j : r.jobs()) {
          all++;
          templates.add(ScenarioConf.jobTemplate(j.name()));
          Long t = completion(j);
          if (t != null) times.add(t);
        }
      }
      jobs.put(mode, all);
      if (times.isEmpty()) continue;
      long[] sorted = times.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(sorted);
      cdfs.add(new Cdf(mode, sorted));
    }
    return new JobCompletionData(cdfs, jobs, slowdowns(runs), new ArrayList<>(templates),
        Math.max(1, in.summary().replications()), maxJobs);
  }

  private static Long completion(SummaryJson.Job j) {
    return "SUCCEEDED".equals(j.status()) && j.endMs() != null ? j.endMs() - j.submitMs() : null;
  }

  private static List<Slowdown> slowdowns(List<SummaryJson.Run> runs) {
    // replication -> job -> completion time without barrier
    Map<Integer, Map<String, Long>> plain = new LinkedHashMap<>();
    for (SummaryJson.Run r : runs) {
      if (!r.mode().equals("non-barrier")) continue;
      Map<String, Long> m = plain.computeIfAbsent(r.replication(), k -> new LinkedHashMap<>());
      for (SummaryJson.Job j : r.jobs()) {
        Long t = completion(j);
        if (t != null) m.put(j.name(), t);
      }
    }
    List<Slowdown> out = new ArrayList<>();
    for (SummaryJson.Run r : runs) {
      if (!r.mode().equals("barrier")) continue;
      Map<String, Long> m = plain.getOrDefault(r.replication(), Map.of());
      for (SummaryJson.Job j : r.jobs()) {
        Long t = completion(j);
        Long p = m.get(j.name());
        if (t != null && p != null) out.add(new Slowdown(j.name(), r.replication(), p, t));
      }
    }
    return out;
  }
}
