package dev.barriersim.scenario.sparklog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the stream of events into a {@link RecordedApplication}: the first event must be Spark's
 * {@code SparkListenerLogStart} of a supported version; task details are kept only for the stages
 * of the selected jobs, so memory grows with those tasks alone (a few bytes each).
 */
final class ApplicationRecorder implements EventReader.Sink {
  /** Spark releases whose event logs carry what a replay needs (the RDD "Barrier" flag came in 3.0). */
  static final String SUPPORTED = "3.0 to 4.x";
  /** Interesting Spark properties; the rest of the environment (class paths, JVM settings) is not kept. */
  private static final Set<String> PROPERTY_PREFIXES = Set.of("spark.master", "spark.task.", "spark.scheduler.",
      "spark.barrier.", "spark.stage.", "spark.dynamicAllocation.enabled", "spark.speculation", "spark.locality.wait",
      "spark.excludeOnFailure.", "spark.blacklist.enabled", "spark.job.interruptOnCancel", "spark.app.",
      "spark.executor.cores", "spark.executor.resource.", "spark.shuffle.push.enabled", "spark.decommission.enabled",
      "spark.shuffle.reduceLocality.enabled");

  private final RecordedApplication app;
  private final String file;
  private final Set<Integer> selected;
  private final long lineOffset;
  private boolean first = true;

  /**
   * Records into {@code app}; {@code selected} job ids (empty: all) get task details; the lines of
   * this file count from {@code lineOffset} (the lines of a rolling log's earlier parts).
   */
  ApplicationRecorder(RecordedApplication app, String file, Set<Integer> selected, long lineOffset) {
    this.app = app;
    this.file = file;
    this.selected = selected;
    this.lineOffset = lineOffset;
  }

  /** Later files of a rolling log do not start with SparkListenerLogStart. */
  void continuing() {
    first = false;
  }

  @Override
  public void accept(EventReader.LogEvent read) throws EventLogException {
    app.events++;
    if (first) {
      first = false;
      checkLogStart(read);
    }
    EventReader.LogEvent e = new EventReader.LogEvent(read.type(), read.node(), read.line() + lineOffset);
    if (e.type() == null) {
      throw new EventLogException(file, read.line(), "not a Spark event log: this JSON object has no \"Event\" field",
          "give a Spark event log: every line is a listener event such as {\"Event\":\"SparkListenerTaskEnd\",...}");
    }
    JsonNode n = e.node();
    switch (e.type()) {
      case "SparkListenerLogStart" -> { }
      case "SparkListenerResourceProfileAdded" -> resourceProfile(n);
      case "SparkListenerEnvironmentUpdate" -> environment(n, e.line());
      case "SparkListenerApplicationStart" -> {
        app.appId = n.path("App ID").asText("");
        app.appName = n.path("App Name").asText("");
        app.appStart = n.path("Timestamp").asLong(-1);
      }
      case "SparkListenerApplicationEnd" -> app.appEnd = n.path("Timestamp").asLong(-1);
      case "SparkListenerBlockManagerAdded" -> {
        if ("driver".equals(n.path("Block Manager ID").path("Executor ID").asText())) {
          app.driverBlockManagerAdded = n.path("Timestamp").asLong(-1);
          app.driverBlockManagerLine = e.line();
        }
      }
      case "SparkListenerExecutorAdded" -> executorAdded(n, e.line());
      case "SparkListenerExecutorRemoved" -> executorRemoved(n, e.line());
      case "SparkListenerJobStart" -> jobStart(n, e.line());
      case "SparkListenerJobEnd" -> jobEnd(n, e.line());
      case "SparkListenerStageSubmitted" -> stageSubmitted(n, e.line());
      case "SparkListenerStageCompleted" -> stageCompleted(n, e.line());
      case "SparkListenerTaskStart" -> taskStart(n);
      case "SparkListenerTaskEnd" -> taskEnd(n, e.line());
      default -> {
        Map<String, Long> into = EventFields.KNOWN.contains(e.type()) ? app.schedulerEvents : app.otherEvents;
        if (into.containsKey(e.type()) || into.size() < 50) into.merge(e.type(), 1L, Long::sum);
      }
    }
  }

