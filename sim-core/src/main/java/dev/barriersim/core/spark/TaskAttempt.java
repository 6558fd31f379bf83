package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.SimEvent;
import java.util.Arrays;

/**
 * One launched task attempt: Spark's {@code TaskInfo} plus the executor-side state the simulator
 * needs (which phase it computes, whether it waits in {@code barrier()}, scripted failures).
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

  final TaskSetManager taskSet;
  final int index;
  final int partition;
  final int attempt;
  final long taskId;
  final Executor executor;
  final long launchMs;
  /** Work of each phase; null when there is one phase, whose work is {@link #singlePhaseMs}. */
  private final long[] phases;
  private final long singlePhaseMs;
  /** Failure or hang planned at launch ({@link TaskPlan#HEALTHY} for most attempts, shared). */
  private final TaskPlan plan;
  /** The parent stage whose output this attempt could not fetch, or null. */
  final Stage fetchFailedFrom;

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
    this.taskSet = taskSet;
    this.index = index;
    this.partition = taskSet.partition(index);
    this.attempt = attempt;
    this.taskId = taskId;
    this.executor = executor;
    this.launchMs = launchMs;
    this.phases = phases;
    this.singlePhaseMs = singlePhaseMs;
    this.plan = plan;
    this.fetchFailedFrom = fetchFailedFrom;
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
