package dev.barriersim.scenario.sparklog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how the recorded application becomes a scenario and writes its YAML: time 0, the
 * backend and Spark settings, the latencies and kill behaviour measured in the log, the cluster,
 * the jobs with their stages and per-partition durations, and the recorded failures as scripted
 * ones. Every decision is explained in a comment naming the log lines it came from.
 */
final class ScenarioBuilder {
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)(?:,\\s*(\\d+))?\\])?");
  private static final long DEFAULT_REVIVE_MS = 1_000;

  private final RecordedApplication app;
  private final ImportOptions options;
  private final List<RecordedJob> jobs;
  private final ReplayGaps gaps = new ReplayGaps();
  private final Map<RecordedJob, List<RecordedStage>> stagesOf = new LinkedHashMap<>();
  private final Map<RecordedStage, long[]> work = new LinkedHashMap<>();
  private long launchLatency;
  private long statusLatency;
  private long origin;
  private Map<String, String> executorIds = Map.of();

  ScenarioBuilder(RecordedApplication app, ImportOptions options, List<RecordedJob> jobs) {
    this.app = app;
    this.options = options;
    this.jobs = jobs;
  }

  ReplayGaps gaps() {
    return gaps;
  }

  /** Epoch ms of time 0 (the first imported job's submission); set by {@link #build()}. */
  long origin() {
    return origin;
  }

  /** Spark executor id -> the scenario's executor id; set by {@link #build()}. */
  Map<String, String> executorIds() {
    return executorIds;
  }

  /** The scenario's YAML text. */
  String build() {
    for (RecordedJob j : jobs) stagesOf.put(j, keptStages(j));
    String master = app.properties.getOrDefault("spark.master", "");
    Matcher local = LOCAL.matcher(master.strip());
    boolean isLocal = local.matches();
    long interval = revive();
    launchLatency = app.launchDelay.median(0);
    statusLatency = app.resultDelay.median(0);
    long firstSubmission = jobs.get(0).submitted;
    List<RecordedStage> allStages = new ArrayList<>();
    stagesOf.values().forEach(allStages::addAll);
    RevivePhase.Result phase = isLocal ? null
        : RevivePhase.find(allStages, app.offerTriggers.sorted(), interval, app, firstSubmission);
    // Time 0 is the first imported job's submission, as Spark users read a timeline; the revive
    // ticks keep their recorded phase through simulation.reviveOffset.
    origin = firstSubmission;
    long end = end();
    ClusterPlan cluster = new ClusterPlan(app, origin, firstSubmission, end, gaps);
    executorIds = cluster.simId;
    for (Map.Entry<RecordedJob, List<RecordedStage>> e : stagesOf.entrySet()) {
      for (RecordedStage s : e.getValue()) work.put(s, workOf(s));
    }
    KillPolicy kill = KillPolicy.measure(app, work, stagesOf, launchLatency, statusLatency);
    List<String> failureLines = new ArrayList<>();
    List<String> failureComments = new ArrayList<>();
    scriptFailures(cluster, failureLines, failureComments);
    noteFeatures(isLocal, master);

    YamlText y = new YamlText();
    header(y, master, origin, phase, interval);
    y.line(0, "name: " + scenarioName());
    y.line(0, "description: " + YamlText.quote("Imported from the Spark event log " + app.file + ": application "
        + app.appId + " (" + app.appName + "), Spark " + app.sparkVersion + ", jobs " + jobIds()));
    if (options.recordedFile() != null) {
      y.line(0, "recorded: " + YamlText.quote(options.recordedFile()), "the recorded task attempts of these jobs (TaskEnd"
          + " events), times after time 0: 'run' draws them beside the simulated ones");
    }
    y.blank();
    writeCluster(y, cluster, origin);
    writeSpark(y, isLocal, local, interval);
    writePools(y);
    writeSimulation(y, isLocal, kill, phase, origin, interval);
    writeJobs(y, origin, cluster);
    writeFailures(y, failureLines, failureComments, cluster);
    return notReplayed(y.toString());
  }

  /** The revive phase relative to time 0, in [0, interval): what {@code simulation.reviveOffset} takes. */
  static long reviveOffset(RevivePhase.Result phase, long origin, long interval) {
    return Math.floorMod(phase.phaseMs() - origin, interval);
  }

  private String jobIds() {
    List<String> ids = new ArrayList<>();
    for (RecordedJob j : jobs) ids.add(String.valueOf(j.id));
    return String.join(", ", ids);
  }

  /** The stages the job ran (or never reached); stages whose outputs an earlier job computed are skipped, as Spark does. */
  private List<RecordedStage> keptStages(RecordedJob j) {
    List<RecordedStage> kept = new ArrayList<>();
    for (int sid : new java.util.TreeSet<>(j.stageIds)) {
      RecordedStage s = app.stages.get(sid);
      if (s != null && (s.owner == j || s.owner == null)) kept.add(s);
    }
    return kept;
  }

  private long revive() {
    String v = app.properties.get("spark.scheduler.revive.interval");
    long ms = v == null ? DEFAULT_REVIVE_MS : SparkTime.toMs(v, 1);
    return ms <= 0 ? DEFAULT_REVIVE_MS : ms;
  }

  /** The last instant of the selected jobs: their last end, or the log's end when one never ended. */
  private long end() {
    long end = 0;
    boolean open = false;
    for (RecordedJob j : jobs) {
      if (j.ended()) end = Math.max(end, j.completed);
      else open = true;
    }
    if (open) {
      end = Math.max(end, app.appEnd > 0 ? app.appEnd : Long.MAX_VALUE / 4);
      for (RecordedJob j : jobs) {
        if (!j.ended()) gaps.add("job without an end", "job " + j.id + " has no JobEnd: it was still running when the log"
            + " ends; the replay runs it to completion", j.line);
      }
    }
    return end;
  }

  /** Work of each partition: its recorded wall time minus the two latencies the simulator adds back. */
  private long[] workOf(RecordedStage s) {
    int n = Math.max(1, s.tasks);
    long[] w = new long[n];
    List<Long> known = new ArrayList<>();
    for (int p = 0; p < s.tasks; p++) {
      long wall = s.successWall(p) >= 0 ? s.successWall(p) : s.otherWall(p);
      w[p] = wall < 0 ? -1 : Math.max(1, wall - launchLatency - statusLatency);
      if (w[p] > 0) known.add(w[p]);
    }
    if (s.tasks == 0) {
      gaps.add("stage without tasks", "stage " + s.id + " has 0 tasks; the simulator needs at least 1: one task of 1 ms",
          s.infoLine);
      w[0] = 1;
      return w;
    }
    known.sort(null);
    long fill = known.isEmpty() ? 1 : known.get((known.size() - 1) / 2);
    int missing = 0;
    for (int p = 0; p < n; p++) {
      if (w[p] < 0) {
        w[p] = fill;
        missing++;
      }
    }
    if (missing > 0 && s.ran()) {
      gaps.add("partitions without a recorded run", "stage " + s.id + ": " + missing + " of " + s.tasks + " partitions"
          + " never ran in this job (their outputs were reused, or the job ended first); they get the stage's median"
          + " duration " + fill + " ms", s.infoLine);
    }
    if (s.partitionsOutOfRange > 0) {
      gaps.add("tasks outside the stage's partitions", "stage " + s.id + ": " + s.partitionsOutOfRange + " task ends name"
          + " a partition outside 0.." + (s.tasks - 1) + " and were ignored", s.firstTaskLine);
    }
    return w;
  }

  private void scriptFailures(ClusterPlan cluster, List<String> lines, List<String> comments) {
    Map<RecordedStage, RecordedJob> jobOf = new LinkedHashMap<>();
    stagesOf.forEach((j, ss) -> ss.forEach(s -> jobOf.put(s, j)));
    List<Long> speculative = new ArrayList<>();
    List<Long> fetch = new ArrayList<>();
    List<Long> lostWithoutRemoval = new ArrayList<>();
    List<Long> cancelled = new ArrayList<>();
    List<Long> other = new ArrayList<>();
    for (TaskRecord t : app.unusual) {
      RecordedJob job = jobOf.get(t.stage());
      if (job == null) continue;
      if (t.speculative()) speculative.add(t.line());
      switch (t.reason()) {
        case "ExceptionFailure", "TaskResultLost", "UnknownReason" -> {
          long[] w = work.get(t.stage());
          long after = Math.max(0, t.wall() - launchLatency - statusLatency);
          boolean fits = t.partition() >= 0 && t.partition() < w.length && after < w[t.partition()];
          String entry = "{job: " + job.name() + ", stage: " + t.stage().scenarioName() + ", partition: " + t.partition()
              + ", stageAttempt: " + t.stageAttempt() + ", attempt: " + t.attempt() + (fits ? ", after: " + after + "ms" : "")
              + "}";
          lines.add(entry);
          comments.add("TaskEnd line " + t.line() + ": " + t.reason() + " " + t.detail());
          if (!fits && t.partition() >= 0 && t.partition() < w.length) {
            long replayed = w[t.partition()] + launchLatency + statusLatency;
            if (Math.abs(replayed - t.wall()) > Tolerance.allowedMs(t.wall())) {
              gaps.add("failure later than the partition's work", "stage " + t.stage().id + " partition " + t.partition()
                  + " attempt " + t.attempt() + " failed " + t.wall() + " ms after its launch, later than the partition's"
                  + " successful run; the simulator keys work by partition, so it fails at " + replayed + " ms", t.line());
            }
          }
        }
        case "TaskKilled" -> {
          String d = t.detail();
          boolean consequence = d.contains("from barrier stage") || d.contains("Stage cancelled") || d.contains("aborted")
              || d.contains("another attempt succeeded") || d.contains("Stage finished");
          if (!consequence) cancelled.add(t.line());
        }
        case "ExecutorLostFailure" -> {
          boolean removed = false;
          for (ClusterPlan.Change c : cluster.losses) removed |= c.executor().id.equals(t.executor());
          for (ClusterPlan.Change c : cluster.changes) removed |= c.decommission() && c.executor().id.equals(t.executor());
          if (!removed) lostWithoutRemoval.add(t.line());
        }
        case "FetchFailed" -> {
          if (cluster.losses.isEmpty()) fetch.add(t.line());
        }
        case "Resubmitted", "Success" -> { }
        default -> other.add(t.line());
      }
    }
    if (!speculative.isEmpty()) {
      gaps.add("speculation", speculative.size() + " speculative task attempts; they are not replayed one by one:"
          + " with spark.speculation carried over, the simulation speculates by Spark's rule", speculative);
    }
    if (!cancelled.isEmpty()) {
      gaps.add("task kills", cancelled.size() + " tasks were killed for another reason than a barrier sibling's failure"
          + " or a job abort (a user's cancellation?); barriersim cannot cancel jobs", cancelled);
    }
    if (!lostWithoutRemoval.isEmpty()) {
      gaps.add("executor loss", lostWithoutRemoval.size() + " tasks ended ExecutorLostFailure without an ExecutorRemoved"
          + " event in the imported time range; the loss is not replayed", lostWithoutRemoval);
    }
    if (!fetch.isEmpty()) {
      gaps.add("fetch failures", fetch.size() + " tasks ended FetchFailed without a recorded executor loss; barriersim"
          + " produces fetch failures only from lost executors", fetch);
    }
    if (!other.isEmpty()) {
      gaps.add("other task end reasons", other.size() + " tasks ended for a reason barriersim does not model"
          + " (TaskCommitDenied, ...)", other);
    }
  }

  /** Spark settings and events that change scheduling but are not modelled. */
  private void noteFeatures(boolean isLocal, String master) {
    Map<String, String> p = app.properties;
    if ("true".equalsIgnoreCase(p.get("spark.blacklist.enabled"))) {
      gaps.add("exclusion on failure", "spark.blacklist.enabled is true; barriersim reads only the"
          + " spark.excludeOnFailure.* keys that replaced it in Spark 3.1", app.environmentLine);
    }
    if (!app.schedulerEvents.isEmpty()) {
      gaps.add("scheduler events not modelled", "the log has " + app.schedulerEvents + "; they are not replayed");
    }
    if ("FAIR".equalsIgnoreCase(p.getOrDefault("spark.scheduler.mode", "FIFO"))) {
      gaps.add("FAIR pools", "the pools' weight, minShare and schedulingMode (spark.scheduler.allocation.file) are not"
          + " in the event log; the pools are written with Spark's defaults (weight 1, minShare 0, FIFO): edit them",
          app.environmentLine);
    }
    for (Map.Entry<Integer, Map<String, Double>> rp : app.taskRequests.entrySet()) {
      for (Map.Entry<String, Double> r : rp.getValue().entrySet()) {
        if (!r.getKey().equals("cpus") && r.getValue() != Math.floor(r.getValue())) {
          gaps.add("fractional task resources", "resource profile " + rp.getKey() + " asks " + r.getValue() + " "
              + r.getKey() + " per task; barriersim takes whole amounts and rounds it up");
        }
      }
    }
    // 'barriersim' is the master of a run that 'run --spark-event-log' wrote: offers in id order, no locality, as replayed.
    if (!isLocal && !master.startsWith("local-cluster") && !master.isEmpty() && !master.equals("barriersim")) {
      // Real clusters shuffle offers and prefer local data; the replay offers in executor order, without locality.
      gaps.add("locality and offer order", "master " + master + ": Spark shuffles offers and delays tasks for locality"
          + " (spark.locality.wait); the log does not say which tasks preferred which hosts and the replay offers"
          + " executors in id order, so which executor runs a task, and launches held back for locality, may differ",
          app.environmentLine);
    }
  }

  private void header(YamlText y, String master, long origin, RevivePhase.Result phase, long interval) {
    y.comment(0, "Imported by 'barriersim import' from the Spark event log " + app.file + ".");
    y.comment(0, "Spark " + app.sparkVersion + " (SparkListenerLogStart, line " + app.logStartLine + "), application "
        + app.appId + " '" + app.appName + "', master " + master + " (SparkListenerEnvironmentUpdate, line "
        + app.environmentLine + ").");
    y.comment(0, "Imported jobs: " + jobIds() + " of " + app.jobs.size() + " in the log; every time below is ms after"
        + " time 0 = epoch ms " + origin + ".");
    if (phase != null) {
      y.comment(0, "The periodic revive ticks (spark.scheduler.revive.interval " + interval + " ms) have the phase epoch ms mod "
          + interval + " = " + phase.phaseMs() + ", " + phase.how() + "; simulation.reviveOffset keeps it.");
      for (RevivePhase.Launch l : phase.launches()) {
        y.comment(2, "stage " + l.stage().id + " attempt " + l.attempt() + " launched at epoch ms " + l.at() + " (TaskEnd line "
            + l.line() + "): phase " + Math.floorMod(l.at(), interval));
      }
      if (phase.spreadMs() > 0) y.comment(2, "those launches spread up to " + phase.spreadMs() + " ms around the phase.");
    }
    y.comment(0, "Barrier stages run as one phase: the barrier() calls inside their tasks are not in the log, so each"
        + " duration includes its barrier() waits (also in the non-barrier arm of a what-if).");
    if (!app.otherEvents.isEmpty()) y.comment(0, "Events skipped (not scheduling): " + app.otherEvents + ".");
    y.blank();
  }

  private String scenarioName() {
    String s = name(app.appName.isEmpty() ? app.appId : app.appName);
    return s.isEmpty() ? "spark-app" : s;
  }

  /** A scenario name ({@code [A-Za-z0-9][A-Za-z0-9._-]*}) for a Spark name; empty when nothing is left. */
  static String name(String raw) {
    String s = raw.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[-.]+$", "");
    return s.length() > 100 ? s.substring(0, 100) : s;
  }

  private boolean fair() {
    return "FAIR".equalsIgnoreCase(app.properties.getOrDefault("spark.scheduler.mode", "FIFO"));
  }

  /** The pool of a job in FAIR mode (a scenario name), or null: Spark's default pool. */
  private String poolOf(RecordedJob j) {
    if (!fair() || j.pool.isEmpty()) return null;
    String p = name(j.pool);
    return p.isEmpty() || p.equals("default") ? null : p;
  }

  /** FAIR pools named by the jobs; their weights and shares are not in the log (see the NOT REPLAYED list). */
  private void writePools(YamlText y) {
    java.util.Map<String, List<String>> pools = new TreeMap<>();
    for (RecordedJob j : jobs) {
      String p = poolOf(j);
      if (p != null) pools.computeIfAbsent(p, k -> new ArrayList<>()).add(j.name() + " ('" + j.pool + "')");
    }
    if (pools.isEmpty()) return;
    y.line(0, "pools:");
    pools.forEach((p, users) -> y.line(2, "- {name: " + p + "}", "spark.scheduler.pool of " + String.join(", ", users)
        + "; weight, minShare and schedulingMode are Spark's defaults"));
    y.blank();
  }

  private void writeCluster(YamlText y, ClusterPlan c, long origin) {
    y.line(0, "cluster:");
    y.line(2, "executors:");
    int host = 0;
    for (ClusterPlan.Group g : c.groups) {
      List<String> ids = new ArrayList<>();
      List<String> hosts = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      for (RecordedExecutor e : g.members()) {
        ids.add(e.id + "->" + c.simId.get(e.id));
        if (!hosts.contains(e.host)) hosts.add(e.host);
        lines.add(String.valueOf(e.addedLine));
      }
      int nHosts = (g.count() + g.perHost() - 1) / g.perHost();
      y.line(4, "- {count: " + g.count() + ", cores: " + g.cores() + resources(g.resources())
          + (g.perHost() > 1 ? ", executorsPerHost: " + g.perHost() : "") + "}",
          "Spark executors (id->scenario id) " + String.join(", ", ids) + " on " + String.join(", ", hosts) + " (host-" + host
              + (nHosts > 1 ? "..host-" + (host + nHosts - 1) : "") + "): ExecutorAdded line" + (lines.size() > 1 ? "s " : " ") + String.join(", ", lines));
      host += nHosts;
    }
    if (!c.changes.isEmpty()) {
      y.line(2, "changes:");
      for (ClusterPlan.Change ch : c.changes) {
        RecordedExecutor e = ch.executor();
        if (ch.add()) {
          y.line(4, "- {at: " + ch.at() + "ms, add: {count: 1, cores: " + e.cores + resources(e.resources) + "}}",
              "Spark executor " + e.id + " -> " + c.simId.get(e.id) + " on " + e.host + ": ExecutorAdded line " + e.addedLine);
        } else {
          y.line(4, "- {at: " + ch.at() + "ms, decommission: [" + YamlText.quote(c.simId.get(e.id)) + "]}",
              "Spark executor " + e.id + ": ExecutorRemoved line " + e.removedLine + ": " + e.removedReason);
        }
      }
    }
    y.blank();
  }

  private static String resources(Map<String, Integer> r) {
    if (r.isEmpty()) return "";
    List<String> parts = new ArrayList<>();
    r.forEach((k, v) -> parts.add(k + ": " + v));
    return ", resources: {" + String.join(", ", parts) + "}";
  }

  private void writeSpark(YamlText y, boolean isLocal, Matcher local, long interval) {
    Map<String, String> p = app.properties;
    List<String[]> entries = new ArrayList<>();
    String env = "SparkListenerEnvironmentUpdate line " + app.environmentLine;
    copy(entries, p, "spark.task.cpus", env);
    for (Map.Entry<String, String> e : p.entrySet()) {
      if (e.getKey().matches("spark\\.task\\.resource\\.[A-Za-z0-9][A-Za-z0-9._-]*\\.amount")) {
        double amount = parseDouble(e.getValue());
        if (amount > 0) entries.add(new String[] {e.getKey(), String.valueOf((long) Math.ceil(amount)), env});
      }
    }
    if ("FAIR".equalsIgnoreCase(p.getOrDefault("spark.scheduler.mode", "FIFO"))) entries.add(new String[] {"spark.scheduler.mode", "FAIR", env});
    if (p.containsKey("spark.scheduler.revive.interval")) {
      entries.add(new String[] {"spark.scheduler.revive.interval", interval + "ms", env});
    }
    time(entries, p, "spark.scheduler.barrier.maxConcurrentTasksCheck.interval", 1000, env);
    copy(entries, p, "spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures", env);
    time(entries, p, "spark.barrier.sync.timeout", 1000, env);
    copy(entries, p, "spark.stage.maxConsecutiveAttempts", env);
    if (isLocal) {
      String f = local.group(2) == null ? "1" : local.group(2);
      entries.add(new String[] {"spark.task.maxFailures", f, "master " + local.group(0) + ": local[N] runs each task once,"
          + " local[N,F] F times (Spark ignores spark.task.maxFailures in local mode)"});
    } else {
      copy(entries, p, "spark.task.maxFailures", env);
    }
    if ("true".equalsIgnoreCase(p.get("spark.dynamicAllocation.enabled"))) {
      entries.add(new String[] {"spark.dynamicAllocation.enabled", "true", env + " (Spark fails barrier jobs at submission)"});
    }
    time(entries, p, "spark.locality.wait", 1, env);
    for (String level : List.of("process", "node", "rack")) time(entries, p, "spark.locality.wait." + level, 1, env);
    bool(entries, p, "spark.locality.wait.legacyResetOnTaskLaunch", env);
    bool(entries, p, "spark.shuffle.reduceLocality.enabled", env);
    if ("true".equalsIgnoreCase(p.get("spark.speculation"))) {
      entries.add(new String[] {"spark.speculation", "true", env});
      time(entries, p, "spark.speculation.interval", 1, env);
      decimal(entries, p, "spark.speculation.multiplier", env);
      decimal(entries, p, "spark.speculation.quantile", env);
      time(entries, p, "spark.speculation.minTaskRuntime", 1, env);
    }
    if ("true".equalsIgnoreCase(p.get("spark.excludeOnFailure.enabled"))) {
      entries.add(new String[] {"spark.excludeOnFailure.enabled", "true", env});
      for (String key : List.of("task.maxTaskAttemptsPerExecutor", "task.maxTaskAttemptsPerNode",
          "stage.maxFailedTasksPerExecutor", "stage.maxFailedExecutorsPerNode", "application.maxFailedTasksPerExecutor",
          "application.maxFailedExecutorsPerNode")) {
        copy(entries, p, "spark.excludeOnFailure." + key, env);
      }
      time(entries, p, "spark.excludeOnFailure.timeout", 1, env);
      time(entries, p, "spark.scheduler.excludeOnFailure.unschedulableTaskSetTimeout", 1, env);
    }
    String interrupt = interruptOnCancel();
    if (interrupt != null) entries.add(new String[] {"spark.job.interruptOnCancel", interrupt, "the jobs' JobStart Properties"});
    if (entries.isEmpty()) return;
    y.line(0, "spark:");
    for (String[] e : entries) y.line(2, e[0] + ": " + e[1], e[2]);
    y.blank();
  }

  /** The jobs' common {@code spark.job.interruptOnCancel}, or null when none sets true. */
  private String interruptOnCancel() {
    TreeMap<String, List<Long>> values = new TreeMap<>();
    for (RecordedJob j : jobs) {
      String v = j.interruptOnCancel.isEmpty() ? "false" : j.interruptOnCancel.toLowerCase(Locale.ROOT);
      values.computeIfAbsent(v, k -> new ArrayList<>()).add(j.line);
    }
    if (values.size() > 1) {
      gaps.add("per-job interruptOnCancel", "the jobs differ in spark.job.interruptOnCancel (" + values.keySet()
          + "); barriersim has one setting for all jobs: true is used", values.getOrDefault("true", List.of()));
    }
    return values.containsKey("true") ? "true" : null;
  }

  private static void copy(List<String[]> entries, Map<String, String> p, String key, String where) {
    String v = p.get(key);
    if (v != null && v.strip().matches("[0-9]{1,9}")) entries.add(new String[] {key, v.strip(), where});
  }

  private static void bool(List<String[]> entries, Map<String, String> p, String key, String where) {
    String v = p.get(key);
    if (v != null && v.strip().matches("(?i)true|false")) entries.add(new String[] {key, v.strip().toLowerCase(Locale.ROOT), where});
  }

  private static void time(List<String[]> entries, Map<String, String> p, String key, long bareUnit, String where) {
    long ms = SparkTime.toMs(p.get(key), bareUnit);
    if (ms >= 0) entries.add(new String[] {key, ms + "ms", where + " ('" + p.get(key) + "')"});
  }

  private static void decimal(List<String[]> entries, Map<String, String> p, String key, String where) {
    String v = p.get(key);
    if (v != null && v.strip().matches("[0-9]{1,6}(\\.[0-9]{1,6})?")) entries.add(new String[] {key, v.strip(), where});
  }

  private static double parseDouble(String s) {
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void writeSimulation(YamlText y, boolean isLocal, KillPolicy kill, RevivePhase.Result phase, long origin,
      long interval) {
    y.line(0, "simulation:");
    y.line(2, "backend: " + (isLocal ? "local" : "coarse-grained"), isLocal ? "spark.master local[...]: LocalSchedulerBackend"
        : "CoarseGrainedSchedulerBackend");
    if (phase != null) {
      y.line(2, "reviveOffset: " + reviveOffset(phase, origin, interval) + "ms", "periodic revive ticks at this offset + k x "
          + interval + " ms after time 0: " + (phase.launches().isEmpty() ? "an estimate" : "from the gang launches no task"
          + " end or submission explains") + " (see the top of the file)");
    }
    y.line(2, "latency:");
    y.line(4, "launch: " + launchLatency + "ms", "median Executor Deserialize Time of " + app.launchDelay.count()
        + " successful tasks (TaskEnd Task Metrics)");
    y.line(4, "statusUpdate: " + statusLatency + "ms", "median of Finish Time - Launch Time - deserialize - Executor Run Time");
    if (kill != null) y.line(2, "killLatency: " + kill.yamlValue(), kill.explanation());
    y.blank();
  }

  private void writeJobs(YamlText y, long origin, ClusterPlan cluster) {
    y.line(0, "jobs:");
    for (RecordedJob j : jobs) {
      StringBuilder what = new StringBuilder("Spark job " + j.id);
      if (!j.group.isEmpty()) what.append(", job group '").append(j.group).append('\'');
      if (!j.description.isEmpty()) what.append(", '").append(j.description).append('\'');
      what.append(": JobStart line ").append(j.line);
      if (j.ended()) {
        what.append(", JobEnd line ").append(j.endLine).append(": ").append(j.result).append(' ')
            .append(j.completed - j.submitted).append(" ms after its submission");
        if (!j.failure.isEmpty()) what.append(" (").append(j.failure).append(')');
      }
      y.comment(2, what.toString());
      y.line(2, "- name: " + j.name());
      y.line(4, "submitAt: " + (j.submitted - origin) + "ms", "JobStart Submission Time");
      if (poolOf(j) != null) y.line(4, "pool: " + poolOf(j), "spark.scheduler.pool '" + j.pool + "'");
      y.line(4, "stages:");
      List<RecordedStage> stages = stagesOf.get(j);
      java.util.Set<Integer> kept = new java.util.HashSet<>();
      for (RecordedStage s : stages) kept.add(s.id);
      for (RecordedStage s : stages) writeStage(y, s, kept);
    }
    y.blank();
  }

  private void writeStage(YamlText y, RecordedStage s, java.util.Set<Integer> kept) {
    StringBuilder what = new StringBuilder("stage " + s.id + " '" + s.name + "', " + s.tasks + (s.tasks == 1 ? " task" : " tasks"));
    what.append(s.barrier ? ", barrier (an RDD Info with \"Barrier\": true)" : "");
    what.append(": StageInfo line ").append(s.infoLine);
    if (s.ran()) {
      List<String> attempts = new ArrayList<>();
      for (RecordedStage.Attempt a : s.attempts.values()) {
        attempts.add(a.number + " (StageSubmitted line " + a.submitLine + (a.failureReason.isEmpty() ? "" : ", failed") + ")");
      }
      what.append("; attempts ").append(String.join(", ", attempts));
      if (s.lastTaskLine > 0) {
        what.append(s.firstTaskLine == s.lastTaskLine ? "; TaskEnd line " + s.firstTaskLine
            : "; TaskEnd lines " + s.firstTaskLine + "-" + s.lastTaskLine);
      }
    } else {
      what.append("; never ran");
    }
    y.comment(6, what.toString());
    y.line(6, "- name: " + s.scenarioName());
    y.line(8, "tasks: " + Math.max(1, s.tasks));
    if (s.barrier) y.line(8, "barrier: true");
    List<String> parents = new ArrayList<>();
    for (int p : s.parents) if (kept.contains(p)) parents.add("stage-" + p);
    if (!parents.isEmpty()) y.line(8, "parents: [" + String.join(", ", parents) + "]");
    Map<String, Integer> res = stageResources(s);
    if (!res.isEmpty()) y.line(8, "resources: {" + resources(res).substring(", resources: {".length()), "resource profile " + s.resourceProfile);
    writeDurations(y, s);
  }

  private Map<String, Integer> stageResources(RecordedStage s) {
    Map<String, Integer> r = new TreeMap<>();
    if (s.resourceProfile == 0) return r;
    Map<String, Double> req = app.taskRequests.getOrDefault(s.resourceProfile, Map.of());
    req.forEach((k, v) -> {
      if (!k.equals("cpus")) r.put(k, (int) Math.ceil(v));
    });
    double cpus = req.getOrDefault("cpus", 1.0);
    double conf = parseDouble(app.properties.getOrDefault("spark.task.cpus", "1"));
    if (cpus != conf) {
      gaps.add("per-stage task cpus", "stage " + s.id + " uses resource profile " + s.resourceProfile + " with " + cpus
          + " cpus per task; barriersim uses spark.task.cpus for every stage", s.infoLine);
    }
    return r;
  }

  private void writeDurations(YamlText y, RecordedStage s) {
    long[] w = work.get(s);
    String how = s.ran() ? "per partition: Finish - Launch of its successful attempt (else its longest attempt), minus"
        + " latency.launch and latency.statusUpdate" : "the stage never ran: a placeholder";
    boolean constant = true;
    for (long v : w) constant &= v == w[0];
    if (constant || !s.ran()) {
      y.line(8, "duration: " + w[0] + "ms", how);
      return;
    }
    List<String> items = new ArrayList<>();
    if (options.asDistribution()) {
      long[] sorted = w.clone();
      java.util.Arrays.sort(sorted);
      int n = Math.min(sorted.length, ImportOptions.MAX_EMPIRICAL);
      for (int i = 0; i < n; i++) {
        int idx = n == sorted.length ? i : (int) Math.round((double) i * (sorted.length - 1) / (n - 1));
        items.add(sorted[idx] + "ms");
      }
      y.comment(8, "durations: empirical, drawn uniformly from " + (n == sorted.length ? "the " + n + " recorded values"
          + " (sorted)" : n + " evenly spaced quantiles of the " + sorted.length + " recorded values") + "; " + how);
      y.line(8, "duration:");
      y.line(10, "dist: empirical");
      y.flowList(10, "values: ", items, "");
    } else {
      for (long v : w) items.add(v + "ms");
      y.comment(8, "durations: " + how);
      y.line(8, "duration:");
      y.line(10, "dist: values");
      y.flowList(10, "values: ", items, "");
    }
  }

  private void writeFailures(YamlText y, List<String> lines, List<String> comments, ClusterPlan cluster) {
    if (lines.isEmpty() && cluster.losses.isEmpty()) return;
    y.line(0, "failures:");
    if (!lines.isEmpty()) {
      y.comment(2, "recorded failed attempts; after = Finish - Launch of the attempt minus the two latencies");
      y.line(2, "tasks:");
      for (int i = 0; i < lines.size(); i++) y.line(4, "- " + lines.get(i), comments.get(i));
    }
    if (!cluster.losses.isEmpty()) {
      y.line(2, "executors:");
      for (ClusterPlan.Change c : cluster.losses) {
        RecordedExecutor e = c.executor();
        y.line(4, "- {lose: " + YamlText.quote(cluster.simId.get(e.id)) + ", at: " + c.at() + "ms"
            + (e.lostByApp ? ", cause: app" : "") + "}", "Spark executor " + e.id
            + ": ExecutorRemoved line " + e.removedLine + ": " + e.removedReason);
      }
    }
    y.blank();
  }

  /** Puts the not-replayed list at the top of the text, where a reader looks first. */
  private String notReplayed(String body) {
    List<ReplayGaps.Gap> all = gaps.all();
    if (all.isEmpty()) return "# Replay: everything recorded for the imported jobs is modelled (no NOT REPLAYED list).\n" + body;
    YamlText y = new YamlText();
    y.comment(0, "NOT REPLAYED (" + all.size() + "): what the simulator does not model, with the log lines concerned.");
    for (ReplayGaps.Gap g : all) y.comment(2, g.describe());
    return y + body;
  }
}
