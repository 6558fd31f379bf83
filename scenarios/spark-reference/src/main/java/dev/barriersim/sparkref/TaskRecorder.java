package dev.barriersim.sparkref;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.Success$;
import org.apache.spark.TaskEndReason;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.TaskKilled;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.scheduler.TaskInfo;
import org.apache.spark.storage.RDDInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A SparkListener that keeps every task attempt of the timed jobs (launch, end, executor, host,
 * status, end reason, speculative flag, locality level), the timed jobs' submissions and ends, the
 * executors' arrivals and removals, the running tasks per executor, and the launches of the revive
 * probe. All times are Spark's own (epoch ms, the driver's clock).
 */
final class TaskRecorder extends SparkListener {
  /** The job group of the revive probe's gang. */
  static final String PROBE_GROUP = "harness-probe";

  /** One task attempt. */
  static final class Attempt {
    String job;
    String stage;
    int stageAttempt;
    int partition;
    int attempt;
    long taskId;
    String executor;
    String host;
    long launch;
    long end = -1;
    String status = "RUNNING";
    String reason = "";
    boolean speculative;
    String locality;
  }

  /** One timed job. */
  record Job(String name, int id, long submitted, long ended, String result) {}

  /** One executor's life. */
  static final class ExecutorLife {
    String id;
    String host;
    int cores;
    long added;
    long removed = -1;
    String reason = "";
  }

  private final Set<String> timedJobs;
  private final Map<Integer, String> stageOfRdd;
  private final Map<Integer, String> stageNames = new TreeMap<>();
  private final Map<Integer, String> jobOfStage = new TreeMap<>();
  private final Map<Integer, String> jobNames = new TreeMap<>();
  private final Map<Integer, Long> jobSubmitted = new TreeMap<>();
  private final List<Job> jobs = new ArrayList<>();
  private final Map<Long, Attempt> attempts = new LinkedHashMap<>();
  private final Map<String, ExecutorLife> executors = new LinkedHashMap<>();
  private final Map<String, Integer> running = new TreeMap<>();
  private final Set<Integer> probeStages = new java.util.TreeSet<>();
  private final List<Long> probeLaunches = new ArrayList<>();

  TaskRecorder(Set<String> timedJobs, Map<Integer, String> stageOfRdd) {
    this.timedJobs = timedJobs;
    this.stageOfRdd = stageOfRdd;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart e) {
    String group = e.properties() == null ? null : e.properties().getProperty("spark.jobGroup.id");
    for (StageInfo si : CollectionConverters.asJava(e.stageInfos())) {
      if (PROBE_GROUP.equals(group)) probeStages.add(si.stageId());
    }
    if (group == null || !timedJobs.contains(group)) return;
    jobNames.put(e.jobId(), group);
    jobSubmitted.put(e.jobId(), e.time());
    for (StageInfo si : CollectionConverters.asJava(e.stageInfos())) {
      int best = -1;
      for (RDDInfo r : CollectionConverters.asJava(si.rddInfos())) {
        if (stageOfRdd.containsKey(r.id()) && r.id() > best) best = r.id();
      }
      if (best < 0) continue;
      String[] js = stageOfRdd.get(best).split("/", 2);
      jobOfStage.put(si.stageId(), js[0]);
      stageNames.put(si.stageId(), js[1]);
    }
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd e) {
    String name = jobNames.get(e.jobId());
    if (name == null) return;
    String result = e.jobResult().toString();
    jobs.add(new Job(name, e.jobId(), jobSubmitted.get(e.jobId()), e.time(), result.startsWith("JobSucceeded")
        ? "SUCCEEDED" : "FAILED"));
  }

  @Override
  public synchronized void onTaskStart(SparkListenerTaskStart e) {
    TaskInfo ti = e.taskInfo();
    running.merge(ti.executorId(), 1, Integer::sum);
    if (probeStages.contains(e.stageId())) probeLaunches.add(ti.launchTime());
    String stage = stageNames.get(e.stageId());
    if (stage == null) return;
    Attempt a = new Attempt();
    a.job = jobOfStage.get(e.stageId());
    a.stage = stage;
    a.stageAttempt = e.stageAttemptId();
    a.partition = ti.partitionId();
    a.attempt = ti.attemptNumber();
    a.taskId = ti.taskId();
    a.executor = ti.executorId();
    a.host = ti.host();
    a.launch = ti.launchTime();
    a.speculative = ti.speculative();
    a.locality = ti.taskLocality().toString();
    attempts.put(a.taskId, a);
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
    TaskInfo ti = e.taskInfo();
    TaskEndReason r = e.reason();
    if (r.toString().equals("Resubmitted")) return; // a success whose output was lost later: the attempt ended before
    running.merge(ti.executorId(), -1, Integer::sum);
    Attempt a = attempts.get(ti.taskId());
    if (a == null || a.end >= 0) return;
    a.end = ti.finishTime();
    a.status = r == Success$.MODULE$ ? "SUCCESS" : r instanceof TaskKilled ? "KILLED" : "FAILED";
    if (r instanceof TaskFailedReason f) a.reason = f.toErrorString().lines().findFirst().orElse("").strip();
  }

  @Override
  public synchronized void onExecutorAdded(SparkListenerExecutorAdded e) {
    ExecutorLife x = new ExecutorLife();
    x.id = e.executorId();
    x.host = e.executorInfo().executorHost();
    x.cores = e.executorInfo().totalCores();
    x.added = e.time();
    executors.put(x.id, x);
    notifyAll();
  }

  @Override
  public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved e) {
    ExecutorLife x = executors.get(e.executorId());
    if (x == null) return;
    x.removed = e.time();
    x.reason = e.reason() == null ? "" : e.reason().lines().findFirst().orElse("");
    notifyAll();
  }

  /** Waits until at least {@code n} executors are alive, or throws after {@code timeoutMs}. */
  synchronized void awaitExecutors(int n, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (alive() < n) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) throw new IllegalStateException("only " + alive() + " of " + n + " executors registered in " + timeoutMs + " ms");
      wait(left);
    }
  }

  synchronized int alive() {
    return (int) executors.values().stream().filter(x -> x.removed < 0).count();
  }

  /** The alive executor that ran the first attempt of {@code job/stage} partition {@code p}, or null. */
  synchronized String executorOf(String job, String stage, int p) {
    for (Attempt a : attempts.values()) {
      if (a.job.equals(job) && a.stage.equals(stage) && a.partition == p && executors.containsKey(a.executor)
          && executors.get(a.executor).removed < 0) {
        return a.executor;
      }
    }
    return null;
  }

  /** True when every recorded attempt has ended. */
  synchronized boolean allEnded() {
    return attempts.values().stream().allMatch(a -> a.end >= 0);
  }

  synchronized List<Attempt> attempts() {
    return new ArrayList<>(attempts.values());
  }

  synchronized List<Job> jobs() {
    return new ArrayList<>(jobs);
  }

  synchronized List<ExecutorLife> executors() {
    return new ArrayList<>(executors.values());
  }

  synchronized List<Long> probeLaunches() {
    return new ArrayList<>(probeLaunches);
  }

  synchronized Map<String, Integer> running() {
    return new TreeMap<>(running);
  }
}
