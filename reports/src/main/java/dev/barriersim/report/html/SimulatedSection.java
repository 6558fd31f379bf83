package dev.barriersim.report.html;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.failure.ExecutorFailureSpec;
import dev.barriersim.core.failure.FailureSpec;
import dev.barriersim.core.failure.TaskFailureSpec;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.spark.PoolSpec;
import dev.barriersim.core.spark.SimulationSettings;
import dev.barriersim.core.spark.ExcludeOnFailureConf;
import dev.barriersim.core.spark.LocalityConf;
import dev.barriersim.core.spark.SparkConf;
import dev.barriersim.core.spark.SpeculationConf;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.RepeatSpec;
import dev.barriersim.core.workload.StageSpec;
import dev.barriersim.report.SummaryJson.Run;
import dev.barriersim.report.SummaryJson.Stage;
import dev.barriersim.report.SummaryJson.Summary;
import dev.barriersim.scenario.Problem;
import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioException;
import dev.barriersim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "What was simulated": cluster, Spark and simulation settings, jobs, failures, seed and
 * replications, read from the folder's {@code scenario.yaml} (shown verbatim too). Without a
 * readable file it says so and lists what {@code summary.json} records.
 */
final class SimulatedSection {
  private SimulatedSection() {}

  /** The section; {@code yaml} is the scenario text when the folder has one. */
  static String render(Summary summary, Optional<String> yaml) {
    StringBuilder sb = new StringBuilder("<section id=\"simulated\">\n<h2>What was simulated</h2>\n");
    Scenario scenario = null;
    List<Problem> problems = List.of();
    if (yaml.isPresent()) {
      try {
        // The folder's copy is the file as given; the --set options (and a sweep point's values) apply on top.
        scenario = ScenarioLoader.load("scenario.yaml", yaml.get(), summary.overrides());
      } catch (ScenarioException e) {
        problems = e.problems();
      }
    }
    run(sb, summary, scenario);
    overrides(sb, summary.overrides());
    if (scenario != null) {
      SimulationSpec spec = scenario.spec();
      cluster(sb, spec);
      settings(sb, spec);
      jobs(sb, spec);
      failures(sb, spec.failures());
    } else {
      if (yaml.isEmpty()) {
        sb.append("<p class=\"muted\">This folder has no <code>scenario.yaml</code>, so only what "
            + "<code>summary.json</code> records is shown.</p>\n");
      } else {
        sb.append("<p>The folder's <code>scenario.yaml</code> cannot be read by this version of barriersim, so only "
            + "what <code>summary.json</code> records is shown:</p>\n<ul class=\"problems\">\n");
        for (Problem p : problems) sb.append("<li><code>").append(Html.esc(p.toString())).append("</code></li>\n");
        sb.append("</ul>\n");
      }
      stagesFromSummary(sb, summary);
    }
    yaml.ifPresent(text -> sb.append("<details><summary>scenario.yaml, as given</summary><pre>")
        .append(Html.esc(text)).append("</pre></details>\n"));
    return sb.append("</section>\n").toString();
  }

  /** The --set options, when there are any: the page shows the scenario with them applied. */
  private static void overrides(StringBuilder sb, List<String> overrides) {
    if (overrides.isEmpty()) return;
    sb.append("<p>Changed from the file with <code>--set</code> (and, for a sweep point, its values); the tables below show "
        + "the scenario with them:</p>\n<ul class=\"overrides\">\n");
    for (String o : overrides) sb.append("<li><code>--set ").append(Html.esc(o)).append("</code></li>\n");
    sb.append("</ul>\n");
  }

  private static void run(StringBuilder sb, Summary s, Scenario scenario) {
    if (scenario != null && !scenario.description().isEmpty()) {
      sb.append("<p class=\"lead\">").append(Html.esc(scenario.description())).append("</p>\n");
    }
    if (s.sweep() != null) {
      sb.append("<p>The scenario as written, before any sweep point's values. ");
    } else {
      sb.append("<p>");
    }
    sb.append("Seed <b>").append(s.seed()).append("</b>, <b>").append(s.replications())
        .append(s.replications() == 1 ? "</b> replication" : "</b> replications").append(" per mode; modes run: ")
        .append(s.modes().stream().map(Page::mode).collect(Collectors.joining(", "))).append(".");
    if (s.replications() > 1) {
      sb.append(" Replication r runs with a seed derived from (seed, r); within a replication both modes share every "
          + "random draw. Task and event files are of replication 0.");
    }
    if (scenario != null && scenario.spec().seed() != s.seed()) {
      sb.append(" The scenario file says seed ").append(scenario.spec().seed()).append("; this run was given another.");
    }
    sb.append("</p>\n");
  }

