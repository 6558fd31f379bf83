package dev.barriersim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.barriersim.report.SummaryJson.Job;
import dev.barriersim.report.SummaryJson.Run;
import dev.barriersim.report.SummaryJson.Summary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The honest headline of one scenario, built from its {@code summary.json}: per arm the mean, 95 %
 * interval and n over all replications, the paired difference (barrier minus non-barrier), jobs
 * failed out of jobs run and the first failure reason. Makespan is the comparison only when every
 * job of both arms succeeded, because a failed job ends its run early and makes that arm look fast;
 * otherwise the comparison is the completion time of the jobs that succeeded in both arms, or a
 * plain statement that the arms are not comparable.
 *
 * @param scenario the scenario's name
 * @param seed the base seed
 * @param replications replications per arm
 * @param kind what the headline compares
 * @param arms the modes that ran, in summary order
 * @param compared the comparison line (makespan or completion time); empty when not comparable
 * @param jobsCompared for {@link Kind#COMPLETION_TIME}: the number of (replication, job) pairs
 *     that succeeded in both arms
 * @param lines further lines: wasted core time, core and resource utilization, the share of core time
 *     inside {@code barrier()} (when tasks spent any there), barrier wait
 */
public record Headline(String scenario, long seed, int replications, Kind kind, List<Arm> arms,
    Optional<Line> compared, int jobsCompared, List<Line> lines) {

  /** The arm run as written. */
  public static final String BARRIER = "barrier";
  /** The arm with every barrier flag cleared. */
  public static final String NON_BARRIER = "non-barrier";
  /** The note of the barrier-wait line. */
  public static final String BARRIER_WAIT_NOTE = "from job submission, slot-check retries included";
  /** The label of the line of core time inside {@code barrier()}, a share of all core time. */
  public static final String SYNC_WAIT = "core time inside barrier()";
  /** The note of the utilization lines where tasks waited inside {@code barrier()}: that wait counts as busy. */
  public static final String HELD_NOTE = "held by running tasks, time inside barrier() included";

  /** Freezes the lists. */
  public Headline {
    arms = List.copyOf(arms);
    lines = List.copyOf(lines);
  }

  /** What the headline compares. */
  public enum Kind {
    /** Every job of both arms succeeded: makespan per arm and its paired difference. */
    MAKESPAN,
    /** Some job failed or did not finish: completion time of the jobs that succeeded in both arms. */
    COMPLETION_TIME,
    /** Some job failed and no job succeeded in both arms: nothing fair to compare. */
    NOT_COMPARABLE,
    /** Only one mode ran: that mode alone, no comparison. */
    SINGLE_ARM
  }

  /**
   * One mode's jobs over all its replications.
   *
   * @param outcomes run outcome to the number of runs that ended so, by outcome name
   * @param jobsUnfinished jobs still running (or never started) when their run stopped
   * @param firstFailure the first failed job in replication order, then job order
   */
  public record Arm(String mode, int runs, Map<String, Integer> outcomes, int jobsRun, int jobsFailed,
      int jobsUnfinished, Optional<Failure> firstFailure) {
    /** Keeps the outcome order. */
    public Arm {
      outcomes = Collections.unmodifiableMap(new TreeMap<>(outcomes));
    }

    /** Jobs that did not succeed: failed or unfinished. */
    public int jobsNotSucceeded() {
      return jobsFailed + jobsUnfinished;
    }

    /** {@code 2 of 40 jobs failed}, plus unfinished jobs when there are any. */
    public String jobsText() {
      String s = jobsFailed + " of " + jobsRun + " jobs failed";
      return jobsUnfinished == 0 ? s : s + ", " + jobsUnfinished + " unfinished";
    }

    /** True when some run stopped before all its jobs ended (horizon, event limit, stall). */
    public boolean someRunIncomplete() {
      return outcomes.keySet().stream().anyMatch(o -> !o.equals("COMPLETED"));
    }
  }

  /** A failed job and Spark's reason, verbatim. */
  public record Failure(String mode, int replication, String job, String reason) {}

  /**
   * One headline metric: an estimate per arm and the paired difference.
   *
   * @param note what the number means, or empty
   * @param arms mode to estimate, in arm order; a mode may be missing (e.g. barrier wait)
   * @param difference barrier minus non-barrier, paired by replication; empty when not paired
   */
  public record Line(String label, String note, Unit unit, Map<String, Estimate> arms, Optional<Estimate> difference) {
    /** Keeps the arm order. */
    public Line {
      arms = Collections.unmodifiableMap(new LinkedHashMap<>(arms));
    }

    /** The largest n of the line's estimates: the n shown for the line. */
    public long n() {
      long n = difference.map(Estimate::n).orElse(0L);
      for (Estimate e : arms.values()) n = Math.max(n, e.n());
      return n;
    }
  }

  /** Mean and Student-t 95 % interval of {@code n} values. */
  public record Estimate(double mean, double low, double high, long n) {
    /** Summarizes values (at least one). */
    public static Estimate of(double[] values) {
      Stats.Estimate e = Stats.of(values);
      return new Estimate(e.mean(), e.ciLow(), e.ciHigh(), e.n());
    }

    /** An interval worth showing: more than one value, and not all equal. */
    public boolean hasInterval() {
      return n > 1 && high > low;
    }

    /** {@code 7m 5.4s [6m 24.1s, 7m 46.6s]}, or the mean alone when there is no interval. */
    public String text(Unit unit, boolean signed) {
      String m = signed ? unit.signed(mean) : unit.format(mean);
      return hasInterval() ? m + " " + unit.interval(low, high, signed) : m;
    }
  }

  /** How a metric's numbers read: human durations, percentages, or plain counts. */
  public enum Unit {
    /** Milliseconds shown as {@code 4m 15.5s}. */
    DURATION,
    /** A fraction shown as {@code 37.5%}; differences in percentage points. */
    PERCENT,
    /** A count; means keep one decimal. */
    COUNT;

    /** The value for people. */
    public String format(double v) {
      return switch (this) {
        case DURATION -> HumanDuration.format(Math.round(v));
        case PERCENT -> String.format(Locale.ROOT, "%.1f%%", 100 * v);
        case COUNT -> count(v);
      };
    }

    /** A difference, with a {@code +} for positive values ({@code +7.3s}, {@code -2.1 pp}). */
    public String signed(double v) {
      return switch (this) {
        case DURATION -> {
          long ms = Math.round(v);
          yield (ms > 0 ? "+" : "") + HumanDuration.format(ms);
        }
        case PERCENT -> String.format(Locale.ROOT, "%+.1f pp", 100 * v).replace("-0.0", "0.0").replace("+0.0", "0.0");
        case COUNT -> (Math.abs(v) >= 0.05 && v > 0 ? "+" : "") + count(v);
      };
    }

    /** {@code [low, high]}. */
    public String interval(double low, double high, boolean signed) {
      return "[" + (signed ? signed(low) : format(low)) + ", " + (signed ? signed(high) : format(high)) + "]";
    }

    private static String count(double v) {
      double r = Math.rint(v);
      if (Math.abs(v - r) < 1e-9) return String.format(Locale.ROOT, "%,d", (long) r);
      String s = String.format(Locale.ROOT, "%,.1f", v);
      return s.equals("-0.0") ? "0.0" : s;
    }
  }

  /** The headline of {@code summary}. */
  public static Headline of(Summary summary) {
    Map<String, List<Run>> byMode = new LinkedHashMap<>();
    // Older files lack "modes": the runs' own order then decides.
    if (summary.modes() != null) for (String mode : summary.modes()) byMode.put(mode, new ArrayList<>());
    for (Run r : summary.runs()) byMode.computeIfAbsent(r.mode(), m -> new ArrayList<>()).add(r);
    byMode.values().removeIf(List::isEmpty);
    byMode.values().forEach(l -> l.sort(Comparator.comparingInt(Run::replication)));

    List<Arm> arms = byMode.entrySet().stream().map(e -> arm(e.getKey(), e.getValue())).toList();
    List<Run> b = byMode.get(BARRIER);
    List<Run> n = byMode.get(NON_BARRIER);
    boolean both = b != null && n != null;

    Kind kind;
    Optional<Line> compared;
    int jobsCompared = 0;
    if (!both) {
      kind = Kind.SINGLE_ARM;
      compared = Optional.of(line("makespan", "", Unit.DURATION, byMode, null, r -> r.makespanMs()));
    } else if (allClean(b, n)) {
      kind = Kind.MAKESPAN;
      compared = Optional.of(line("makespan", "", Unit.DURATION, byMode, pairs(b, n), r -> r.makespanMs()));
    } else {
      CommonJobs common = commonJobs(pairs(b, n));
      jobsCompared = common.jobs();
      if (common.barrier().length == 0) {
        kind = Kind.NOT_COMPARABLE;
        compared = Optional.empty();
      } else {
        kind = Kind.COMPLETION_TIME;
        Map<String, Estimate> per = new LinkedHashMap<>();
        per.put(BARRIER, Estimate.of(common.barrier()));
        per.put(NON_BARRIER, Estimate.of(common.plain()));
        compared = Optional.of(new Line("completion time", "submission to end of the " + common.jobs()
            + (common.jobs() == 1 ? " job" : " jobs") + " that succeeded in both arms; mean per replication",
            Unit.DURATION, per, Optional.of(Estimate.of(common.difference()))));
      }
    }

    List<Line> lines = new ArrayList<>();
    List<Run[]> pairs = both ? pairs(b, n) : null;
    lines.add(line("wasted core time", "core time of attempts that failed or were killed", Unit.DURATION, byMode, pairs,
        r -> r.cores().wastedCoreMs()));
    // A task waiting in barrier() for its gang holds its cores, so core utilization counts that
    // wait as busy; without its share beside it, barrier mode would look like the better use of
    // the cluster exactly where it idles most.
    boolean syncWaits = b != null && b.stream().anyMatch(r -> r.barrier().syncWaitCoreMs() > 0);
    String heldNote = syncWaits ? HELD_NOTE : "";
    lines.add(line("core utilization", heldNote, Unit.PERCENT, byMode, pairs, r -> r.cores().utilization()));
    TreeSet<String> resources = new TreeSet<>();
    for (Run r : summary.runs()) r.resources().forEach(u -> resources.add(u.name()));
    for (String res : resources) lines.add(resourceLine(res, heldNote, byMode, pairs));
    if (syncWaits) {
      lines.add(line(SYNC_WAIT, "share of all core time held by tasks waiting in barrier() for the rest of their gang",
          Unit.PERCENT, Map.of(BARRIER, b), null, Headline::syncWaitShare));
    }
    if (b != null) {
      lines.add(line("barrier wait", BARRIER_WAIT_NOTE, Unit.DURATION, Map.of(BARRIER, b), null,
          r -> r.barrier().waitMs() + r.barrier().slotCheckWaitMs()));
    }
    return new Headline(summary.scenario(), summary.seed(), summary.replications(), kind, arms, compared, jobsCompared,
        lines);
  }

  private static Arm arm(String mode, List<Run> runs) {
    Map<String, Integer> outcomes = new TreeMap<>();
    int jobs = 0;
    int failed = 0;
    int unfinished = 0;
    Failure first = null;
    for (Run r : runs) {
      outcomes.merge(r.outcome(), 1, Integer::sum);
      for (Job j : r.jobs()) {
        jobs++;
        if ("FAILED".equals(j.status())) {
          failed++;
          if (first == null) {
            first = new Failure(mode, r.replication(), j.name(), j.failureReason() == null ? "" : j.failureReason());
          }
        } else if (!"SUCCEEDED".equals(j.status())) {
          unfinished++;
        }
      }
    }
    return new Arm(mode, runs.size(), outcomes, jobs, failed, unfinished, Optional.ofNullable(first));
  }

  /** Every run completed, every job succeeded, and each replication ran the same jobs in both arms. */
  private static boolean allClean(List<Run> b, List<Run> n) {
    for (List<Run> arm : List.of(b, n)) {
      for (Run r : arm) {
        if (!"COMPLETED".equals(r.outcome())) return false;
        if (r.jobs().stream().anyMatch(j -> !"SUCCEEDED".equals(j.status()))) return false;
      }
    }
    for (Run[] p : pairs(b, n)) {
      if (!jobNames(p[0]).equals(jobNames(p[1]))) return false;
    }
    return b.size() == n.size();
  }

  private static List<String> jobNames(Run r) {
    return r.jobs().stream().map(Job::name).sorted().toList();
  }

  /** Runs of the same replication in both arms, {barrier, non-barrier}, in replication order. */
  private static List<Run[]> pairs(List<Run> b, List<Run> n) {
    Map<Integer, Run> plain = new HashMap<>();
    for (Run r : n) plain.put(r.replication(), r);
    List<Run[]> out = new ArrayList<>();
    for (Run r : b) {
      Run other = plain.get(r.replication());
      if (other != null) out.add(new Run[] {r, other});
    }
    return out;
  }

  /** Per replication with at least one such job: mean completion time per arm of the jobs that succeeded in both. */
  private record CommonJobs(double[] barrier, double[] plain, double[] difference, int jobs) {}

  private static CommonJobs commonJobs(List<Run[]> pairs) {
    // Jobs of one run share its cluster and queue, so they are not independent samples: the
    // interval is over replications (each the mean of its common jobs), never over single jobs.
    List<double[]> rows = new ArrayList<>();
    int jobs = 0;
    for (Run[] p : pairs) {
      Map<String, Job> plain = new HashMap<>();
      for (Job j : p[1].jobs()) plain.putIfAbsent(j.name(), j);
      double sb = 0;
      double sn = 0;
      int k = 0;
      for (Job j : p[0].jobs()) {
        Job o = plain.get(j.name());
        if (o == null || !succeeded(j) || !succeeded(o)) continue;
        sb += j.endMs() - j.submitMs();
        sn += o.endMs() - o.submitMs();
        k++;
      }
      if (k > 0) rows.add(new double[] {sb / k, sn / k});
      jobs += k;
    }
    double[] b = rows.stream().mapToDouble(r -> r[0]).toArray();
    double[] n = rows.stream().mapToDouble(r -> r[1]).toArray();
    double[] d = rows.stream().mapToDouble(r -> r[0] - r[1]).toArray();
    return new CommonJobs(b, n, d, jobs);
  }

  private static boolean succeeded(Job j) {
    return "SUCCEEDED".equals(j.status()) && j.endMs() != null;
  }

  private static Line line(String label, String note, Unit unit, Map<String, List<Run>> byMode, List<Run[]> pairs,
      ToDoubleFunction<Run> metric) {
    Map<String, Estimate> per = new LinkedHashMap<>();
    byMode.forEach((mode, runs) -> per.put(mode, Estimate.of(runs.stream().mapToDouble(metric).toArray())));
    Optional<Estimate> diff = pairs == null || pairs.isEmpty() ? Optional.empty()
        : Optional.of(Estimate.of(pairs.stream()
            .mapToDouble(p -> metric.applyAsDouble(p[0]) - metric.applyAsDouble(p[1])).toArray()));
    return new Line(label, note, unit, per, diff);
  }

  /** Core time inside {@code barrier()} over all core time present up to the makespan (busy and idle). */
  private static double syncWaitShare(Run r) {
    long all = r.cores().busyCoreMs() + r.cores().idleCoreMs();
    return all == 0 ? 0 : (double) r.barrier().syncWaitCoreMs() / all;
  }

  /** Utilization of a custom resource; every run of a scenario has the same resources. */
  private static Line resourceLine(String res, String note, Map<String, List<Run>> byMode, List<Run[]> pairs) {
    ToDoubleFunction<Run> utilization = r -> r.resources().stream().filter(u -> u.name().equals(res))
        .mapToDouble(SummaryJson.Resource::utilization).findFirst().orElse(0);
    return line(res.toUpperCase(Locale.ROOT) + " utilization", note, Unit.PERCENT, byMode, pairs, utilization);
  }

  /** The arm of {@code mode}, if it ran. */
  public Optional<Arm> arm(String mode) {
    return arms.stream().filter(a -> a.mode().equals(mode)).findFirst();
  }

  /** The first failure over the arms, barrier first. */
  public Optional<Failure> firstFailure() {
    return arms.stream().map(Arm::firstFailure).flatMap(Optional::stream).findFirst();
  }

  /** One plain-language sentence: what the comparison says, or why there is none. */
  public String verdict() {
    String reps = replications == 1 ? "one replication, so no interval"
        : replications + " replications, mean and 95 % interval";
    return switch (kind) {
      case MAKESPAN -> {
        Line l = compared.orElseThrow();
        Estimate d = l.difference().orElseThrow();
        yield "Every job succeeded in both arms. Makespan with barrier mode: " + l.arms().get(BARRIER).text(l.unit(), false)
            + " against " + l.arms().get(NON_BARRIER).text(l.unit(), false) + " without; paired difference "
            + d.text(l.unit(), true) + " (" + direction(d) + "; " + reps + ").";
      }
      case COMPLETION_TIME -> {
        Line l = compared.orElseThrow();
        Estimate d = l.difference().orElseThrow();
        yield "Makespan is not compared: " + failedSummary() + ", and a failed job ends its run early. The "
            + jobsCompared + (jobsCompared == 1 ? " job" : " jobs") + " that succeeded in both arms took "
            + l.arms().get(BARRIER).text(l.unit(), false) + " with barrier mode against "
            + l.arms().get(NON_BARRIER).text(l.unit(), false) + " without, from submission to end; paired difference "
            + d.text(l.unit(), true) + " (" + direction(d) + "; over " + d.n() + (d.n() == 1 ? " replication" : " replications")
            + ").";
      }
      case NOT_COMPARABLE -> "The arms are not comparable: " + failedSummary() + ", and no job succeeded in both arms.";
      case SINGLE_ARM -> {
        Arm a = arms.get(0);
        Line l = compared.orElseThrow();
        yield "Only " + a.mode() + " mode ran, so there is no comparison. Makespan "
            + l.arms().get(a.mode()).text(l.unit(), false) + " (" + reps + "); " + a.jobsText() + ".";
      }
    };
  }

  /** {@code 2 of 20 barrier jobs failed and 0 of 20 non-barrier jobs}. */
  private String failedSummary() {
    List<String> parts = new ArrayList<>();
    for (Arm a : arms) {
      String s = a.jobsFailed() + " of " + a.jobsRun() + " " + a.mode() + " jobs failed";
      if (a.jobsUnfinished() > 0) s += " (" + a.jobsUnfinished() + " unfinished)";
      parts.add(s);
    }
    return String.join(" and ", parts);
  }

  private static String direction(Estimate d) {
    if (d.n() == 1) {
      return d.mean() > 0 ? "barrier slower in this one run" : d.mean() < 0 ? "barrier faster in this one run"
          : "no difference";
    }
    if (!d.hasInterval()) return d.mean() > 0 ? "barrier slower" : d.mean() < 0 ? "barrier faster" : "no difference";
    if (d.low() > 0) return "barrier slower";
    if (d.high() < 0) return "barrier faster";
    return "the interval includes zero";
  }

  /**
   * The headline for the console: the verdict, a table of the lines (mean [95 % interval] per arm,
   * paired difference, n), jobs failed per arm and the first failure reason, verbatim.
   */
  public List<String> consoleLines() {
    List<String> out = new ArrayList<>();
    out.add("headline: " + verdict());
    List<String> header = new ArrayList<>(List.of("metric"));
    for (Arm a : arms) header.add(a.mode());
    boolean diff = arms.size() > 1;
    if (diff) header.add("difference");
    header.add("n");
    TextTable t = new TextTable(header);
    List<Line> all = new ArrayList<>();
    compared.ifPresent(all::add);
    all.addAll(lines);
    for (Line l : all) {
      List<String> cells = new ArrayList<>();
      cells.add(l.label());
      for (Arm a : arms) {
        Estimate e = l.arms().get(a.mode());
        cells.add(e == null ? "" : e.text(l.unit(), false) + (e.n() == l.n() ? "" : " (n=" + e.n() + ")"));
      }
      if (diff) cells.add(l.difference().map(d -> d.text(l.unit(), true)).orElse(""));
      cells.add(Long.toString(l.n()));
      t.row(cells.toArray(String[]::new));
    }
    List<String> jobs = new ArrayList<>(List.of("jobs"));
    for (Arm a : arms) jobs.add(a.jobsText());
    t.row(jobs.toArray(String[]::new));
    t.render().lines().map(s -> "  " + s).forEach(out::add);
    all.stream().filter(l -> !l.note().isEmpty()).forEach(l -> out.add("  " + l.label() + ": " + l.note()));
    for (Arm a : arms) {
      if (a.someRunIncomplete()) out.add("  " + a.mode() + " runs by outcome: " + outcomesText(a));
    }
    for (Arm a : arms) {
      a.firstFailure().ifPresent(f -> {
        out.add("  first " + a.mode() + " failure (replication " + f.replication() + ", job " + f.job() + "):");
        f.reason().lines().map(s -> "    " + s).forEach(out::add);
      });
    }
    return out;
  }

  /** {@code 18 COMPLETED, 2 STALLED}. */
  public static String outcomesText(Arm a) {
    List<String> parts = new ArrayList<>();
    a.outcomes().forEach((o, k) -> parts.add(k + " " + o));
    return String.join(", ", parts);
  }

  /** One short Markdown table cell (no line break, no {@code |}): the comparison and the jobs that failed. */
  public String markdownCell() {
    String jobs = arms.stream().map(a -> a.mode() + " " + a.jobsFailed() + "/" + a.jobsRun()
        + (a.jobsUnfinished() > 0 ? " (+" + a.jobsUnfinished() + " unfinished)" : "")).reduce((x, y) -> x + ", " + y)
        .orElse("");
    String s = switch (kind) {
      case MAKESPAN -> {
        Line l = compared.orElseThrow();
        yield "makespan " + l.difference().orElseThrow().text(l.unit(), true) + " (" + l.unit().format(
            l.arms().get(BARRIER).mean()) + " vs " + l.unit().format(l.arms().get(NON_BARRIER).mean()) + ", n=" + l.n()
            + "); jobs failed " + jobs;
      }
      case COMPLETION_TIME -> {
        Line l = compared.orElseThrow();
        yield "**jobs failed " + jobs + "**, makespan not compared; completion time of the " + jobsCompared
            + " jobs that succeeded in both arms " + l.difference().orElseThrow().text(l.unit(), true) + " (n=" + l.n() + ")";
      }
      case NOT_COMPARABLE -> "**not comparable**: jobs failed " + jobs + ", no job succeeded in both arms";
      case SINGLE_ARM -> {
        Line l = compared.orElseThrow();
        yield "only " + arms.get(0).mode() + " ran: makespan " + l.arms().get(arms.get(0).mode()).text(l.unit(), false)
            + " (n=" + l.n() + "); jobs failed " + jobs;
      }
    };
    return s.replace("|", "/").replace('\n', ' ');
  }
}
