package dev.barriersim.report.html;

import dev.barriersim.report.Headline.Unit;
import java.util.Locale;
import java.util.Map;

/** Names for people of the aggregated metrics of {@code summary.json}, and the unit each reads in. */
final class MetricLabels {
  /** A metric's label and unit. */
  record Label(String text, Unit unit) {}

  private static final Map<String, Label> KNOWN = Map.ofEntries(
      Map.entry("makespanMs", new Label("Makespan", Unit.DURATION)),
      Map.entry("events", new Label("Scheduler events", Unit.COUNT)),
      Map.entry("tasks.launched", new Label("Task attempts launched", Unit.COUNT)),
      Map.entry("tasks.succeeded", new Label("Task attempts succeeded", Unit.COUNT)),
      Map.entry("tasks.failed", new Label("Task attempts failed", Unit.COUNT)),
      Map.entry("tasks.killed", new Label("Task attempts killed", Unit.COUNT)),
      Map.entry("cores.total", new Label("Cores (peak)", Unit.COUNT)),
      Map.entry("cores.busyCoreMs", new Label("Busy core time", Unit.DURATION)),
      Map.entry("cores.idleCoreMs", new Label("Idle core time", Unit.DURATION)),
      Map.entry("cores.wastedCoreMs", new Label("Wasted core time (failed or killed attempts)", Unit.DURATION)),
      Map.entry("cores.utilization", new Label("Core utilization", Unit.PERCENT)),
      Map.entry("barrier.slotCheckFailures", new Label("Failed slot checks at job submission", Unit.COUNT)),
      Map.entry("barrier.roundsSkipped", new Label("Offer rounds skipped by a waiting gang", Unit.COUNT)),
      Map.entry("barrier.waitMs", new Label("Barrier stage wait, stage submission to launch", Unit.DURATION)),
      Map.entry("barrier.slotCheckWaitMs", new Label("Barrier job wait in failed slot checks", Unit.DURATION)),
      Map.entry("barrier.idleCoreMsWhileWaiting", new Label("Idle core time while a gang waited", Unit.DURATION)),
      Map.entry("barrier.syncWaitCoreMs", new Label("Core time inside barrier()", Unit.DURATION)));

  private MetricLabels() {}

  /** The label of {@code metric}; unknown names read as themselves, in ms when they end with {@code Ms}. */
  static Label of(String metric) {
    Label l = KNOWN.get(metric);
    if (l != null) return l;
    if (metric.startsWith("resources.") && metric.endsWith(".utilization")) {
      String res = metric.substring("resources.".length(), metric.length() - ".utilization".length());
      return new Label(res.toUpperCase(Locale.ROOT) + " utilization", Unit.PERCENT);
    }
    if (metric.endsWith("utilization")) return new Label(metric, Unit.PERCENT);
    return new Label(metric, metric.endsWith("Ms") ? Unit.DURATION : Unit.COUNT);
  }
}