  private static String launchLatency(SimulationSpec spec, ExecutorGroup g) {
    return DurationText.ms(g.launchLatencyMs() >= 0 ? g.launchLatencyMs() : spec.settings().launchLatencyMs());
  }

  private static void cluster(StringBuilder sb, SimulationSpec spec) {
    boolean resources = spec.cluster().executors().stream().anyMatch(g -> !g.resources().isEmpty());
    boolean latencies = spec.cluster().executors().stream().anyMatch(g -> g.launchLatencyMs() >= 0);
    sb.append("<h3>Cluster</h3>\n<table>\n<thead><tr><th class=\"num\">Executors</th><th class=\"num\">Cores each</th>")
        .append(resources ? "<th>Custom resources each</th>" : "")
        .append(latencies ? "<th class=\"num\">Launch latency</th>" : "")
        .append("<th class=\"num\">Executors per host</th><th class=\"num\">Cores</th></tr></thead>\n<tbody>\n");
    long cores = 0;
    for (ExecutorGroup g : spec.cluster().executors()) {
      cores += (long) g.count() * g.cores();
      sb.append("<tr><td class=\"num\">").append(g.count()).append("</td><td class=\"num\">").append(g.cores())
          .append("</td>");
      if (resources) sb.append("<td>").append(Html.esc(amounts(g.resources()))).append("</td>");
      if (latencies) sb.append("<td class=\"num\">").append(launchLatency(spec, g)).append("</td>");
      sb.append("<td class=\"num\">").append(g.executorsPerHost()).append("</td><td class=\"num\">")
          .append((long) g.count() * g.cores()).append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n<p class=\"small muted\">").append(cores).append(" cores at the start; ")
        .append(spec.conf().taskCpus()).append(spec.conf().taskCpus() == 1 ? " core" : " cores").append(" per task.");
    for (ClusterChange c : spec.cluster().changes()) {
      sb.append(" At ").append(DurationText.ms(c.atMs())).append(':');
      if (c.add() != null) {
        ExecutorGroup g = c.add();
        sb.append(" ").append(g.count()).append(g.count() == 1 ? " executor" : " executors").append(" of ")
            .append(g.cores()).append(" cores").append(g.resources().isEmpty() ? "" : " and " + Html.esc(amounts(g.resources())))
            .append(g.launchLatencyMs() >= 0 ? " (launch latency " + launchLatency(spec, g) + ")" : "")
            .append(g.count() == 1 ? " joins" : " join");
      }
      if (!c.decommission().isEmpty()) {
        sb.append(c.add() != null ? ";" : "").append(" executors ").append(Html.esc(String.join(", ", c.decommission())))
            .append(" are decommissioned");
      }
      sb.append('.');
    }
    sb.append("</p>\n");
  }

  private static void localityRows(StringBuilder sb, LocalityConf l, LocalityConf d) {
    row(sb, "spark.locality.wait.process", DurationText.ms(l.processWaitMs()), l.processWaitMs() != d.processWaitMs());
    row(sb, "spark.locality.wait.node", DurationText.ms(l.nodeWaitMs()), l.nodeWaitMs() != d.nodeWaitMs());
    row(sb, "spark.locality.wait.rack", DurationText.ms(l.rackWaitMs()), l.rackWaitMs() != d.rackWaitMs());
    row(sb, "spark.shuffle.reduceLocality.enabled", Boolean.toString(l.reduceLocality()),
        l.reduceLocality() != d.reduceLocality());
    if (l.legacyResetOnTaskLaunch()) row(sb, "spark.locality.wait.legacyResetOnTaskLaunch", "true", true);
  }

