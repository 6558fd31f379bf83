package dev.barriersim.core.event;

import java.util.List;

/**
 * Everything observable that happens in a run, one record per kind, in the order processed.
 * {@link #fields} lists the event's ids and values after {@code t} and {@code type}.
 */
public sealed interface SimEvent {
  /** Record name per event class, computed once (getSimpleName is not free on a hot path). */
  ClassValue<String> TYPES = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      return type.getSimpleName();
    }
  };

  /** Virtual time in ms. */
  long t();

  /** Writes the fields other than {@code t} and {@code type}. */
  void fields(EventFields out);

  /** The event type as written in {@code events.jsonl}: the record's simple name. */
  default String type() {
    return TYPES.get(getClass());
  }

  /** The first event of every run: which scenario, with which seed (the seed actually used). */
  record RunStarted(long t, String scenario, long seed) implements SimEvent {
    public void fields(EventFields o) { o.str("scenario", scenario).num("seed", seed); }
  }

  /** A job (instance) was submitted to the DAGScheduler. */
  record JobSubmitted(long t, String job, int jobId) implements SimEvent {
    public void fields(EventFields o) { o.str("job", job).num("jobId", jobId); }
  }

  /**
   * A barrier stage needed more slots than the cluster has ([SPARK-24819]); the whole job
   * submission is retried after the check interval unless {@code willRetry} is false.
   */
  record SlotCheckFailed(long t, String job, String stage, int required, int available, int failures, boolean willRetry)
      implements SimEvent {
    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("required", required).num("available", available)
          .num("failures", failures).bool("willRetry", willRetry);
    }
  }

  /**
   * The job passed its submission checks and is active (Spark posts {@code SparkListenerJobStart}).
   * {@code stages} are its stages in id order, for observers; the event log does not write them.
   */
  record JobStarted(long t, String job, int jobId, List<StageInfo> stages) implements SimEvent {
    /** Freezes the list. */
    public JobStarted {
      stages = List.copyOf(stages);
    }

    public void fields(EventFields o) { o.str("job", job).num("jobId", jobId); }
  }

  /** The job ended: {@code result} SUCCEEDED, or FAILED with Spark's message in {@code reason}. */
  record JobEnded(long t, String job, JobStatus result, String reason) implements SimEvent {
    /** The result as {@code events.jsonl} writes it. */
    public String status() {
      return result.name();
    }

    public void fields(EventFields o) { o.str("job", job).str("status", status()).str("reason", reason); }
  }

  /** A stage attempt was submitted: a new TaskSet of {@code tasks} tasks. */
  record StageSubmitted(long t, String job, String stage, int stageId, int stageAttempt, int tasks, boolean barrier)
      implements SimEvent {
    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageId", stageId).num("stageAttempt", stageAttempt)
          .num("tasks", tasks).bool("barrier", barrier);
    }
  }

  /** A stage attempt finished: {@code result} SUCCEEDED, or FAILED with Spark's reason. */
  record StageCompleted(long t, String job, String stage, int stageId, int stageAttempt, StageStatus result,
      String reason) implements SimEvent {
    /** The result as {@code events.jsonl} writes it. */
    public String status() {
      return result.name();
    }

    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageId", stageId).num("stageAttempt", stageAttempt)
          .str("status", status()).str("reason", reason);
    }
  }

  /** An offer round skipped a barrier TaskSet: {@code free} slots left in the round, {@code needed} required. */
  record BarrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free, boolean fullRound)
      implements SimEvent {
    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("needed", needed)
          .num("free", free).bool("fullRound", fullRound);
    }
  }

  /** A barrier TaskSet was placed only in part; the placement was reverted (non-legacy delay scheduling). */
  record BarrierPlacementReverted(long t, String job, String stage, int stageAttempt, int placed, int needed)
      implements SimEvent {
    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("placed", placed).num("needed", needed);
    }
  }

  /**
   * A task attempt was launched on an executor; {@code resources} are the custom resource
   * addresses it holds (null when it holds none).
   */
  record TaskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, HeldResources resources, TaskLocality locality) implements SimEvent {
    /** A launch that holds no custom resource, of a task without preferences (PROCESS_LOCAL, as Spark reports it). */
    public TaskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
        String executor, String host) {
      this(t, job, stage, stageAttempt, partition, attempt, taskId, executor, host, null, TaskLocality.PROCESS_LOCAL);
    }

    /** A launch of a task without preferences (PROCESS_LOCAL, as Spark reports it). */
    public TaskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
        String executor, String host, HeldResources resources) {
      this(t, job, stage, stageAttempt, partition, attempt, taskId, executor, host, resources,
          TaskLocality.PROCESS_LOCAL);
    }

    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("partition", partition)
          .num("attempt", attempt).num("taskId", taskId).str("executor", executor).str("host", host)
          .str("resources", resources == null ? null : resources.formatAddresses()).str("locality", locality.name());
    }
  }

  /**
   * The locality level a TaskSet may launch at changed (Spark's delay scheduling, {@code
   * TaskSetManager.getAllowedLocalityLevel}). {@code from} is null for the first level of a TaskSet
   * whose tasks have preferred locations ({@code reason} {@code submitted}); other reasons:
   * {@code wait} (the level's wait passed), {@code noTasks} (no pending task left at the level),
   * {@code launch} (the timer was reset to the level of a launch) and {@code executors} (the valid
   * levels were recomputed after executors joined or left).
   */
  record LocalityLevelChanged(long t, String job, String stage, int stageAttempt, TaskLocality from,
      TaskLocality to, String reason) implements SimEvent {
    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageAttempt", stageAttempt)
          .str("from", from == null ? null : from.name()).str("to", to.name()).str("reason", reason);
    }
  }

  /**
   * A task attempt stopped making progress (a scripted {@code kind: hang}): it keeps its slot until
   * it is killed, and forever if nothing kills it, as a hung task does in Spark.
   */
  record TaskHung(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor) implements SimEvent {
    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("partition", partition)
          .num("attempt", attempt).num("taskId", taskId).str("executor", executor);
    }
  }

  /**
   * The speculation check found a running task slower than its TaskSet's threshold and queued a
   * copy of it (Spark's {@code SparkListenerSpeculativeTaskSubmitted}); {@code taskId} is the
   * attempt that ran {@code runningMs}, over {@code thresholdMs}.
   */
  record SpeculativeTaskSubmitted(long t, String job, String stage, int stageAttempt, int partition, long taskId,
      long runningMs, long thresholdMs) implements SimEvent {
    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("partition", partition)
          .num("taskId", taskId).num("runningMs", runningMs).num("thresholdMs", thresholdMs);
    }
  }

  /**
   * The launch that follows at once, with the same {@code taskId}, is a speculative copy (Spark's
   * {@code TaskInfo.speculative}) of a task that already runs elsewhere.
   */
  record SpeculativeTaskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt,
      long taskId, String executor, String host) implements SimEvent {
    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("partition", partition)
          .num("attempt", attempt).num("taskId", taskId).str("executor", executor).str("host", host);
    }
  }

  /** The driver asked to kill a running task attempt. */
  record TaskKillRequested(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String reason) implements SimEvent {
    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("partition", partition)
          .num("attempt", attempt).num("taskId", taskId).str("executor", executor).str("reason", reason);
    }
  }

  /**
   * A task attempt ended and its slot is free again. {@code resources} repeats what it held;
   * {@code barrierWaits} holds its intervals inside {@code barrier()} as (enter, leave) pairs of
   * virtual ms. Both are for observers ({@code tasks.csv}, metrics) and are not written to the
   * event log, whose lines stay as they were.
   */
  record TaskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
      long[] barrierWaits) implements SimEvent {
    /** No intervals inside {@code barrier()}. */
    public static final long[] NO_WAITS = new long[0];

    /** An end of an attempt that held no custom resource and never waited in {@code barrier()}. */
    public TaskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
        String executor, String host, long launchMs, TaskStatus status, String reason) {
      this(t, job, stage, stageAttempt, partition, attempt, taskId, executor, host, launchMs, status, reason, null,
          NO_WAITS);
    }

    /** Value equality, the waits compared by content. */
    @Override
    public boolean equals(Object o) {
      return o instanceof TaskEnded e && t == e.t && job.equals(e.job) && stage.equals(e.stage)
          && stageAttempt == e.stageAttempt && partition == e.partition && attempt == e.attempt && taskId == e.taskId
          && executor.equals(e.executor) && host.equals(e.host) && launchMs == e.launchMs && status == e.status
          && java.util.Objects.equals(reason, e.reason) && java.util.Objects.equals(resources, e.resources)
          && java.util.Arrays.equals(barrierWaits, e.barrierWaits);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(t, job, stage, stageAttempt, partition, attempt, taskId, status)
          + 31 * java.util.Arrays.hashCode(barrierWaits);
    }

    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("partition", partition)
          .num("attempt", attempt).num("taskId", taskId).str("executor", executor).str("status", status.name())
          .str("reason", reason);
    }
  }

  /**
   * Every task of a barrier stage attempt reached {@code barrier()} number {@code epoch}: the
   * coordinator replied. {@code waitMs} sums, over the tasks, the time from entering
   * {@code barrier()} to leaving it (at their next poll).
   */
  record BarrierSyncReleased(long t, String job, String stage, int stageAttempt, int epoch, long waitMs)
      implements SimEvent {
    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("epoch", epoch).num("waitMs", waitMs);
    }
  }

  /**
   * {@code spark.barrier.sync.timeout} passed since the first arrival of {@code epoch}: the waiting
   * tasks fail at their next poll; {@code waitMs} sums their time in {@code barrier()} until then.
   */
  record BarrierSyncTimedOut(long t, String job, String stage, int stageAttempt, int epoch, int arrived, int needed,
      long waitMs) implements SimEvent {
    public void fields(EventFields o) {
      o.str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("epoch", epoch)
          .num("arrived", arrived).num("needed", needed).num("waitMs", waitMs);
    }
  }

  /**
   * An executor joined the cluster; {@code resources} are its custom resources (null when none),
   * {@code launchLatencyMs} its own launch latency (-1, and absent from the event log, when it takes
   * {@code simulation.latency.launch}).
   */
  record ExecutorAdded(long t, String executor, String host, int cores, HeldResources resources, long launchLatencyMs)
      implements SimEvent {
    /** An executor without custom resources. */
    public ExecutorAdded(long t, String executor, String host, int cores) {
      this(t, executor, host, cores, null, -1);
    }

    public void fields(EventFields o) {
      o.str("executor", executor).str("host", host).num("cores", cores)
          .str("resources", resources == null ? null : resources.formatAmounts());
      if (launchLatencyMs >= 0) o.num("launchLatencyMs", launchLatencyMs);
    }
  }

  /** An executor is being decommissioned: it takes no new tasks and leaves when idle. */
  record ExecutorDecommissioned(long t, String executor) implements SimEvent {
    public void fields(EventFields o) { o.str("executor", executor); }
  }

  /** An executor left the cluster (decommissioned and idle, or lost). */
  record ExecutorLost(long t, String executor, String reason) implements SimEvent {
    public void fields(EventFields o) { o.str("executor", executor).str("reason", reason); }
  }

  /**
   * Executor {@code executor} was excluded on failure ({@code scope}): for task {@code partition} of a
   * stage attempt, for a stage attempt, or for the application until {@code expiresMs};
   * {@code failures} are the failures that led to it. Ids that do not apply to the scope are null or -1.
   */
  record ExecutorExcluded(long t, String executor, String host, ExclusionScope scope, String job, String stage,
      int stageAttempt, int partition, int failures, long expiresMs) implements SimEvent {
    public void fields(EventFields o) {
      o.str("executor", executor).str("host", host).str("scope", scope.label());
      Exclusions.ids(o, scope, job, stage, stageAttempt, partition);
      o.num("failures", failures);
      if (scope == ExclusionScope.APPLICATION) o.num("expiresMs", expiresMs);
    }
  }

  /** An application-level exclusion of {@code executor} timed out: it takes tasks again. */
  record ExecutorUnexcluded(long t, String executor, ExclusionScope scope) implements SimEvent {
    public void fields(EventFields o) { o.str("executor", executor).str("scope", scope.label()); }
  }

  /**
   * Every executor of {@code host} was excluded on failure ({@code scope}), because {@code executors}
   * of its executors were; ids as in {@link ExecutorExcluded}.
   */
  record NodeExcluded(long t, String host, ExclusionScope scope, String job, String stage, int stageAttempt,
      int partition, int executors, long expiresMs) implements SimEvent {
    public void fields(EventFields o) {
      o.str("host", host).str("scope", scope.label());
      Exclusions.ids(o, scope, job, stage, stageAttempt, partition);
      o.num("executors", executors);
      if (scope == ExclusionScope.APPLICATION) o.num("expiresMs", expiresMs);
    }
  }

  /** An application-level exclusion of {@code host} timed out. */
  record NodeUnexcluded(long t, String host, ExclusionScope scope) implements SimEvent {
    public void fields(EventFields o) { o.str("host", host).str("scope", scope.label()); }
  }
}
