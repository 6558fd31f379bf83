package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.SimEvent;
import java.util.Arrays;

/**
 * One launched task attempt: Spark's {@code TaskInfo} plus the executor-side state the simulator
 * needs (which phase it computes, whether it waits in {@code barrier()}, scripted failures). Once
 * the driver has processed a plain successful end, nothing refers to the object anymore and the
 * run reuses it for a later launch ({@link AttemptPool}); {@link #launch} sets every field again.
 */
final class TaskAttempt {
  /** No such instant. */
  static final long NEVER = Long.MAX_VALUE;

  /** Executor-side state. */
  enum State {
    /** Running phase {@link #phase}. */
    COMPUTING,
    /** Inside {@code barrier()} number {@link #phase}, polling for the release. */
    WAITING,
    /** Stopped making progress (a scripted hang). */
    HUNG,
    /** Done on the executor; the driver learns it after the status-update latency. */
    ENDED
  }

  TaskSetManager taskSet;
  int index;
  int partition;
  int attempt;
  long taskId;
  Executor executor;
  long launchMs;
  /** Work of each phase; null when there is one phase, whose work is {@link #singlePhaseMs}. */
  private long[] phases;
  private long singlePhaseMs;
  /** Failure or hang planned at launch ({@link TaskPlan#HEALTHY} for most attempts, shared). */
  private TaskPlan plan;
  /** The parent stage whose output this attempt could not fetch, or null. */
  Stage fetchFailedFrom;

  State state = State.COMPUTING;
  int phase;
  long phaseStart;
  long waitEnter;
  /** Handles of the attempt's pending events (or {@code NO_EVENT}): a kill or a loss cancels them. */
  long nextStep = EventLoop.NO_EVENT;
  long failTimer = EventLoop.NO_EVENT;
  long hangTimer = EventLoop.NO_EVENT;
  boolean killed;
  /** How the attempt ended on the executor, for the status update the driver gets later. */
  EndCause endCause;
  String endReason;
  /** The driver has processed this attempt's end. */
  boolean finished;
  /** Slot in its TaskSet's table of running attempts, while it runs. */
  int runningSlot = -1;
  /** Lane in its executor's list of running attempts ({@link ExecutorTasks}), while it runs. */
  int executorLane = -1;
  /** Custom resource addresses held, or null. */
  HeldResources resources;
  /** Intervals inside {@code barrier()}: (enter, leave) pairs; only barrier tasks with phases get any. */
  long[] barrierWaits = SimEvent.TaskEnded.NO_WAITS;

  TaskAttempt(TaskSetManager taskSet, int index, int attempt, long taskId, Executor executor, long launchMs,
      long[] phases, long singlePhaseMs, TaskPlan plan, Stage fetchFailedFrom) {
    launch(taskSet, index, attempt, taskId, executor, launchMs, phases, singlePhaseMs, plan, fetchFailedFrom);
  }

  /**
   * Makes this object the attempt just launched, whatever it was before. A reference field is
   * written only when it changes: a reused attempt is an old object, and storing into an old
   * object costs the collector's write barrier, while a run mostly relaunches for the same
   * TaskSet with the same plan.
   */
  void launch(TaskSetManager taskSet, int index, int attempt, long taskId, Executor executor, long launchMs,
      long[] phases, long singlePhaseMs, TaskPlan plan, Stage fetchFailedFrom) {
    if (this.taskSet != taskSet) this.taskSet = taskSet;
    this.index = index;
    this.partition = taskSet.partition(index);
    this.attempt = attempt;
    this.taskId = taskId;
    if (this.executor != executor) this.executor = executor;
    this.launchMs = launchMs;
    if (this.phases != phases) this.phases = phases;
    this.singlePhaseMs = singlePhaseMs;
    if (this.plan != plan) this.plan = plan;
    if (this.fetchFailedFrom != fetchFailedFrom) this.fetchFailedFrom = fetchFailedFrom;
    if (state != State.COMPUTING) state = State.COMPUTING;
    phase = 0;
    phaseStart = 0;
    waitEnter = 0;
    nextStep = EventLoop.NO_EVENT;
    failTimer = EventLoop.NO_EVENT;
    hangTimer = EventLoop.NO_EVENT;
    killed = false;
    if (endCause != null) endCause = null;
    if (endReason != null) endReason = null;
    finished = false;
    runningSlot = -1;
    executorLane = -1;
    if (resources != null) resources = null;
    if (barrierWaits != SimEvent.TaskEnded.NO_WAITS) barrierWaits = SimEvent.TaskEnded.NO_WAITS;
  }

  /**
   * True when nothing can refer to this attempt anymore, so that it may be reused: the driver
   * processed its successful end, it had one phase (it never waited in a {@code barrier()}, so no
   * coordinator holds it), no failure or hang was planned, no kill was asked and no step of it is
   * pending. Every other attempt is left to the garbage collector: its rarer paths may still hold it.
   */
  boolean isReusable() {
    return finished && endCause == EndCause.SUCCESS && phases == null && plan == TaskPlan.HEALTHY
        && fetchFailedFrom == null && !killed && nextStep == EventLoop.NO_EVENT
        && failTimer == EventLoop.NO_EVENT && hangTimer == EventLoop.NO_EVENT;
  }

  /** Work of phase {@code p} in ms. */
  long phaseMs(int p) {
    return phases == null ? singlePhaseMs : phases[p];
  }

  /** Planned failure instant, or {@link #NEVER}. */
  long failAt() {
    return plan.failAt();
  }

  /** Fails when its work ends instead of succeeding. */
  boolean failAtEnd() {
    return plan.failAtEnd();
  }

  /** Planned hang instant, or {@link #NEVER}. */
  long hangAt() {
    return plan.hangAt();
  }

  /** Hangs when its first phase ends: it never calls its first {@code barrier()} (or never finishes). */
  boolean hangAfterFirstPhase() {
    return plan.hangAfterFirstPhase();
  }

  /** True when the planned failure exits the executor's JVM instead of throwing. */
  boolean exitsExecutor() {
    return plan.exitSource() != null;
  }

  /** The planned exit's scenario key and replacement delay. */
  TaskPlan plan() {
    return plan;
  }

  /** Spark's message for the planned failure. */
  String failureReason() {
    return plan.failureReason();
  }

  /** Records that the attempt was inside {@code barrier()} from {@link #waitEnter} until {@code leaveMs}. */
  void leftBarrier(long leaveMs) {
    int n = barrierWaits.length;
    barrierWaits = Arrays.copyOf(barrierWaits, n + 2);
    barrierWaits[n] = waitEnter;
    barrierWaits[n + 1] = leaveMs;
  }

  boolean isLastPhase() {
    return phases == null || phase == phases.length - 1;
  }

  /** Spark's task toString: {@code ShuffleMapTask(stageId, partition)} or {@code ResultTask(...)}. */
  String sparkName() {
    Stage s = taskSet.stage;
    return (s.isResult ? "ResultTask(" : "ShuffleMapTask(") + s.id + ", " + partition + ")";
  }

  /** Spark's TaskInfo id: {@code index.attempt}. */
  String infoId() {
    return index + "." + attempt;
  }
}