  /** The speculation keys: only {@code spark.speculation} while it is off, as the others then do nothing. */
  private static void speculationRows(StringBuilder sb, SpeculationConf x, SpeculationConf d) {
    row(sb, "spark.speculation", Boolean.toString(x.enabled()), x.enabled() != d.enabled());
    if (!x.enabled()) return;
    row(sb, "spark.speculation.interval", DurationText.ms(x.intervalMs()), x.intervalMs() != d.intervalMs());
    row(sb, "spark.speculation.multiplier", Double.toString(x.multiplier()), x.multiplier() != d.multiplier());
    row(sb, "spark.speculation.quantile", Double.toString(x.quantile()), x.quantile() != d.quantile());
    row(sb, "spark.speculation.minTaskRuntime", DurationText.ms(x.minTaskRuntimeMs()),
        x.minTaskRuntimeMs() != d.minTaskRuntimeMs());
  }

  /** The exclusion keys: only {@code spark.excludeOnFailure.enabled} while it is off. */
  private static void exclusionRows(StringBuilder sb, ExcludeOnFailureConf x, ExcludeOnFailureConf off) {
    row(sb, "spark.excludeOnFailure.enabled", Boolean.toString(x.enabled()), x.enabled() != off.enabled());
    if (!x.enabled()) return;
    ExcludeOnFailureConf d = ExcludeOnFailureConf.ENABLED;
    row(sb, "spark.excludeOnFailure.task.maxTaskAttemptsPerExecutor", Integer.toString(x.maxTaskAttemptsPerExecutor()),
        x.maxTaskAttemptsPerExecutor() != d.maxTaskAttemptsPerExecutor());
    row(sb, "spark.excludeOnFailure.task.maxTaskAttemptsPerNode", Integer.toString(x.maxTaskAttemptsPerNode()),
        x.maxTaskAttemptsPerNode() != d.maxTaskAttemptsPerNode());
    row(sb, "spark.excludeOnFailure.stage.maxFailedTasksPerExecutor", Integer.toString(x.stageMaxFailedTasksPerExecutor()),
        x.stageMaxFailedTasksPerExecutor() != d.stageMaxFailedTasksPerExecutor());
    row(sb, "spark.excludeOnFailure.stage.maxFailedExecutorsPerNode", Integer.toString(x.stageMaxFailedExecutorsPerNode()),
        x.stageMaxFailedExecutorsPerNode() != d.stageMaxFailedExecutorsPerNode());
    row(sb, "spark.excludeOnFailure.application.maxFailedTasksPerExecutor",
        Integer.toString(x.applicationMaxFailedTasksPerExecutor()),
        x.applicationMaxFailedTasksPerExecutor() != d.applicationMaxFailedTasksPerExecutor());
    row(sb, "spark.excludeOnFailure.application.maxFailedExecutorsPerNode",
        Integer.toString(x.applicationMaxFailedExecutorsPerNode()),
        x.applicationMaxFailedExecutorsPerNode() != d.applicationMaxFailedExecutorsPerNode());
    row(sb, "spark.excludeOnFailure.timeout", DurationText.ms(x.timeoutMs()), x.timeoutMs() != d.timeoutMs());
  }

