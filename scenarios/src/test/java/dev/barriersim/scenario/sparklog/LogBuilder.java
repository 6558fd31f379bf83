package dev.barriersim.scenario.sparklog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes small Spark 3.5 event logs event by event, for cases the real fixtures do not have
 * (executor changes, shared stages, retries, pools, resources), and keeps the timeline they
 * record so that a replay can be compared with it.
 */
final class LogBuilder {
  static final long T0 = 1_800_000_000_000L;

  /** A stage as a JobStart lists it. */
  record Stage(int id, int tasks, List<Integer> parents, boolean barrier, int profile) {
    Stage(int id, int tasks, List<Integer> parents, boolean barrier) {
      this(id, tasks, parents, barrier, 0);
    }
  }

  private final List<String> lines = new ArrayList<>();
  private final Map<Integer, Timeline.Job> jobs = new TreeMap<>();
  private final List<Timeline.Task> tasks = new ArrayList<>();
  private final Map<Integer, Integer> jobOfStage = new TreeMap<>();
  private long taskId;

  LogBuilder(Map<String, String> sparkProperties) {
    lines.add("{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"3.5.9\"}");
    lines.add("{\"Event\":\"SparkListenerEnvironmentUpdate\",\"JVM Information\":{},\"Spark Properties\":" + map(sparkProperties)
        + ",\"Hadoop Properties\":{},\"System Properties\":{},\"Classpath Entries\":{}}");
    lines.add("{\"Event\":\"SparkListenerApplicationStart\",\"App Name\":\"built app\",\"App ID\":\"app-built\","
        + "\"Timestamp\":" + (T0 - 5000) + ",\"User\":\"u\"}");
  }

  LogBuilder raw(String line) {
    lines.add(line);
    return this;
  }

  LogBuilder executor(String id, String host, int cores, long at, Map<String, Integer> resources) {
    StringBuilder r = new StringBuilder("{");
    resources.forEach((k, n) -> {
      StringBuilder addresses = new StringBuilder();
      for (int i = 0; i < n; i++) addresses.append(i == 0 ? "" : ",").append('"').append(i).append('"');
      r.append(r.length() > 1 ? "," : "").append('"').append(k).append("\":{\"name\":\"").append(k)
          .append("\",\"addresses\":[").append(addresses).append("]}");
    });
    r.append('}');
    lines.add("{\"Event\":\"SparkListenerExecutorAdded\",\"Timestamp\":" + (T0 + at) + ",\"Executor ID\":\"" + id
        + "\",\"Executor Info\":{\"Host\":\"" + host + "\",\"Total Cores\":" + cores + ",\"Log Urls\":{},\"Attributes\":{},"
        + "\"Resources\":" + r + ",\"Resource Profile Id\":0}}");
    return this;
  }

  LogBuilder executorRemoved(String id, long at, String reason) {
    lines.add("{\"Event\":\"SparkListenerExecutorRemoved\",\"Timestamp\":" + (T0 + at) + ",\"Executor ID\":\"" + id
        + "\",\"Removed Reason\":\"" + reason + "\"}");
    return this;
  }

  LogBuilder jobStart(int id, long at, Map<String, String> properties, Stage... stages) {
    StringBuilder infos = new StringBuilder();
    StringBuilder ids = new StringBuilder();
    for (Stage s : stages) {
      infos.append(infos.length() > 0 ? "," : "").append(stageInfo(s.id(), 0, s));
      ids.append(ids.length() > 0 ? "," : "").append(s.id());
      jobOfStage.putIfAbsent(s.id(), id);
      STAGES.put(s.id(), s);
    }
    lines.add("{\"Event\":\"SparkListenerJobStart\",\"Job ID\":" + id + ",\"Submission Time\":" + (T0 + at)
        + ",\"Stage Infos\":[" + infos + "],\"Stage IDs\":[" + ids + "],\"Properties\":" + map(properties) + "}");
    jobs.put(id, new Timeline.Job(id, T0 + at, -1));
    return this;
  }

  private final Map<Integer, Stage> STAGES = new TreeMap<>();

  LogBuilder stageSubmitted(int job, int stage, int attempt, long at) {
    jobOfStage.put(stage, job);
    lines.add("{\"Event\":\"SparkListenerStageSubmitted\",\"Stage Info\":" + stageInfo(stage, attempt, STAGES.get(stage))
        .replace("\"Accumulables\"", "\"Submission Time\":" + (T0 + at) + ",\"Accumulables\"") + ",\"Properties\":{}}");
    return this;
  }

