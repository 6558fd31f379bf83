package dev.barriersim.report.sweep;

import dev.barriersim.report.Headline;

/**
 * One headline metric of a sweep: its id in {@code sweep.csv} and {@code sweep.json}, what people
 * call it, how its numbers read, and whether the arms are compared on it.
 *
 * @param name the id ({@code makespanMs}, {@code resources.gpu.utilization})
 * @param label the headline's name ({@code makespan}, {@code GPU utilization})
 * @param unit how to show it
 * @param barrierOnly true for barrier wait, which only the barrier arm has
 */
public record SweepMetric(String name, String label, Headline.Unit unit, boolean barrierOnly) {
  /** Makespan of the run. */
  public static final String MAKESPAN = "makespanMs";
  /** Mean completion time of the jobs that succeeded (in both arms, when both ran). */
  public static final String COMPLETION = "completionMs";
  /** Jobs that failed or did not finish, per run. */
  public static final String JOBS_FAILED = "jobsFailed";
  /** Core time of attempts that failed or were killed. */
  public static final String WASTED = "wastedCoreMs";
  /** Busy over busy plus idle cores. */
  public static final String CORE_UTILIZATION = "coreUtilization";
  /** Slot-check retries plus stage submission to launch, summed over barrier work. */
  public static final String BARRIER_WAIT = "barrierWaitMs";

  /** The file-name-safe id of its chart, {@code sweep-makespanMs}. */
  public String chartName() {
    return "sweep-" + name.replace('.', '-');
  }
}
