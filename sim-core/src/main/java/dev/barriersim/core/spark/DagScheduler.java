package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.cluster.ResourceDemand;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.engine.Phase;
import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.StageInfo;
import dev.barriersim.core.event.StageStatus;
import dev.barriersim.core.workload.StageGraph;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Spark's {@code DAGScheduler} for stage DAGs: the submission-time barrier checks (dynamic
 * allocation, then slots, retried every {@code maxConcurrentTasksCheck.interval}), stage
 * submission when parents are available, completion, the barrier failure branch (kill every
 * attempt, fail the stage attempt, rerun a map stage whole after {@code RESUBMIT_TIMEOUT} or abort
 * a result stage), {@code spark.stage.maxConsecutiveAttempts}, and job abort.
 */
final class DagScheduler {
  /** {@code DAGScheduler.RESUBMIT_TIMEOUT}. */
  static final long RESUBMIT_TIMEOUT_MS = 200;

  private static final Comparator<Stage> BY_JOB_THEN_ID =
      Comparator.<Stage>comparingInt(s -> s.job.jobId).thenComparingInt(s -> s.id);

  private final EventLoop loop;
  private final ClusterState cluster;
  private final SparkConf conf;
  private final SchedulerBackend backend;
  private final TaskScheduler taskScheduler;
  private final BarrierCoordinator coordinator;
  private final MapOutputTracker mapOutputs;
  private final Consumer<SimEvent> emit;
  private final TreeSet<Stage> failedStages = new TreeSet<>(BY_JOB_THEN_ID);
  /** {@code simulation.barrierPartialRerun: whole}: a barrier map stage never reruns only some partitions. */
  private final boolean wholeRerun;
  private boolean resubmitScheduled;
  private int nextStageId;
  private int jobsNotEnded;
  private final int jobSubmittedKind;
  /** The task shapes made so far (spark.task.cpus is fixed, so the amounts tell them apart). */
  private final List<ResourceDemand> demands = new ArrayList<>();

  DagScheduler(EventLoop loop, ClusterState cluster, SparkConf conf, SchedulerBackend backend,
      TaskScheduler taskScheduler, BarrierCoordinator coordinator, MapOutputTracker mapOutputs,
      Consumer<SimEvent> emit, BarrierRerun rerun) {
    this.wholeRerun = rerun == BarrierRerun.WHOLE;
    this.loop = loop;
    this.cluster = cluster;
    this.conf = conf;
    this.backend = backend;
    this.taskScheduler = taskScheduler;
    this.coordinator = coordinator;
    this.mapOutputs = mapOutputs;
    this.emit = emit;
    this.jobSubmittedKind = loop.register((ActiveJob job) -> handleJobSubmitted(job, true));
  }

  /** True when every job that will ever be submitted has ended. */
  boolean allJobsEnded() {
    return jobsNotEnded == 0;
  }

  /** Schedules each job's submission at its submit time; {@code jobs} are in submission order. */
  void submitJobs(List<ActiveJob> jobs) {
    long[] times = new long[jobs.size()];
    for (int i = 0; i < times.length; i++) times[i] = jobs.get(i).submitMs;
    jobsNotEnded += jobs.size();
    loop.atAll(times, Phase.DRIVER, jobSubmittedKind, jobs.toArray());
  }

  /** What one task of {@code spec} needs: {@code spark.task.cpus} and its (or the default) resources. */
  ResourceDemand demandFor(StageSpec spec) {
    Map<String, Integer> res = spec.resources() != null ? spec.resources() : conf.taskResources();
    List<String> names = cluster.resourceNames();
    int[] amounts = new int[names.size()];
    res.forEach((name, amount) -> amounts[names.indexOf(name)] = amount);
    for (ResourceDemand d : demands) {
      if (Arrays.equals(d.resources(), amounts)) return d; // one instance per shape: rounds compare shapes by identity
    }
    ResourceDemand d = new ResourceDemand(conf.taskCpus(), amounts);
    demands.add(d);
    return d;
  }