  LogBuilder stageCompleted(int stage, int attempt, long at, String failure) {
    lines.add("{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":" + stageInfo(stage, attempt, STAGES.get(stage))
        .replace("\"Accumulables\"", "\"Completion Time\":" + (T0 + at) + (failure == null ? ""
            : ",\"Failure Reason\":\"" + failure + "\"") + ",\"Accumulables\"") + "}");
    return this;
  }

  /** A TaskStart and a TaskEnd; {@code reason} Success, ExceptionFailure or TaskKilled (with {@code detail}). */
  LogBuilder task(int stage, int stageAttempt, int partition, int attempt, long launch, long finish, String executor,
      String reason, String detail, boolean speculative) {
    String info = "{\"Task ID\":" + taskId++ + ",\"Index\":" + partition + ",\"Attempt\":" + attempt + ",\"Partition ID\":"
        + partition + ",\"Launch Time\":" + (T0 + launch) + ",\"Executor ID\":\"" + executor + "\",\"Host\":\"h\","
        + "\"Locality\":\"PROCESS_LOCAL\",\"Speculative\":" + speculative + ",\"Getting Result Time\":0,\"Finish Time\":";
    lines.add("{\"Event\":\"SparkListenerTaskStart\",\"Stage ID\":" + stage + ",\"Stage Attempt ID\":" + stageAttempt
        + ",\"Task Info\":" + info + "0,\"Failed\":false,\"Killed\":false,\"Accumulables\":[]}}");
    String end = switch (reason) {
      case "ExceptionFailure" -> "{\"Reason\":\"ExceptionFailure\",\"Class Name\":\"java.lang.RuntimeException\","
          + "\"Description\":\"" + detail + "\",\"Stack Trace\":[]}";
      case "TaskKilled" -> "{\"Reason\":\"TaskKilled\",\"Kill Reason\":\"" + detail + "\"}";
      case "ExecutorLostFailure" -> "{\"Reason\":\"ExecutorLostFailure\",\"Executor ID\":\"" + executor
          + "\",\"Exit Caused By App\":" + detail.equals("app") + ",\"Loss Reason\":\"lost\"}";
      default -> "{\"Reason\":\"" + reason + "\"}";
    };
    lines.add("{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":" + stage + ",\"Stage Attempt ID\":" + stageAttempt
        + ",\"Task Type\":\"ResultTask\",\"Task End Reason\":" + end + ",\"Task Info\":" + info + (T0 + finish)
        + ",\"Failed\":" + !reason.equals("Success") + ",\"Killed\":" + reason.equals("TaskKilled") + ",\"Accumulables\":[]},"
        + "\"Task Metrics\":{\"Executor Deserialize Time\":0,\"Executor Run Time\":" + (finish - launch) + "}}");
    String status = switch (reason) {
      case "Success" -> "SUCCESS";
      case "TaskKilled" -> "KILLED";
      default -> "FAILED";
    };
    tasks.add(new Timeline.Task(jobOfStage.get(stage), stage, stageAttempt, partition, attempt, T0 + launch, T0 + finish,
        status));
    return this;
  }

  LogBuilder success(int stage, int partition, long launch, long finish, String executor) {
    return task(stage, 0, partition, 0, launch, finish, executor, "Success", "", false);
  }

  LogBuilder jobEnd(int id, long at) {
    lines.add("{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":" + id + ",\"Completion Time\":" + (T0 + at)
        + ",\"Job Result\":{\"Result\":\"JobSucceeded\"}}");
    Timeline.Job j = jobs.get(id);
    jobs.put(id, new Timeline.Job(id, j.submitted(), T0 + at));
    return this;
  }

  Path write(Path file) throws IOException {
    Files.write(file, lines);
    return file;
  }

  /** The timeline this log records. */
  Timeline timeline() {
    return new Timeline(new TreeMap<>(jobs), List.copyOf(tasks));
  }

  private static String stageInfo(int id, int attempt, Stage s) {
    StringBuilder parents = new StringBuilder();
    for (int p : s.parents()) parents.append(parents.length() > 0 ? "," : "").append(p);
    return "{\"Stage ID\":" + id + ",\"Stage Attempt ID\":" + attempt + ",\"Stage Name\":\"stage " + id + "\",\"Number of Tasks\":"
        + s.tasks() + ",\"RDD Info\":[{\"RDD ID\":" + id + ",\"Name\":\"r\",\"Barrier\":" + s.barrier() + "}],\"Parent IDs\":["
        + parents + "],\"Details\":\"\",\"Resource Profile Id\":" + s.profile() + ",\"Accumulables\":[]}";
  }

  private static String map(Map<String, String> m) {
    StringBuilder s = new StringBuilder("{");
    m.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
    return s.append('}').toString();
  }
}
