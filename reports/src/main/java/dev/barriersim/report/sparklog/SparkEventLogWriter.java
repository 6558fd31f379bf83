package dev.barriersim.report.sparklog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.barriersim.core.Outcome;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.StageInfo;
import dev.barriersim.core.event.StageStatus;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.observe.SimulationListener;
import dev.barriersim.core.spark.Backend;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run as the JSON lines of a Spark 3.5 event log: the events and fields Spark's own logs
 * carry for what barriersim models (application, environment, executors, jobs with their stage
 * infos, stage attempts, task starts and ends with their end reasons). Virtual ms become epoch ms
 * from {@link #EPOCH_MS}. Task metrics carry the two scheduler latencies (deserialize time = the
 * launch latency, the rest of the wall time beyond the run time = the status-update latency) so
 * that {@code barriersim import} measures them back.
 */
public final class SparkEventLogWriter implements SimulationListener {
  /** Virtual time 0 as epoch ms: 2024-01-01T00:00:00Z (any fixed instant; the log must not depend on the clock). */
  public static final long EPOCH_MS = 1_704_067_200_000L;
  /** The Spark version the log claims: the format written is Spark 3.5's. */
  public static final String SPARK_VERSION = "3.5.9";
  /** Spark starts the revive timer just before the driver's block manager registers (see docs/import.md). */
  static final long BLOCK_MANAGER_AFTER_REVIVE_MS = 220;

  private static final JsonFactory JSON = new JsonFactory();

  private final Writer out;
  private final SimulationSpec spec;
  private final String mode;
  private final Map<String, JobSpec> jobs = new HashMap<>();
  /** Per job instance: its Spark job id (from JobStarted; absent for a job that never started). */
  private final Map<String, Integer> jobIds = new HashMap<>();
  /** Per (job, stage name): the stage id, whether it is the result stage, and its current attempt's submission. */
  private final Map<String, StageRef> stages = new HashMap<>();
  /** Barrier flag per stage id, from JobStarted (the arm's flags: the non-barrier arm has none). */
  private final Map<Integer, Boolean> barrierFlags = new HashMap<>();

  private static final class StageRef {
    final int id;
    final String name;
    final int partitions;
    final List<Integer> parents;
    final boolean result;
    long submittedMs;

    StageRef(int id, String name, int partitions, List<Integer> parents, boolean result) {
      this.id = id;
      this.name = name;
      this.partitions = partitions;
      this.parents = parents;
      this.result = result;
    }
  }

  /** Task ids of speculative copies ({@code TaskInfo.speculative}); only asked, never iterated. */
  private final java.util.Set<Long> speculative = new java.util.HashSet<>();

  /** Writes to {@code out} the run of {@code spec} in arm {@code mode} ({@code barrier}, {@code non-barrier}). */
  public SparkEventLogWriter(Writer out, SimulationSpec spec, String mode) {
    this.out = out;
    this.spec = spec;
    this.mode = mode;
    for (JobSpec j : spec.jobs()) jobs.put(j.name(), j);
  }