  private void handleJobSubmitted(ActiveJob job, boolean first) {
    if (first) emit.accept(new SimEvent.JobSubmitted(loop.now(), job.name, job.jobId));
    List<StageSpec> order = StageGraph.topologicalOrder(job.spec.stages());
    int last = order.size() - 1;
    for (int k = 0; k <= last; k++) {
      // Spark checks the result stage (the last in topological order) before creating its parents.
      StageSpec spec = order.get(k == 0 ? last : k - 1);
      if (!spec.barrier()) continue;
      if (backend.dynamicAllocationEnabled(conf)) {
        endJob(job, JobStatus.FAILED, SparkMessages.DYN_ALLOCATION);
        return;
      }
      int max = backend.maxNumConcurrentTasks(demandFor(spec));
      if (spec.tasks() > max) {
        job.slotCheckFailures++;
        boolean retry = job.slotCheckFailures <= conf.slotCheckMaxFailures();
        emit.accept(new SimEvent.SlotCheckFailed(loop.now(), job.name, spec.name(), spec.tasks(), max,
            job.slotCheckFailures, retry));
        if (retry) loop.at(loop.now() + conf.slotCheckRetryDelayMs(), Phase.DRIVER, () -> handleJobSubmitted(job, false));
        else endJob(job, JobStatus.FAILED, SparkMessages.SLOTS_CHECK);
        return;
      }
    }
    startJob(job, order);
  }

  /** Creates the job's stages in {@code order} (topological; the last is the result stage) and submits the result stage. */
  private void startJob(ActiveJob job, List<StageSpec> order) {
    List<Stage> stages = new ArrayList<>(order.size());
    for (int k = 0; k < order.size(); k++) {
      StageSpec spec = order.get(k);
      Stage s = new Stage(nextStageId++, spec, job, k == order.size() - 1, demandFor(spec));
      for (String p : spec.parents()) {
        Stage parent = stages.stream().filter(x -> x.spec.name().equals(p)).findFirst().orElseThrow();
        s.parents.add(parent);
        parent.children.add(s);
      }
      stages.add(s);
      if (s.isResult) job.resultStage = s;
    }
    job.stages = stages;
    job.resultDone = new boolean[job.resultStage.numPartitions];
    List<StageInfo> infos = new ArrayList<>(stages.size());
    for (Stage s : stages) infos.add(new StageInfo(s.id, s.spec.name(), s.isBarrier));
    emit.accept(new SimEvent.JobStarted(loop.now(), job.name, job.jobId, infos));
    submitStage(job.resultStage);
  }

  /** Spark's {@code submitStage}: a waiting, running or failed (awaiting resubmission) stage is left alone. */
  private void submitStage(Stage s) {
    if (!s.job.isActive() || s.waiting || s.running || failedStages.contains(s)) return;
    List<Stage> missing = new ArrayList<>();
    for (Stage p : s.parents) if (!p.isAvailable()) missing.add(p);
    if (missing.isEmpty()) {
      submitMissingTasks(s);
      return;
    }
    missing.sort(BY_JOB_THEN_ID);
    for (Stage p : missing) submitStage(p);
    s.waiting = true;
  }

  private void submitMissingTasks(Stage s) {
    int missing = 0;
    for (int p = 0; p < s.numPartitions; p++) if (!hasResult(s, p)) missing++;
    if (missing == 0) {
      submitWaitingChildStages(s);
      return;
    }
    int[] partitions = null;
    if (missing < s.numPartitions) {
      partitions = new int[missing];
      for (int p = 0, i = 0; p < s.numPartitions; p++) if (!hasResult(s, p)) partitions[i++] = p;
    }
    s.latestAttempt++;
    s.running = true;
    TaskSetManager ts = new TaskSetManager(s, s.latestAttempt, s.job.pool, partitions);
    s.taskSets.add(ts);
    s.latestTaskSet = ts;
    emit.accept(new SimEvent.StageSubmitted(loop.now(), s.job.name, s.spec.name(), s.id, s.latestAttempt, ts.numTasks,
        s.isBarrier));
    taskScheduler.submitTasks(ts);
  }

  private boolean hasResult(Stage s, int partition) {
    return s.isResult ? s.job.resultDone[partition] : mapOutputs.hasOutput(s, partition);
  }

  /** Every waiting child is submitted again; {@code submitStage} finds (and submits) what it still misses. */
  private void submitWaitingChildStages(Stage parent) {
    List<Stage> waiting = new ArrayList<>();
    for (Stage c : parent.children) if (c.waiting) waiting.add(c);
    waiting.sort(BY_JOB_THEN_ID);
    for (Stage c : waiting) {
      c.waiting = false;
      submitStage(c);
    }
  }

