package dev.barriersim.report.chart;

import dev.barriersim.report.Aggregates;
import dev.barriersim.report.Headline;
import dev.barriersim.report.Stats;
import dev.barriersim.report.SummaryJson;
import dev.barriersim.report.SummaryJson.EstimateJson;
import dev.barriersim.report.data.ScenarioConf;
import dev.barriersim.report.data.ScenarioFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the comparison chart draws, from {@code summary.json} alone: per metric, the mean of each
 * mode over the replications with its 95 % interval, and the paired difference (barrier minus
 * non-barrier, replication by replication) with its interval.
 *
 * @param panels metric groups sharing a unit, in drawing order; empty ones are left out
 */
record ComparisonData(List<String> modes, List<Panel> panels, int replications) {
  /** The makespan gets its own panel when every other time is below this share of it. */
  static final double SEPARATE_MAKESPAN = 0.2;
  /** Job rows at most (one per declared job); more would not be readable. */
  static final int MAX_JOB_ROWS = 10;

  /** What a panel's values are. */
  enum Kind {
    /** Milliseconds of virtual time. */
    DURATION,
    /** Core-milliseconds. */
    CORE_TIME,
    /** A fraction between 0 and 1. */
    FRACTION
  }

  /** A mean with its 95 % interval over {@code n} values (the interval is the mean itself when n is 1). */
  record Estimate(double mean, double low, double high, long n) {
    static Estimate of(EstimateJson e) {
      double[] ci = e.ci95();
      return ci == null || ci.length < 2 ? new Estimate(e.mean(), e.mean(), e.mean(), e.n())
          : new Estimate(e.mean(), ci[0], ci[1], e.n());
    }

    static Estimate of(Stats.Estimate e) {
      return new Estimate(e.mean(), e.ciLow(), e.ciHigh(), e.n());
    }
  }

  /**
   * One metric.
   *
   * @param byMode per mode that has a value, in mode order
   * @param paired null when not both modes ran
   */
  record Row(String label, Map<String, Estimate> byMode, Estimate paired) {}

  /** A group of metrics with one unit. */
  record Panel(String title, Kind kind, List<Row> rows) {}

  static ComparisonData of(ScenarioFiles in) {
    SummaryJson.Summary s = in.summary();
    Map<String, Map<String, EstimateJson>> agg = s.aggregates() == null ? Map.of() : s.aggregates();
    List<String> modes = in.modes().stream().filter(agg::containsKey).toList();
    List<Panel> panels = new ArrayList<>();

    List<Row> makespan = new ArrayList<>();
    addMetric(makespan, agg, modes, "makespan", "makespanMs", true);
    makespan = makespan.stream().map(r -> comparable(r, s)).toList();
    List<Row> time = new ArrayList<>();
    time.addAll(jobRows(in, modes));
    addMetric(time, agg, modes, "barrier TaskSets waiting for slots", "barrier.waitMs", false);
    addMetric(time, agg, modes, "barrier jobs in failed slot checks", "barrier.slotCheckWaitMs", false);
    if (!makespan.isEmpty() && !time.isEmpty() && largest(time) < largest(makespan) * SEPARATE_MAKESPAN) {
      // Days of makespan beside minutes of jobs: one axis would squash the jobs to slivers.
      panels.add(new Panel("Makespan", Kind.DURATION, makespan));
      panels.add(new Panel("Time", Kind.DURATION, time));
    } else {
      List<Row> all = new ArrayList<>(makespan);
      all.addAll(time);
      if (!all.isEmpty()) panels.add(new Panel("Time", Kind.DURATION, all));
    }

    List<Row> core = new ArrayList<>();
    addMetric(core, agg, modes, "wasted (failed or killed attempts)", "cores.wastedCoreMs", false);
    addMetric(core, agg, modes, "idle while a barrier TaskSet waited", "barrier.idleCoreMsWhileWaiting", false);
    addMetric(core, agg, modes, "held inside barrier() syncs", "barrier.syncWaitCoreMs", false);
    if (!core.isEmpty()) panels.add(new Panel("Core time", Kind.CORE_TIME, core));

    List<Row> util = new ArrayList<>();
    addMetric(util, agg, modes, "core utilization", "cores.utilization", true);
    for (String resource : resourceNames(agg, modes)) {
      addMetric(util, agg, modes, resourceLabel(resource) + " utilization", "resources." + resource + ".utilization", true);
    }
    if (!util.isEmpty()) panels.add(new Panel("Utilization", Kind.FRACTION, util));
    return new ComparisonData(modes, panels, Math.max(1, s.replications()));
  }

  /** The makespan row as is when it compares like with like; otherwise relabelled and without a difference. */
  private static Row comparable(Row makespan, SummaryJson.Summary s) {
    Headline h = Headline.of(s);
    if (h.kind() == Headline.Kind.MAKESPAN || h.kind() == Headline.Kind.SINGLE_ARM) return makespan;
    boolean failed = h.arms().stream().anyMatch(a -> a.jobsFailed() > 0);
    // A failed job ends its run early: its arm's makespan is short, not fast (the headline's rule).
    return new Row("makespan: not compared, " + (failed ? "a job failed" : "a job did not finish"),
        makespan.byMode(), null);
  }