  private void checkLogStart(EventReader.LogEvent e) throws EventLogException {
    if (!"SparkListenerLogStart".equals(e.type())) {
      String found = e.type() == null ? "a JSON object without an \"Event\" field" : "a " + e.type() + " event";
      throw new EventLogException(file, e.line(), "not a Spark event log: it starts with " + found
          + ", not SparkListenerLogStart", e.type() != null && e.type().startsWith("SparkListener")
              ? "give the whole log (for a rolling log, its eventlog_v2_ folder)"
              : "give a Spark event log (the files under spark.eventLog.dir)");
    }
    String version = e.node().path("Spark Version").asText("");
    app.sparkVersion = version;
    app.logStartLine = e.line();
    int[] v = majorMinor(version);
    if (v == null || v[0] < 3 || v[0] > 4) {
      throw new EventLogException(file, e.line(), "Spark version '" + version + "' is not supported (supported: "
          + SUPPORTED + "; logs before 3.0 do not mark barrier stages)", "record the application with Spark "
          + SUPPORTED);
    }
  }

  static int[] majorMinor(String version) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+).*").matcher(version);
    if (!m.matches()) return null;
    try {
      return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  private void resourceProfile(JsonNode n) {
    Map<String, Double> req = new TreeMap<>();
    n.path("Task Resource Requests").properties().forEach(f ->
        req.put(f.getValue().path("Resource Name").asText(f.getKey()), f.getValue().path("Amount").asDouble(0)));
    app.taskRequests.put(n.path("Resource Profile Id").asInt(0), req);
  }

  private void environment(JsonNode n, long line) {
    app.environmentLine = line;
    n.path("Spark Properties").properties().forEach(f -> {
      String key = f.getKey();
      for (String prefix : PROPERTY_PREFIXES) {
        if (key.startsWith(prefix)) {
          app.properties.put(key, f.getValue().asText());
          break;
        }
      }
    });
  }

  private void executorAdded(JsonNode n, long line) {
    String id = n.path("Executor ID").asText("");
    JsonNode info = n.path("Executor Info");
    Map<String, Integer> resources = new TreeMap<>();
    info.path("Resources").properties().forEach(f -> resources.put(f.getKey(), f.getValue().path("addresses").size()));
    long t = n.path("Timestamp").asLong(0);
    app.executors.put(id, new RecordedExecutor(id, info.path("Host").asText(""), info.path("Total Cores").asInt(0),
        resources, t, line));
    app.offerTriggers.add(t);
  }

  private void executorRemoved(JsonNode n, long line) {
    RecordedExecutor e = app.executors.get(n.path("Executor ID").asText(""));
    if (e == null) return;
    e.removedAt = n.path("Timestamp").asLong(0);
    e.removedReason = EventReader.firstLine(n.path("Removed Reason").asText(""));
    e.removedLine = line;
    app.offerTriggers.add(e.removedAt);
  }

  private void jobStart(JsonNode n, long line) {
    int id = n.path("Job ID").asInt();
    List<Integer> stageIds = new ArrayList<>();
    n.path("Stage IDs").forEach(s -> stageIds.add(s.asInt()));
    JsonNode props = n.path("Properties");
    RecordedJob job = new RecordedJob(id, n.path("Submission Time").asLong(0), line, stageIds,
        props.path("spark.jobGroup.id").asText(""), props.path("spark.job.description").asText(""),
        props.path("spark.scheduler.pool").asText(""), props.path("spark.job.interruptOnCancel").asText(""));
    app.jobs.put(id, job);
    for (JsonNode info : n.path("Stage Infos")) {
      int sid = info.path("Stage ID").asInt();
      if (app.stages.containsKey(sid)) continue; // a stage shared with an earlier job keeps its first owner
      List<Integer> parents = new ArrayList<>();
      info.path("Parent IDs").forEach(p -> parents.add(p.asInt()));
      app.stages.put(sid, new RecordedStage(sid, info.path("Stage Name").asText(""), info.path("Number of Tasks").asInt(0),
          parents, barrier(info), info.path("Resource Profile Id").asInt(0), line));
    }
  }

  /** A stage is a barrier stage when any RDD of it is (Spark's isBarrier spreads through narrow dependencies). */
  private static boolean barrier(JsonNode stageInfo) {
    for (JsonNode rdd : stageInfo.path("RDD Info")) if (rdd.path("Barrier").asBoolean(false)) return true;
    return false;
  }

  private void jobEnd(JsonNode n, long line) {
    RecordedJob job = app.jobs.get(n.path("Job ID").asInt());
    if (job == null) return;
    job.completed = n.path("Completion Time").asLong(0);
    job.result = n.path("Job Result").path("Result").asText("");
    job.failure = EventReader.firstLine(n.path("Job Result").path("Exception").path("Message").asText(""));
    job.endLine = line;
  }

  private void stageSubmitted(JsonNode n, long line) {
    JsonNode info = n.path("Stage Info");
    RecordedStage stage = app.stages.get(info.path("Stage ID").asInt());
    if (stage == null) return;
    if (stage.owner == null) stage.owner = runningJobListing(stage.id);
    if (barrier(info)) stage.barrier = true;
    RecordedStage.Attempt a = stage.attempt(info.path("Stage Attempt ID").asInt());
    a.submitted = info.path("Submission Time").asLong(0);
    a.submitLine = line;
    app.offerTriggers.add(a.submitted);
  }

  /** The latest started, not yet ended job that lists the stage: the one whose submission runs it. */
  private RecordedJob runningJobListing(int stageId) {
    RecordedJob best = null;
    for (RecordedJob j : app.jobs.values()) {
      if (!j.ended() && j.stageIds.contains(stageId) && (best == null || j.submitted >= best.submitted)) best = j;
    }
    return best;
  }

  private void stageCompleted(JsonNode n, long line) {
    JsonNode info = n.path("Stage Info");
    RecordedStage stage = app.stages.get(info.path("Stage ID").asInt());
    if (stage == null) return;
    RecordedStage.Attempt a = stage.attempt(info.path("Stage Attempt ID").asInt());
    a.completed = info.path("Completion Time").asLong(0);
    a.failureReason = EventReader.firstLine(info.path("Failure Reason").asText(""));
    a.completeLine = line;
  }

  private boolean wanted(RecordedStage stage) {
    return stage.owner != null && (selected.isEmpty() || selected.contains(stage.owner.id));
  }

  /** A TaskStart of an imported stage, kept for the recorded timeline until its TaskEnd. */
  private void taskStart(JsonNode n) {
    if (app.tasks == null) return;
    RecordedStage stage = app.stages.get(n.path("Stage ID").asInt());
    if (stage == null || !wanted(stage)) return;
    JsonNode info = n.path("Task Info");
    int partition = info.path("Partition ID").asInt(-1);
    if (partition < 0) partition = info.path("Index").asInt();
    app.tasks.started(info.path("Task ID").asLong(), stage.id, n.path("Stage Attempt ID").asInt(), partition,
        info.path("Attempt").asInt(), info.path("Executor ID").asText(""), info.path("Host").asText(""),
        info.path("Launch Time").asLong(0));
  }

  /** The end reason as the simulator's tasks.csv words it: the exception, or TaskKilled (reason), ... */
  private static String endReason(JsonNode r) {
    String reason = r.path("Reason").asText("");
    String text = switch (reason) {
      case "ExceptionFailure" -> r.path("Class Name").asText("") + ": " + r.path("Description").asText("");
      case "TaskKilled" -> "TaskKilled (" + r.path("Kill Reason").asText("") + ")";
      case "ExecutorLostFailure" -> "ExecutorLostFailure (executor " + r.path("Executor ID").asText("") + ") Reason: "
          + r.path("Loss Reason").asText("");
      default -> reason + (r.path("Message").asText("").isEmpty() ? "" : ": " + r.path("Message").asText(""));
    };
    return EventReader.firstLine(text);
  }

  private void taskEnd(JsonNode n, long line) {
    app.taskEnds++;
    JsonNode info = n.path("Task Info");
    long launch = info.path("Launch Time").asLong(0);
    long finish = info.path("Finish Time").asLong(0);
    app.offerTriggers.add(finish);
    JsonNode end = n.path("Task End Reason");
    if (end.path("Reason").asText("").equals("ExecutorLostFailure") && end.path("Exit Caused By App").asBoolean(false)) {
      RecordedExecutor lost = app.executors.get(end.path("Executor ID").asText(""));
      if (lost != null) lost.lostByApp = true; // replayed as a loss with cause: app
    }
    RecordedStage stage = app.stages.get(n.path("Stage ID").asInt());
    if (stage == null || !wanted(stage)) return;
    int stageAttempt = n.path("Stage Attempt ID").asInt();
    int partition = info.path("Partition ID").asInt(-1);
    if (partition < 0) partition = info.path("Index").asInt(); // before Spark 3.3: the index (equal in a first attempt)
    String reason = n.path("Task End Reason").path("Reason").asText("");
    boolean success = reason.equals("Success");
    boolean speculative = info.path("Speculative").asBoolean(false);
    String executor = info.path("Executor ID").asText("");
    RecordedStage.Attempt a = stage.attempt(stageAttempt);
    if (launch < a.firstLaunch) {
      a.firstLaunch = launch;
      a.firstLaunchLine = line;
    }
    a.lastLaunch = Math.max(a.lastLaunch, launch);
    a.taskCount++;
    a.executors.add(executor);
    // A killed attempt's work went on past its kill: one ms more, so a replay kills it rather than ending it at that instant.
    stage.taskEnded(partition, finish - launch + (reason.equals("TaskKilled") ? 1 : 0), success, line);
    if (app.tasks != null && !reason.equals("Resubmitted")) {
      // Resubmitted re-reports an attempt that had succeeded (its output was lost): not a new attempt.
      byte how = success ? RecordedTasks.SUCCESS : reason.equals("TaskKilled") ? RecordedTasks.KILLED : RecordedTasks.FAILED;
      app.tasks.ended(info.path("Task ID").asLong(), stage.id, stageAttempt, partition, info.path("Attempt").asInt(),
          executor, info.path("Host").asText(""), launch, finish, how, success ? null : endReason(n.path("Task End Reason")));
    }
    if (success) {
      app.successfulTasks++;
      JsonNode m = n.path("Task Metrics");
      long deserialize = m.path("Executor Deserialize Time").asLong(0);
      long run = m.path("Executor Run Time").asLong(0);
      app.launchDelay.add(deserialize);
      app.resultDelay.add(Math.max(0, finish - launch - deserialize - run));
    }
    if (!success || speculative) {
      JsonNode r = n.path("Task End Reason");
      String detail = switch (reason) {
        case "ExceptionFailure" -> r.path("Class Name").asText("") + ": " + r.path("Description").asText("");
        case "TaskKilled" -> r.path("Kill Reason").asText("");
        case "ExecutorLostFailure" -> "executor " + r.path("Executor ID").asText("") + ": " + r.path("Loss Reason").asText("");
        default -> r.path("Message").asText("");
      };
      app.unusual.add(new TaskRecord(stage, stageAttempt, partition, info.path("Attempt").asInt(), launch, finish,
          executor, reason, EventReader.firstLine(detail), speculative, line));
    }
  }
}