  /** A task succeeded: register its output (or result) and complete stages and jobs. */
  void taskSucceeded(TaskAttempt t) {
    TaskSetManager ts = t.taskSet;
    Stage s = ts.stage;
    ActiveJob job = s.job;
    // A late success of a failed barrier attempt: Spark 3.5.9 registers its output (so the rerun
    // may miss only some partitions); with barrierPartialRerun: whole it is ignored.
    if (!job.isActive() || (ts.barrierFailureHandled && wholeRerun)) return;
    int p = t.partition;
    if (s.isResult) {
      if (!job.resultDone[p]) {
        job.resultDone[p] = true;
        job.resultPartitionsDone++;
      }
    } else {
      mapOutputs.registerMapOutput(s, p, t.executor);
    }
    TaskSetManager latest = s.latestTaskSet;
    if (latest != ts && !latest.isZombie) {
      int i = latest.indexOf(p);
      if (i >= 0) latest.markSuccessful(i);
    }
    if (s.isResult && job.resultPartitionsDone == s.numPartitions) {
      // handleTaskCompletion: the job's other running stages are cancelled and its waiting ones
      // dropped (a map stage can be rerunning when a speculative copy of a result task fetch-failed
      // while the original succeeded), then the result stage's attempts still running are killed,
      // "Stage finished".
      markStageAsFinished(s, null);
      if (hasRunningStage(job)) cancelRunningStages(job, SparkMessages.jobFinished(job.jobId));
      for (Stage x : job.stages) x.waiting = false;
      if (!failedStages.isEmpty()) failedStages.removeIf(x -> x.job == job);
      taskScheduler.killAllTaskAttempts(s, SparkMessages.STAGE_FINISHED);
      endJob(job, JobStatus.SUCCEEDED, null);
    } else if (!s.isResult && s.running && (s.isAvailable() || latest.tasksSuccessful == latest.numTasks)) {
      // The attempt's tasks are all done; if outputs were lost meanwhile, Spark resubmits the stage
      // ("Resubmitting ShuffleMapStage because some of its tasks had failed").
      markStageAsFinished(s, null);
      s.clearFailedAttempts();
      if (s.isAvailable()) submitWaitingChildStages(s);
      else submitStage(s);
    }
  }

  /**
   * A task failed or was killed. A fetch failure takes Spark's fetch-failure path; other
   * non-barrier failures are the TaskSetManager's business; a barrier task's failure fails its
   * whole stage attempt, once, and only for the latest attempt.
   */
  void taskFailed(TaskAttempt t, EndCause cause, String reason) {
    TaskSetManager ts = t.taskSet;
    if (cause == EndCause.FETCH_FAILED) {
      fetchFailed(t, reason);
    } else if (ts.isBarrier) {
      failBarrierAttempt(ts, t.sparkName(), reason);
    }
  }

  /**
   * The barrier branch of {@code handleTaskCompletion}: kill every attempt of the stage, mark the
   * attempt failed, then abort (too many attempts, or a result stage) or rerun the map stage whole
   * after {@code RESUBMIT_TIMEOUT}. Only the first failure of the latest attempt counts.
   */
  private void failBarrierAttempt(TaskSetManager ts, String taskName, String error) {
    Stage s = ts.stage;
    if (!s.job.isActive() || ts.stageAttempt != s.latestAttempt || ts.barrierFailureHandled) return;
    ts.barrierFailureHandled = true;
    if (!ts.isZombie) {
      ts.markZombie();
      taskScheduler.hideTaskSet(ts);
    }
    String message = SparkMessages.barrierStageFailed(taskName, error);
    taskScheduler.killAllTaskAttempts(s, SparkMessages.barrierKill(taskName, s));
    markStageAsFinished(s, message);
    if (s.attemptFailed(ts.stageAttempt) >= conf.maxConsecutiveAttempts()) {
      abortStage(s, SparkMessages.maxStageAttempts(s, conf.maxConsecutiveAttempts(), message));
    } else if (s.isResult) {
      abortStage(s, SparkMessages.barrierResultStage(message));
    } else {
      mapOutputs.unregisterAllMapOutputs(s);
      resubmitLater(s);
    }
  }

  /**
   * Spark's fetch-failure path: the consuming stage attempt fails (counting towards
   * {@code maxConsecutiveAttempts}); a barrier producer loses all its outputs; a barrier consumer
   * loses its own outputs (map) or aborts its job (result); both stages are resubmitted after
   * {@code RESUBMIT_TIMEOUT}, so only missing map partitions rerun. Nothing is killed: Spark leaves
   * the failed attempt's other tasks running (SPARK-17064), barrier siblings included; later
   * failures of that barrier attempt are not handled again.
   */
  private void fetchFailed(TaskAttempt t, String reason) {
    TaskSetManager ts = t.taskSet;
    Stage failed = ts.stage;
    Stage map = t.fetchFailedFrom();
    if (!failed.job.isActive() || ts.stageAttempt != failed.latestAttempt) return;
    boolean abort = failed.attemptFailed(ts.stageAttempt) >= conf.maxConsecutiveAttempts();
    if (failed.running) markStageAsFinished(failed, reason);
    if (map.isBarrier) mapOutputs.unregisterAllMapOutputs(map);
    if (failed.isBarrier && !ts.barrierFailureHandled) {
      ts.barrierFailureHandled = true;
      if (!failed.isResult) mapOutputs.unregisterAllMapOutputs(failed);
    }
    if (abort) {
      abortStage(failed, SparkMessages.maxStageAttempts(failed, conf.maxConsecutiveAttempts(), reason));
    } else if (failed.isBarrier && failed.isResult) {
      abortStage(failed, SparkMessages.barrierResultStage(reason));
    } else {
      failedStages.add(map);
      resubmitLater(failed);
    }
  }