  /** The largest bound of any estimate of {@code rows}. */
  private static double largest(List<Row> rows) {
    double max = 0;
    for (Row r : rows) {
      for (Estimate e : r.byMode().values()) max = Math.max(max, Math.max(Math.abs(e.low()), Math.abs(e.high())));
    }
    return max;
  }

  /** {@code gpu} as people write it: GPU. */
  static String resourceLabel(String name) {
    return switch (name) {
      case "gpu", "fpga", "tpu", "npu" -> name.toUpperCase(Locale.ROOT);
      default -> name;
    };
  }

  /** Adds a row for {@code metric} when some mode has it; {@code always} keeps it even when it is 0 everywhere. */
  private static void addMetric(List<Row> rows, Map<String, Map<String, EstimateJson>> agg, List<String> modes,
      String label, String metric, boolean always) {
    Map<String, Estimate> byMode = new LinkedHashMap<>();
    for (String m : modes) {
      EstimateJson e = agg.get(m).get(metric);
      if (e != null) byMode.put(m, Estimate.of(e));
    }
    if (byMode.isEmpty()) return;
    Map<String, EstimateJson> pairedGroup = agg.get(Aggregates.PAIRED);
    EstimateJson p = pairedGroup == null ? null : pairedGroup.get(metric);
    Estimate paired = p == null ? null : Estimate.of(p);
    boolean allZero = byMode.values().stream().allMatch(e -> e.mean() == 0 && e.low() == 0 && e.high() == 0);
    if (always || !allZero) rows.add(new Row(label, byMode, paired));
  }

  /** Custom resources with an aggregated utilization ({@code resources.<name>.utilization}), in file order. */
  private static Set<String> resourceNames(Map<String, Map<String, EstimateJson>> agg, List<String> modes) {
    Set<String> out = new LinkedHashSet<>();
    for (String m : modes) {
      for (String key : agg.get(m).keySet()) {
        if (key.startsWith("resources.") && key.endsWith(".utilization")) {
          out.add(key.substring("resources.".length(), key.length() - ".utilization".length()));
        }
      }
    }
    return out;
  }

  /**
   * Completion time (end minus submission) of the jobs that succeeded, one row per declared job
   * (instances of a repeated job averaged within a run), estimated over the replications; the
   * paired difference uses the replications in which both modes have a value.
   */
  private static List<Row> jobRows(ScenarioFiles in, List<String> modes) {
    List<SummaryJson.Run> runs = in.summary().runs();
    Set<String> templates = new LinkedHashSet<>();
    Map<String, Integer> instances = new LinkedHashMap<>();
    for (SummaryJson.Run r : runs) {
      if (r.replication() != 0) continue;
      Map<String, Integer> count = new LinkedHashMap<>();
      for (SummaryJson.Job j : r.jobs()) count.merge(ScenarioConf.jobTemplate(j.name()), 1, Integer::sum);
      count.forEach((t, c) -> {
        templates.add(t);
        instances.merge(t, c, Math::max);
      });
    }
    List<Row> rows = new ArrayList<>();
    int shown = 0;
    for (String template : templates) {
      if (shown++ == MAX_JOB_ROWS) break;
      // replication -> mode -> mean completion time of the template's succeeded instances
      Map<Integer, Map<String, Double>> perRep = new LinkedHashMap<>();
      for (SummaryJson.Run r : runs) {
        if (!modes.contains(r.mode())) continue;
        double sum = 0;
        int n = 0;
        for (SummaryJson.Job j : r.jobs()) {
          if (!"SUCCEEDED".equals(j.status()) || j.endMs() == null) continue;
          if (!ScenarioConf.jobTemplate(j.name()).equals(template)) continue;
          sum += j.endMs() - j.submitMs();
          n++;
        }
        if (n > 0) perRep.computeIfAbsent(r.replication(), k -> new LinkedHashMap<>()).put(r.mode(), sum / n);
      }
      Map<String, Estimate> byMode = new LinkedHashMap<>();
      for (String m : modes) {
        double[] v = perRep.values().stream().filter(x -> x.containsKey(m)).mapToDouble(x -> x.get(m)).toArray();
        if (v.length > 0) byMode.put(m, Estimate.of(Stats.of(v)));
      }
      Estimate paired = null;
      if (modes.contains("barrier") && modes.contains("non-barrier")) {
        double[] diff = perRep.values().stream().filter(x -> x.containsKey("barrier") && x.containsKey("non-barrier"))
            .mapToDouble(x -> x.get("barrier") - x.get("non-barrier")).toArray();
        if (diff.length > 0) paired = Estimate.of(Stats.of(diff));
      }
      if (byMode.isEmpty()) continue;
      int k = instances.get(template);
      List<String> notes = new ArrayList<>();
      if (k > 1) notes.add(k + " instances");
      // An empty bar would read as zero time: say why it is missing.
      modes.stream().filter(m -> !byMode.containsKey(m)).forEach(m -> notes.add("did not succeed in any " + m + " run"));
      rows.add(new Row("job " + template + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")"), byMode,
          paired));
    }
    return rows;
  }
}
