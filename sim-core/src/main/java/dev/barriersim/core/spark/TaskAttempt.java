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

  // Hot fields, read or written at the launch and the end of every attempt. HotSpot lays them out
  // longs first, then ints, booleans and references; with the rest in extras they take 88 bytes.
  TaskSetManager taskSet;
  int index;
  int partition;
  int attempt;
  long taskId;
  Executor executor;
  long launchMs;
  State state = State.COMPUTING;
  /** When the work of the current phase ends. */
  long phaseEndMs;
  /** Handle of the attempt's next step (or {@code NO_EVENT}): a kill or a loss cancels it. */
  long nextStep = EventLoop.NO_EVENT;
  boolean killed;
  /** How the attempt ended on the executor, for the status update the driver gets later. */
  EndCause endCause;
  /** The driver has processed this attempt's end. */
  boolean finished;
  /** Slot in its TaskSet's table of running attempts, while it runs. */
  int runningSlot = -1;
  /** Lane in its executor's list of running attempts ({@link ExecutorTasks}), while it runs. */
  int executorLane = -1;
  /** What only rarer attempts use, or null while the attempt has needed none ({@link AttemptExtras}). */
  private AttemptExtras extras;

  TaskAttempt(TaskSetManager taskSet, int index, int attempt, long taskId, Executor executor, long launchMs,
      long[] phases, TaskPlan plan, Stage fetchFailedFrom) {
    launch(taskSet, index, attempt, taskId, executor, launchMs, phases, plan, fetchFailedFrom);
  }

  /**
   * Makes this object the attempt just launched, whatever it was before. A reference field is
   * written only when it changes: a reused attempt is an old object, and storing into an old
   * object costs the collector's write barrier, while a run mostly relaunches for the same
   * TaskSet with the same plan.
   */
  void launch(TaskSetManager taskSet, int index, int attempt, long taskId, Executor executor, long launchMs,
      long[] phases, TaskPlan plan, Stage fetchFailedFrom) {
    if (this.taskSet != taskSet) this.taskSet = taskSet;
    this.index = index;
    this.partition = taskSet.partition(index);
    this.attempt = attempt;
    this.taskId = taskId;
    if (this.executor != executor) this.executor = executor;
    this.launchMs = launchMs;
    if (state != State.COMPUTING) state = State.COMPUTING;
    phaseEndMs = 0;
    nextStep = EventLoop.NO_EVENT;
    killed = false;
    if (endCause != null) endCause = null;
    finished = false;
    runningSlot = -1;
    executorLane = -1;
    if (extras != null || phases != null || plan != TaskPlan.HEALTHY || fetchFailedFrom != null) {
      extras().reset(phases, plan, fetchFailedFrom);
    }
  }

  /** The extras, created when a plain attempt first needs one. */
  private AttemptExtras extras() {
    if (extras == null) extras = new AttemptExtras();
    return extras;
  }

  /**
   * True when nothing can refer to this attempt anymore, so that it may be reused: the driver
   * processed its successful end, it had one phase (it never waited in a {@code barrier()}, so no
   * coordinator holds it), no failure or hang was planned, no kill was asked and no step of it is
   * pending. Every other attempt is left to the garbage collector: its rarer paths may still hold it.
   */
  boolean isReusable() {
    if (!finished || endCause != EndCause.SUCCESS || killed || nextStep != EventLoop.NO_EVENT) return false;
    AttemptExtras x = extras;
    return x == null || (x.phases == null && x.plan == TaskPlan.HEALTHY && x.fetchFailedFrom == null
        && x.failTimer == EventLoop.NO_EVENT && x.hangTimer == EventLoop.NO_EVENT);
  }

  /** Work of phase {@code p} in ms; only attempts with phases have more than the first, which the launch passes. */
  long phaseMs(int p) {
    return extras.phases[p];
  }

  /** The phase being computed, or the {@code barrier()} waited in after it. */
  int phase() {
    return extras == null ? 0 : extras.phase;
  }

  /** Moves on to the next phase (only attempts with phases). */
  void nextPhase() {
    extras.phase++;
  }

  /** When the attempt entered its current {@code barrier()}. */
  long waitEnter() {
    return extras.waitEnter;
  }

  /** The attempt enters {@code barrier()} at {@code nowMs} (only attempts with phases). */
  void enterBarrier(long nowMs) {
    extras.waitEnter = nowMs;
  }

  /** Handle of the planned failure's event, or {@code NO_EVENT}. */
  long failTimer() {
    return extras == null ? EventLoop.NO_EVENT : extras.failTimer;
  }

  /** Handle of the planned hang's event, or {@code NO_EVENT}. */
  long hangTimer() {
    return extras == null ? EventLoop.NO_EVENT : extras.hangTimer;
  }

  /** Records the planned failure's event (only attempts with a plan have one). */
  void failTimer(long handle) {
    extras().failTimer = handle;
  }

  /** Records the planned hang's event (only attempts with a plan have one). */
  void hangTimer(long handle) {
    extras().hangTimer = handle;
  }

  /** Spark's message for the end, or null (a success). */
  String endReason() {
    return extras == null ? null : extras.endReason;
  }

  /** The attempt ended on the executor with {@code cause}; the driver learns it later. */
  void ended(EndCause cause, String reason) {
    state = State.ENDED;
    endCause = cause;
    if (reason != null) extras().endReason = reason; // the launch reset it to null
  }

  /** The parent stage whose output this attempt could not fetch, or null. */
  Stage fetchFailedFrom() {
    return extras == null ? null : extras.fetchFailedFrom;
  }

  /** Custom resource addresses held, or null. */
  HeldResources resources() {
    return extras == null ? null : extras.resources;
  }

  /** The attempt holds {@code held} (null: no custom resource). */
  void hold(HeldResources held) {
    if (held != null) extras().resources = held; // the launch reset it to null
  }

  /** Intervals inside {@code barrier()}: (enter, leave) pairs. */
  long[] barrierWaits() {
    return extras == null ? SimEvent.TaskEnded.NO_WAITS : extras.barrierWaits;
  }

  /** Planned failure instant, or {@link #NEVER}. */
  long failAt() {
    return plan().failAt();
  }

  /** Fails when its work ends instead of succeeding. */
  boolean failAtEnd() {
    return plan().failAtEnd();
  }

  /** Planned hang instant, or {@link #NEVER}. */
  long hangAt() {
    return plan().hangAt();
  }

  /** Hangs when its first phase ends: it never calls its first {@code barrier()} (or never finishes). */
  boolean hangAfterFirstPhase() {
    return plan().hangAfterFirstPhase();
  }

  /** True when the planned failure exits the executor's JVM instead of throwing. */
  boolean exitsExecutor() {
    return plan().exitSource() != null;
  }

  /** The failure or hang planned at launch ({@link TaskPlan#HEALTHY} for most attempts). */
  TaskPlan plan() {
    return extras == null ? TaskPlan.HEALTHY : extras.plan;
  }

  /** Spark's message for the planned failure. */
  String failureReason() {
    return plan().failureReason();
  }

  /** Records that the attempt was inside {@code barrier()} from its entry until {@code leaveMs}. */
  void leftBarrier(long leaveMs) {
    AttemptExtras x = extras;
    int n = x.barrierWaits.length;
    x.barrierWaits = Arrays.copyOf(x.barrierWaits, n + 2);
    x.barrierWaits[n] = x.waitEnter;
    x.barrierWaits[n + 1] = leaveMs;
  }

  boolean isLastPhase() {
    AttemptExtras x = extras;
    return x == null || x.phases == null || x.phase == x.phases.length - 1;
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