  /**
   * An executor was lost: the outputs it held are gone (no external shuffle service). A live
   * non-barrier map attempt makes the affected tasks pending again; a running barrier map
   * attempt fails whole. A finished barrier map stage keeps its other outputs, as in Spark 3.5.9,
   * so its next attempt reruns only the missing partitions; with {@code barrierPartialRerun: whole}
   * it loses them all and reruns whole. Readers notice the loss when a task of a consuming stage
   * starts and finds an input missing.
   */
  void executorLost(Executor e) {
    for (Stage s : mapOutputs.takeStagesWithOutputsOn(e)) {
      if (!s.job.isActive()) continue;
      TaskSetManager live = s.running && !s.latestTaskSet.isZombie ? s.latestTaskSet : null;
      int[] lost = mapOutputs.removeOutputsOn(s, e);
      if (lost.length == 0) continue;
      if (!s.isBarrier) {
        for (int p : lost) {
          int i = live == null ? -1 : live.indexOf(p);
          if (i >= 0 && live.isSuccessful(i)) taskScheduler.resubmitLostOutput(live, i);
        }
      } else if (live != null) {
        int lastLost = lost[lost.length - 1];
        failBarrierAttempt(live, "ShuffleMapTask(" + s.id + ", " + lastLost + ")", SparkMessages.resubmitted());
      } else if (wholeRerun) {
        mapOutputs.unregisterAllMapOutputs(s);
      }
    }
  }

  private void resubmitLater(Stage s) {
    failedStages.add(s);
    if (!resubmitScheduled) {
      resubmitScheduled = true;
      loop.at(loop.now() + RESUBMIT_TIMEOUT_MS, Phase.DRIVER, this::resubmitFailedStages);
    }
  }

  /** A TaskSetManager aborted (a task failed {@code spark.task.maxFailures} times). */
  void taskSetFailed(TaskSetManager ts, String reason) {
    abortStage(ts.stage, reason);
  }

  private void resubmitFailedStages() {
    resubmitScheduled = false;
    List<Stage> stages = new ArrayList<>(failedStages);
    failedStages.clear();
    for (Stage s : stages) submitStage(s);
  }

  private void abortStage(Stage s, String reason) {
    if (s.job.isActive()) failJob(s.job, SparkMessages.jobAborted(reason));
  }

  /**
   * {@code failJobAndIndependentStages}: cancel the job's running stages, then fail it. A stage that
   * is not running (e.g. failed and awaiting resubmission) is not cancelled: its zombie attempts run on.
   */
  private void failJob(ActiveJob job, String message) {
    cancelRunningStages(job, message);
    for (Stage s : job.stages) s.waiting = false;
    if (!failedStages.isEmpty()) failedStages.removeIf(s -> s.job == job);
    endJob(job, JobStatus.FAILED, message);
  }

  /** True when a stage of {@code job} is running (its message is built only then). */
  private static boolean hasRunningStage(ActiveJob job) {
    for (Stage s : job.stages) if (s.running) return true;
    return false;
  }

  /** {@code cancelRunningIndependentStages}: each running stage of the job has its tasks killed and is marked failed. */
  private void cancelRunningStages(ActiveJob job, String reason) {
    for (Stage s : job.stages) {
      if (!s.running) continue;
      taskScheduler.cancelTasks(s, reason);
      markStageAsFinished(s, reason);
    }
  }

  private void markStageAsFinished(Stage s, String failure) {
    s.running = false;
    emit.accept(new SimEvent.StageCompleted(loop.now(), s.job.name, s.spec.name(), s.id, s.latestAttempt,
        failure == null ? StageStatus.SUCCEEDED : StageStatus.FAILED, failure));
    if (s.isBarrier && s.latestTaskSet != null) coordinator.close(s.latestTaskSet);
  }

  private void endJob(ActiveJob job, JobStatus result, String reason) {
    job.status = result;
    jobsNotEnded--;
    emit.accept(new SimEvent.JobEnded(loop.now(), job.name, result, reason));
  }
}