  @Override
  public void onEvent(SimEvent e) {
    try {
      if (e instanceof SimEvent.RunStarted r) start(r);
      else if (e instanceof SimEvent.ExecutorAdded a) executorAdded(a);
      else if (e instanceof SimEvent.ExecutorLost l) executorRemoved(l);
      else if (e instanceof SimEvent.JobStarted j) jobStart(j);
      else if (e instanceof SimEvent.StageSubmitted s) stageSubmitted(s);
      else if (e instanceof SimEvent.StageCompleted c) stageCompleted(c);
      else if (e instanceof SimEvent.SpeculativeTaskLaunched c) speculative.add(c.taskId());
      else if (e instanceof SimEvent.TaskLaunched l) taskStart(l);
      else if (e instanceof SimEvent.TaskEnded t) taskEnd(t);
      else if (e instanceof SimEvent.JobEnded j) jobEnd(j);
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  @Override
  public void onRunEnd(long endMs, Outcome outcome) {
    try {
      line(g -> {
        g.writeStringField("Event", "SparkListenerApplicationEnd");
        g.writeNumberField("Timestamp", EPOCH_MS + endMs);
      });
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  private void start(SimEvent.RunStarted r) throws IOException {
    line(g -> {
      g.writeStringField("Event", "SparkListenerLogStart");
      g.writeStringField("Spark Version", SPARK_VERSION);
    });
    line(g -> {
      g.writeStringField("Event", "SparkListenerEnvironmentUpdate");
      g.writeObjectFieldStart("JVM Information");
      g.writeEndObject();
      g.writeObjectFieldStart("Spark Properties");
      for (Map.Entry<String, String> p : SparkProperties.of(spec, appId(), appName()).entrySet()) {
        g.writeStringField(p.getKey(), p.getValue());
      }
      g.writeEndObject();
      for (String empty : new String[] {"Hadoop Properties", "System Properties", "Metrics Properties", "Classpath Entries"}) {
        g.writeObjectFieldStart(empty);
        g.writeEndObject();
      }
    });
    line(g -> {
      g.writeStringField("Event", "SparkListenerApplicationStart");
      g.writeStringField("App Name", appName());
      g.writeStringField("App ID", appId());
      g.writeNumberField("Timestamp", EPOCH_MS + r.t());
      g.writeStringField("User", "barriersim");
    });
    if (spec.settings().backend() == Backend.COARSE_GRAINED) {
      // The phase of the revive ticks, told the way a real log tells it (what 'import' estimates it from).
      long interval = spec.conf().reviveIntervalMs();
      long at = Math.floorMod(spec.settings().reviveOffsetMs(), interval) + BLOCK_MANAGER_AFTER_REVIVE_MS;
      line(g -> {
        g.writeStringField("Event", "SparkListenerBlockManagerAdded");
        g.writeObjectFieldStart("Block Manager ID");
        g.writeStringField("Executor ID", "driver");
        g.writeStringField("Host", "driver");
        g.writeNumberField("Port", 7079); // Spark requires a port > 0
        g.writeEndObject();
        g.writeNumberField("Maximum Memory", 0);
        g.writeNumberField("Timestamp", EPOCH_MS + at);
      });
    }
  }

  private String appId() {
    return "barriersim-" + spec.name() + "-" + mode;
  }

  private String appName() {
    return spec.name() + " (" + mode + ")";
  }

  private void executorAdded(SimEvent.ExecutorAdded a) throws IOException {
    if (a.launchLatencyMs() >= 0) launchLatencies.put(a.executor(), a.launchLatencyMs());
    line(g -> {
      g.writeStringField("Event", "SparkListenerExecutorAdded");
      g.writeNumberField("Timestamp", EPOCH_MS + a.t());
      g.writeStringField("Executor ID", a.executor());
      g.writeObjectFieldStart("Executor Info");
      g.writeStringField("Host", a.host());
      g.writeNumberField("Total Cores", a.cores());
      g.writeObjectFieldStart("Log Urls");
      g.writeEndObject();
      g.writeObjectFieldStart("Attributes");
      g.writeEndObject();
      g.writeObjectFieldStart("Resources");
      HeldResources r = a.resources();
      if (r != null) {
        for (int i = 0; i < r.names().size(); i++) {
          if (r.amount(i) == 0) continue;
          g.writeObjectFieldStart(r.names().get(i));
          g.writeStringField("name", r.names().get(i));
          g.writeArrayFieldStart("addresses");
          for (int address : r.addresses()[i]) g.writeString(String.valueOf(address));
          g.writeEndArray();
          g.writeEndObject();
        }
      }
      g.writeEndObject();
      g.writeNumberField("Resource Profile Id", 0);
      g.writeEndObject();
    });
  }

  private void executorRemoved(SimEvent.ExecutorLost l) throws IOException {
    line(g -> {
      g.writeStringField("Event", "SparkListenerExecutorRemoved");
      g.writeNumberField("Timestamp", EPOCH_MS + l.t());
      g.writeStringField("Executor ID", l.executor());
      g.writeStringField("Removed Reason", l.reason() == null ? "" : l.reason());
    });
  }

  private void jobStart(SimEvent.JobStarted j) throws IOException {
    jobIds.put(j.job(), j.jobId());
    JobSpec job = jobs.get(j.job());
    if (job == null) job = jobs.get(j.job().substring(0, Math.max(0, j.job().lastIndexOf('#')))); // name#k of a repeat
    Map<String, Integer> idOf = new HashMap<>();
    for (StageInfo s : j.stages()) idOf.put(s.name(), s.stageId());
    List<String> parentNames = new ArrayList<>();
    for (StageSpec s : job.stages()) parentNames.addAll(s.parents());
    List<StageRef> refs = new ArrayList<>();
    Map<Integer, Boolean> barrier = new HashMap<>();
    for (StageInfo info : j.stages()) {
      StageSpec s = job.stages().stream().filter(x -> x.name().equals(info.name())).findFirst().orElseThrow();
      List<Integer> parents = s.parents().stream().map(idOf::get).sorted().toList();
      StageRef ref = new StageRef(info.stageId(), info.name(), s.tasks(), parents, !parentNames.contains(s.name()));
      stages.put(key(j.job(), info.name()), ref);
      refs.add(ref);
      barrier.put(info.stageId(), info.barrier());
      barrierFlags.put(info.stageId(), info.barrier());
    }
    line(g -> {
      g.writeStringField("Event", "SparkListenerJobStart");
      g.writeNumberField("Job ID", j.jobId());
      g.writeNumberField("Submission Time", EPOCH_MS + j.t());
      g.writeArrayFieldStart("Stage Infos");
      for (StageRef r : refs) {
        g.writeStartObject();
        stageInfo(g, r, 0, r.partitions, barrier.get(r.id), null, null, null);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("Stage IDs");
      for (StageRef r : refs) g.writeNumber(r.id);
      g.writeEndArray();
      g.writeObjectFieldStart("Properties");
      g.writeStringField("spark.job.description", j.job());
      JobSpec js = jobs.get(j.job());
      if (js != null && !"default".equals(js.pool())) g.writeStringField("spark.scheduler.pool", js.pool());
      if (spec.conf().interruptOnCancel()) g.writeStringField("spark.job.interruptOnCancel", "true");
      g.writeEndObject();
    });
  }

  private void stageSubmitted(SimEvent.StageSubmitted s) throws IOException {
    StageRef r = stages.get(key(s.job(), s.stage()));
    r.submittedMs = s.t();
    line(g -> {
      g.writeStringField("Event", "SparkListenerStageSubmitted");
      g.writeObjectFieldStart("Stage Info");
      stageInfo(g, r, s.stageAttempt(), s.tasks(), s.barrier(), s.t(), null, null);
      g.writeEndObject();
      g.writeObjectFieldStart("Properties");
      g.writeStringField("spark.job.description", s.job());
      g.writeEndObject();
    });
  }

  private void stageCompleted(SimEvent.StageCompleted c) throws IOException {
    StageRef r = stages.get(key(c.job(), c.stage()));
    String failure = c.result() == StageStatus.SUCCEEDED ? null : (c.reason() == null ? "" : c.reason());
    line(g -> {
      g.writeStringField("Event", "SparkListenerStageCompleted");
      g.writeObjectFieldStart("Stage Info");
      stageInfo(g, r, c.stageAttempt(), r.partitions, null, r.submittedMs, c.t(), failure);
      g.writeEndObject();
    });
  }

  /** A StageInfo object's fields; {@code barrier} null: not known here (StageCompleted), written as the stage had it. */
  private void stageInfo(JsonGenerator g, StageRef r, int attempt, int tasks, Boolean barrier, Long submitted,
      Long completed, String failure) throws IOException {
    g.writeNumberField("Stage ID", r.id);
    g.writeNumberField("Stage Attempt ID", attempt);
    g.writeStringField("Stage Name", r.name);
    g.writeNumberField("Number of Tasks", tasks);
    g.writeArrayFieldStart("RDD Info");
    g.writeStartObject();
    g.writeNumberField("RDD ID", r.id);
    g.writeStringField("Name", r.name);
    g.writeStringField("Callsite", r.name);
    g.writeArrayFieldStart("Parent IDs");
    g.writeEndArray();
    g.writeObjectFieldStart("Storage Level");
    g.writeBooleanField("Use Disk", false);
    g.writeBooleanField("Use Memory", false);
    g.writeBooleanField("Use Off Heap", false);
    g.writeBooleanField("Deserialized", false);
    g.writeNumberField("Replication", 1);
    g.writeEndObject();
    g.writeBooleanField("Barrier", barrier != null ? barrier : barrierOf(r));
    g.writeStringField("DeterministicLevel", "DETERMINATE");
    g.writeNumberField("Number of Partitions", r.partitions);
    g.writeNumberField("Number of Cached Partitions", 0);
    g.writeNumberField("Memory Size", 0);
    g.writeNumberField("Disk Size", 0);
    g.writeEndObject();
    g.writeEndArray();
    g.writeArrayFieldStart("Parent IDs");
    for (int p : r.parents) g.writeNumber(p);
    g.writeEndArray();
    g.writeStringField("Details", "");
    if (submitted != null) g.writeNumberField("Submission Time", EPOCH_MS + submitted);
    if (completed != null) g.writeNumberField("Completion Time", EPOCH_MS + completed);
    if (failure != null) g.writeStringField("Failure Reason", failure);
    g.writeArrayFieldStart("Accumulables");
    g.writeEndArray();
    g.writeNumberField("Resource Profile Id", 0);
    g.writeBooleanField("Shuffle Push Enabled", false);
    g.writeNumberField("Shuffle Push Mergers Count", 0);
  }

  private boolean barrierOf(StageRef r) {
    return barrierFlags.getOrDefault(r.id, false);
  }

  /** The locality of each running task, by task id, for its TaskInfo at the end (TaskEnded does not carry it). */
  private final java.util.Map<Long, String> localities = new java.util.HashMap<>();
  /** Executors with a launch latency of their own (their group's {@code launchLatency}). */
  private final Map<String, Long> launchLatencies = new HashMap<>();

  private void taskStart(SimEvent.TaskLaunched l) throws IOException {
    StageRef r = stages.get(key(l.job(), l.stage()));
    localities.put(l.taskId(), l.locality().name());
    line(g -> {
      g.writeStringField("Event", "SparkListenerTaskStart");
      g.writeNumberField("Stage ID", r.id);
      g.writeNumberField("Stage Attempt ID", l.stageAttempt());
      g.writeObjectFieldStart("Task Info");
      taskInfo(g, l.taskId(), l.partition(), l.attempt(), l.t(), l.executor(), l.host(), 0, TaskStatus.RUNNING,
          l.locality().name(), speculative.contains(l.taskId()));
      g.writeEndObject();
    });
  }

  private void taskEnd(SimEvent.TaskEnded t) throws IOException {
    StageRef r = stages.get(key(t.job(), t.stage()));
    long wall = Math.max(0, t.t() - t.launchMs());
    long launchLatency = launchLatencies.getOrDefault(t.executor(), spec.settings().launchLatencyMs());
    long deserialize = Math.min(wall, launchLatency);
    long run = Math.max(0, wall - launchLatency - spec.settings().statusUpdateLatencyMs());
    String locality = java.util.Objects.requireNonNullElse(localities.remove(t.taskId()), "PROCESS_LOCAL");
    line(g -> {
      g.writeStringField("Event", "SparkListenerTaskEnd");
      g.writeNumberField("Stage ID", r.id);
      g.writeNumberField("Stage Attempt ID", t.stageAttempt());
      g.writeStringField("Task Type", r.result ? "ResultTask" : "ShuffleMapTask");
      g.writeObjectFieldStart("Task End Reason");
      EndReasons.write(g, t);
      g.writeEndObject();
      g.writeObjectFieldStart("Task Info");
      taskInfo(g, t.taskId(), t.partition(), t.attempt(), t.launchMs(), t.executor(), t.host(), t.t(), t.status(),
          locality, speculative.contains(t.taskId()));
      g.writeEndObject();
      g.writeObjectFieldStart("Task Metrics");
      g.writeNumberField("Executor Deserialize Time", deserialize);
      g.writeNumberField("Executor Deserialize CPU Time", 0);
      g.writeNumberField("Executor Run Time", run);
      g.writeNumberField("Executor CPU Time", 0);
      g.writeNumberField("Peak Execution Memory", 0);
      g.writeNumberField("Result Size", 0);
      g.writeNumberField("JVM GC Time", 0);
      g.writeNumberField("Result Serialization Time", 0);
      g.writeNumberField("Memory Bytes Spilled", 0);
      g.writeNumberField("Disk Bytes Spilled", 0);
      g.writeEndObject();
    });
  }

  private static void taskInfo(JsonGenerator g, long taskId, int partition, int attempt, long launch, String executor,
      String host, long finish, TaskStatus status, String locality, boolean isSpeculative) throws IOException {
    g.writeNumberField("Task ID", taskId);
    g.writeNumberField("Index", partition);
    g.writeNumberField("Attempt", attempt);
    g.writeNumberField("Partition ID", partition);
    g.writeNumberField("Launch Time", EPOCH_MS + launch);
    g.writeStringField("Executor ID", executor);
    g.writeStringField("Host", host);
    g.writeStringField("Locality", locality);
    g.writeBooleanField("Speculative", isSpeculative);
    g.writeNumberField("Getting Result Time", 0);
    g.writeNumberField("Finish Time", status == TaskStatus.RUNNING ? 0 : EPOCH_MS + finish);
    g.writeBooleanField("Failed", status == TaskStatus.FAILED);
    g.writeBooleanField("Killed", status == TaskStatus.KILLED);
    g.writeArrayFieldStart("Accumulables");
    g.writeEndArray();
  }

  private void jobEnd(SimEvent.JobEnded j) throws IOException {
    Integer id = jobIds.get(j.job());
    if (id == null) return; // never started (its slot checks failed): Spark posts no JobStart and no JobEnd
    line(g -> {
      g.writeStringField("Event", "SparkListenerJobEnd");
      g.writeNumberField("Job ID", id);
      g.writeNumberField("Completion Time", EPOCH_MS + j.t());
      g.writeObjectFieldStart("Job Result");
      if (j.result() == JobStatus.SUCCEEDED) {
        g.writeStringField("Result", "JobSucceeded");
      } else {
        g.writeStringField("Result", "JobFailed");
        g.writeObjectFieldStart("Exception");
        g.writeStringField("Message", j.reason() == null ? "" : j.reason());
        g.writeArrayFieldStart("Stack Trace");
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
    });
  }

  private static String key(String job, String stage) {
    return job + '\u0000' + stage;
  }

  @FunctionalInterface
  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  /** One event: an object on one line. */
  private void line(Fields fields) throws IOException {
    JsonGenerator g = JSON.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    fields.write(g);
    g.writeEndObject();
    g.flush();
    out.write('\n');
  }
}