  private static void settings(StringBuilder sb, SimulationSpec spec) {
    SparkConf c = spec.conf();
    SparkConf d = SparkConf.DEFAULTS;
    sb.append("<div class=\"cols\"><div>\n<h3>Spark settings</h3>\n<table>\n<thead><tr><th>Key</th><th>Value</th>"
        + "</tr></thead>\n<tbody>\n");
    row(sb, "spark.task.cpus", Integer.toString(c.taskCpus()), c.taskCpus() != d.taskCpus());
    c.taskResources().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> row(sb, "spark.task.resource." + e.getKey() + ".amount", e.getValue().toString(), true));
    row(sb, "spark.scheduler.mode", c.schedulingMode().name(), c.schedulingMode() != d.schedulingMode());
    row(sb, "spark.scheduler.revive.interval", DurationText.ms(c.reviveIntervalMs()),
        c.reviveIntervalMs() != d.reviveIntervalMs());
    row(sb, "spark.scheduler.barrier.maxConcurrentTasksCheck.interval", DurationText.ms(c.slotCheckIntervalMs()),
        c.slotCheckIntervalMs() != d.slotCheckIntervalMs());
    row(sb, "spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures", Integer.toString(c.slotCheckMaxFailures()),
        c.slotCheckMaxFailures() != d.slotCheckMaxFailures());
    row(sb, "spark.barrier.sync.timeout", DurationText.ms(c.barrierSyncTimeoutMs()),
        c.barrierSyncTimeoutMs() != d.barrierSyncTimeoutMs());
    row(sb, "spark.stage.maxConsecutiveAttempts", Integer.toString(c.maxConsecutiveAttempts()),
        c.maxConsecutiveAttempts() != d.maxConsecutiveAttempts());
    row(sb, "spark.task.maxFailures", Integer.toString(c.taskMaxFailures()), c.taskMaxFailures() != d.taskMaxFailures());
    row(sb, "spark.dynamicAllocation.enabled", Boolean.toString(c.dynamicAllocation()),
        c.dynamicAllocation() != d.dynamicAllocation());
    row(sb, "spark.job.interruptOnCancel", Boolean.toString(c.interruptOnCancel()),
        c.interruptOnCancel() != d.interruptOnCancel());
    localityRows(sb, c.locality(), d.locality());
    speculationRows(sb, c.speculation(), d.speculation());
    exclusionRows(sb, c.excludeOnFailure(), d.excludeOnFailure());
    sb.append("</tbody>\n</table>\n</div><div>\n<h3>Simulation settings</h3>\n<table>\n<thead><tr><th>Key</th>"
        + "<th>Value</th></tr></thead>\n<tbody>\n");
    SimulationSettings s = spec.settings();
    SimulationSettings sd = SimulationSettings.DEFAULTS;
    row(sb, "backend", s.backend().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), s.backend() != sd.backend());
    row(sb, "launchLatency", DurationText.ms(s.launchLatencyMs()), s.launchLatencyMs() != sd.launchLatencyMs());
    row(sb, "statusUpdateLatency", DurationText.ms(s.statusUpdateLatencyMs()),
        s.statusUpdateLatencyMs() != sd.statusUpdateLatencyMs());
    row(sb, "killLatency", s.killLatencyMs() == SimulationSettings.KILL_UNTIL_DONE ? "untilDone"
        : DurationText.ms(s.killLatencyMs()), s.killLatencyMs() != sd.killLatencyMs());
    row(sb, "barrierPollInterval", DurationText.ms(s.barrierPollIntervalMs()),
        s.barrierPollIntervalMs() != sd.barrierPollIntervalMs());
    row(sb, "horizon", s.horizonMs() == Long.MAX_VALUE ? "none" : DurationText.ms(s.horizonMs()),
        s.horizonMs() != sd.horizonMs());
    row(sb, "maxEvents", String.format(java.util.Locale.ROOT, "%,d", s.maxEvents()), s.maxEvents() != sd.maxEvents());
    row(sb, "offerOrder", s.offerOrder().name().toLowerCase(java.util.Locale.ROOT), s.offerOrder() != sd.offerOrder());
    row(sb, "barrierPartialRerun", s.barrierPartialRerun().name().toLowerCase(java.util.Locale.ROOT),
        s.barrierPartialRerun() != sd.barrierPartialRerun());
    sb.append("</tbody>\n</table>\n</div>");
    if (!spec.pools().isEmpty()) {
      sb.append("<div>\n<h3>Pools</h3>\n<table>\n<thead><tr><th>Pool</th><th>Mode</th><th class=\"num\">Weight</th>"
          + "<th class=\"num\">minShare</th></tr></thead>\n<tbody>\n");
      for (PoolSpec p : spec.pools()) {
        sb.append("<tr><td>").append(Html.esc(p.name())).append("</td><td>").append(p.schedulingMode().name())
            .append("</td><td class=\"num\">").append(p.weight()).append("</td><td class=\"num\">").append(p.minShare())
            .append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table>\n</div>");
    }
    sb.append("</div>\n<p class=\"small muted\"><span class=\"tag set\">changed</span> marks a value that differs "
        + "from the default (Spark 3.5's, or the simulator's).</p>\n");
  }

  private static void row(StringBuilder sb, String key, String value, boolean set) {
    sb.append("<tr><td><code>").append(Html.esc(key)).append("</code></td><td>").append(Html.esc(value))
        .append(set ? " <span class=\"tag set\">changed</span>" : "").append("</td></tr>\n");
  }

  private static void jobs(StringBuilder sb, SimulationSpec spec) {
    // Optional columns appear only when some stage uses them, so a plain scenario reads plainly.
    boolean pools = spec.jobs().stream().anyMatch(j -> !j.pool().equals("default"));
    boolean resources = spec.jobs().stream().flatMap(j -> j.stages().stream())
        .anyMatch(s -> !taskResources(spec, s).isEmpty());
    boolean stragglers = spec.jobs().stream().flatMap(j -> j.stages().stream()).anyMatch(s -> !stragglers(s).isEmpty());
    sb.append("<h3>Jobs</h3>\n<div class=\"scroll\"><table class=\"wide\">\n<thead><tr><th>Job</th><th>Submitted</th>")
        .append(pools ? "<th>Pool</th>" : "")
        .append("<th>Stage</th><th class=\"num\">Tasks</th><th>Barrier</th><th>Parents</th>")
        .append(resources ? "<th>Resources per task</th>" : "").append("<th>Duration of each task</th>")
        .append(stragglers ? "<th>Stragglers</th>" : "").append("</tr></thead>\n<tbody>\n");
    for (JobSpec j : spec.jobs()) {
      int rows = j.stages().size();
      for (int i = 0; i < rows; i++) {
        StageSpec s = j.stages().get(i);
        sb.append("<tr>");
        if (i == 0) {
          String span = rows > 1 ? " rowspan=\"" + rows + "\"" : "";
          sb.append("<td").append(span).append("><b>").append(Html.esc(j.name())).append("</b></td><td").append(span)
              .append(">at ").append(DurationText.ms(j.submitAtMs())).append(Html.esc(repeat(j.repeat()))).append("</td>");
          if (pools) sb.append("<td").append(span).append(">").append(Html.esc(j.pool())).append("</td>");
        }
        sb.append("<td>").append(Html.esc(s.name())).append("</td><td class=\"num\">").append(s.tasks()).append("</td><td>")
            .append(s.barrier() ? "<span class=\"tag barrier\">barrier</span>" : "").append("</td><td>")
            .append(Html.esc(String.join(", ", s.parents()))).append("</td>");
        if (resources) sb.append("<td>").append(Html.esc(taskResources(spec, s))).append("</td>");
        sb.append("<td>").append(phases(s)).append("</td>");
        if (stragglers) sb.append("<td>").append(Html.esc(stragglers(s))).append("</td>");
        sb.append("</tr>\n");
      }
    }
    sb.append("</tbody>\n</table></div>\n<p class=\"small muted\">As written: the barrier arm. The non-barrier arm "
        + "runs the same jobs with every barrier flag cleared; a barrier task calls barrier() between its phases, a "
        + "non-barrier task runs them back to back.</p>\n");
  }

  /** The stage's own resources, or the {@code spark.task.resource.*} defaults it falls back to. */
  private static String taskResources(SimulationSpec spec, StageSpec s) {
    Map<String, Integer> r = s.resources() == null ? spec.conf().taskResources() : s.resources();
    return amounts(r.entrySet().stream().filter(e -> e.getValue() > 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  private static String stragglers(StageSpec s) {
    if (s.stragglers() == null || s.stragglers().probability() == 0) return "";
    return "p " + DurationText.num(s.stragglers().probability()) + ", " + DurationText.num(s.stragglers().slowdown())
        + "x slower";
  }

  private static String repeat(RepeatSpec r) {
    if (r == null || r.count() == 1) return "";
    return r.gap() == RepeatSpec.Gap.FIXED
        ? ", " + r.count() + " times, every " + DurationText.ms(r.gapMs())
        : ", " + r.count() + " times, exponential gaps (mean " + DurationText.ms(r.gapMs()) + ")";
  }

  private static String phases(StageSpec s) {
    if (s.phases().size() == 1) return Html.esc(DurationText.of(s.phases().get(0)));
    List<String> parts = new ArrayList<>();
    int k = 1;
    for (DurationSpec p : s.phases()) parts.add("<span class=\"muted\">" + k++ + ".</span> " + Html.esc(DurationText.of(p)));
    String sep = s.barrier() ? "<br><span class=\"muted small\">barrier()</span><br>" : "<br>";
    return String.join(sep, parts);
  }

  private static void failures(StringBuilder sb, FailureSpec f) {
    sb.append("<h3>Failures</h3>\n");
    if (f.taskFailureProbability() == 0 && f.tasks().isEmpty() && f.executors().isEmpty()) {
      sb.append("<p>None injected.</p>\n");
      return;
    }
    sb.append("<ul>\n");
    if (f.taskFailureProbability() > 0) {
      sb.append("<li>Every task attempt fails with probability ").append(DurationText.num(f.taskFailureProbability()))
          .append(", at a uniformly drawn point of its work.</li>\n");
    }
    for (ExecutorFailureSpec e : f.executors()) {
      if (e instanceof ExecutorFailureSpec.Scripted s) {
        sb.append("<li>Executor <code>").append(Html.esc(s.executorId())).append("</code> is lost at ")
            .append(DurationText.ms(s.atMs())).append(".</li>\n");
      } else if (e instanceof ExecutorFailureSpec.Random r) {
        sb.append("<li>Each executor is lost after an exponential lifetime of mean ").append(DurationText.ms(r.mtbfMs()))
            .append(r.replaceAfterMs() == ExecutorFailureSpec.Random.NEVER ? ", not replaced"
                : ", replaced by a like executor " + DurationText.ms(r.replaceAfterMs()) + " later")
            .append(".</li>\n");
      }
    }
    sb.append("</ul>\n");
    if (!f.tasks().isEmpty()) {
      sb.append("<table>\n<thead><tr><th>Job</th><th>Stage</th><th class=\"num\">Partition</th>"
          + "<th class=\"num\">Stage attempt</th><th class=\"num\">Attempt</th><th>When</th><th>What</th></tr></thead>\n"
          + "<tbody>\n");
      for (TaskFailureSpec t : f.tasks()) {
        sb.append("<tr><td>").append(Html.esc(t.job())).append("</td><td>").append(Html.esc(t.stage()))
            .append("</td><td class=\"num\">").append(t.partition()).append("</td><td class=\"num\">").append(t.stageAttempt())
            .append("</td><td class=\"num\">").append(t.attempt()).append("</td><td>")
            .append(t.afterMs() == TaskFailureSpec.AT_END ? "at the end of its work" : DurationText.ms(t.afterMs()) + " after launch")
            .append("</td><td>").append(t.kind() == TaskFailureSpec.Kind.HANG ? "hangs" : "fails").append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table>\n");
    }
  }

  /** Stages as summary.json records them, when the scenario file cannot be read. */
  private static void stagesFromSummary(StringBuilder sb, Summary s) {
    Optional<Run> first = s.runs().stream().findFirst();
    if (first.isEmpty() || first.get().stages().isEmpty()) return;
    sb.append("<h3>Stages (").append(Html.esc(first.get().mode())).append(", replication ")
        .append(first.get().replication()).append(")</h3>\n<table>\n<thead><tr><th>Job</th><th>Stage</th><th>Barrier</th>"
            + "<th class=\"num\">Attempts</th><th>Status</th></tr></thead>\n<tbody>\n");
    for (Stage st : first.get().stages()) {
      sb.append("<tr><td>").append(Html.esc(st.job())).append("</td><td>").append(Html.esc(st.stage())).append("</td><td>")
          .append(st.barrier() ? "<span class=\"tag barrier\">barrier</span>" : "").append("</td><td class=\"num\">")
          .append(st.attempts()).append("</td><td>").append(Html.esc(st.status())).append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }

  private static String amounts(Map<String, Integer> m) {
    if (m == null || m.isEmpty()) return "";
    return new java.util.TreeMap<>(m).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
