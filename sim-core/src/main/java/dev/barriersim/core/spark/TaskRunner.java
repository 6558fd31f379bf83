package dev.barriersim.core.spark;

import static dev.barriersim.core.engine.EventLoop.NO_EVENT;
import static dev.barriersim.core.spark.TaskAttempt.NEVER;

import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.event.SimEvent;
import java.util.function.Consumer;
import dev.barriersim.core.engine.Phase;
import dev.barriersim.core.spark.TaskAttempt.State;

/**
 * What happens on the executor: a task computes its phases, waits in {@code barrier()} between
 * them, fails or hangs as planned, and stops when killed. A task waiting in {@code barrier()}
 * leaves at {@code enter + k * poll} for the first k whose instant is strictly after the
 * coordinator's reply (Spark 3.0+ sleeps in 1 s steps); with the local backend the last task to
 * arrive leaves at once. The driver learns every end after the status-update latency.
 */
final class TaskRunner {
  private final EventLoop loop;
  private final SimulationSettings settings;
  private final boolean interruptOnKill;
  private final boolean lastArriverLeavesAtOnce;
  private final Consumer<SimEvent> emit;
  private TaskScheduler scheduler;
  private BarrierCoordinator coordinator;
  /** Event kinds of a task's own steps: each event carries its attempt, so scheduling one allocates nothing. */
  private final int phaseEndKind;
  private final int leaveBarrierKind;
  private final int failTimerKind;
  private final int hangTimerKind;
  private final int statusUpdateKind;

  TaskRunner(EventLoop loop, SimulationSettings settings, boolean interruptOnKill, SchedulerBackend backend,
      Consumer<SimEvent> emit) {
    this.loop = loop;
    this.emit = emit;
    this.settings = settings;
    this.interruptOnKill = interruptOnKill;
    this.lastArriverLeavesAtOnce = backend.repliesToLastArrivalAtOnce();
    this.phaseEndKind = loop.register((TaskAttempt t) -> {
      t.nextStep = NO_EVENT;
      phaseEnd(t);
    });
    this.leaveBarrierKind = loop.register(this::leaveBarrier);
    this.failTimerKind = loop.register((TaskAttempt t) -> {
      t.failTimer(NO_EVENT);
      plannedFailure(t);
    });
    this.hangTimerKind = loop.register((TaskAttempt t) -> {
      t.hangTimer(NO_EVENT);
      hang(t);
    });
    this.statusUpdateKind = loop.register((TaskAttempt t) -> scheduler.statusUpdate(t, t.endCause, t.endReason()));
  }

  void wire(TaskScheduler scheduler, BarrierCoordinator coordinator) {
    this.scheduler = scheduler;
    this.coordinator = coordinator;
  }

  /** When the work of a task launched now on {@code e} starts: after the executor's launch latency. */
  long workStartOn(Executor e) {
    return loop.now() + settings.launchLatencyOn(e);
  }

  /**
   * The attempt starts computing its first phase at {@code workStartMs}, after its executor's launch
   * latency, for {@code firstPhaseMs}; its planned failure or hang instants already count from there.
   */
  void start(TaskAttempt t, long workStartMs, long firstPhaseMs) {
    if (t.failAt() != NEVER) t.failTimer(loop.at(t.failAt(), Phase.TASK, failTimerKind, t));
    if (t.hangAt() != NEVER) t.hangTimer(loop.at(t.hangAt(), Phase.TASK, hangTimerKind, t));
    schedulePhaseEnd(t, workStartMs + firstPhaseMs);
  }

  private void schedulePhaseEnd(TaskAttempt t, long endMs) {
    t.phaseEndMs = endMs;
    t.nextStep = loop.at(endMs, Phase.TASK, phaseEndKind, t);
  }

  private void phaseEnd(TaskAttempt t) {
    if (t.state != State.COMPUTING) return;
    if (hangsAtEndOf(t, t.phase())) {
      hang(t); // a hung task never reaches its next barrier(): the siblings wait and the sync times out
    } else if (!t.isLastPhase()) {
      t.state = State.WAITING;
      t.enterBarrier(loop.now());
      coordinator.arrive(t, t.phase());
    } else if (t.failAtEnd()) {
      plannedFailure(t);
    } else {
      end(t, EndCause.SUCCESS, null);
    }
  }

  /** A hang without {@code after} strikes when the first phase ends, before barrier() or the end of the task. */
  private static boolean hangsAtEndOf(TaskAttempt t, int phase) {
    return t.hangAfterFirstPhase() && phase == 0;
  }

  /**
   * The coordinator replied at {@code releaseMs}; the task leaves at its next poll instant, which
   * is returned (or, when the task no longer waits, when it stopped waiting: {@link #waitEnd}).
   */
  long release(TaskAttempt t, long releaseMs, boolean lastArriver) {
    if (t.state != State.WAITING) return waitEnd(t, releaseMs);
    boolean atOnce = lastArriver && lastArriverLeavesAtOnce;
    long leave = atOnce ? releaseMs : nextPoll(t.waitEnter(), releaseMs);
    t.nextStep = loop.at(leave, Phase.TASK, leaveBarrierKind, t);
    return leave;
  }

  /** The attempt leaves {@code barrier()} at its poll after the reply and computes its next phase. */
  private void leaveBarrier(TaskAttempt t) {
    t.nextStep = NO_EVENT;
    if (t.state == State.WAITING) {
      t.leftBarrier(loop.now());
      t.state = State.COMPUTING;
      t.nextPhase();
      schedulePhaseEnd(t, loop.now() + t.phaseMs(t.phase()));
    }
  }

  /**
   * The coordinator failed the sync at {@code atMs}; the task sees it at its next poll, which is
   * returned (or, when the task no longer waits, when it stopped waiting: {@link #waitEnd}).
   */
  long failAtNextPoll(TaskAttempt t, long atMs, String reason) {
    if (t.state != State.WAITING) return waitEnd(t, atMs);
    long at = nextPoll(t.waitEnter(), atMs);
    t.nextStep = loop.at(at, Phase.TASK, () -> {
      t.nextStep = NO_EVENT;
      fail(t, reason);
    });
    return at;
  }

  /**
   * The driver asked to kill the attempt at the current instant. It stops at once when the job
   * is interruptible; otherwise a task in {@code barrier()} stops at its next poll, and a
   * computing one after the kill latency or when its current work ends ({@code untilDone}), the
   * earlier of the two. A hung task under {@code untilDone} never stops and keeps its slot.
   */
  void kill(TaskAttempt t, String reason) {
    if (t.state == State.ENDED || t.killed) return;
    t.killed = true;
    cancelPlannedSteps(t);
    long now = loop.now();
    long stopAt;
    if (interruptOnKill) {
      stopAt = now;
    } else if (t.state == State.WAITING) {
      stopAt = nextPoll(t.waitEnter(), now);
    } else {
      long untilDone = t.state == State.HUNG ? NEVER : untilDone(t);
      if (t.failAt() != NEVER && t.failAt() >= now) untilDone = Math.min(untilDone, t.failAt());
      long latency = settings.killLatencyMs();
      stopAt = latency == SimulationSettings.KILL_UNTIL_DONE ? untilDone : Math.min(untilDone, now + latency);
    }
    if (stopAt == NEVER) return;
    loop.at(stopAt, Phase.TASK, () -> end(t, EndCause.KILLED, SparkMessages.taskKilled(reason)));
  }

  /** When the current phase's work ends, plus one poll if a {@code barrier()} follows, where the kill is seen. */
  private long untilDone(TaskAttempt t) {
    long phaseEnd = t.phaseEndMs;
    if (t.hangAt() != NEVER && t.hangAt() <= phaseEnd) return NEVER;
    if (hangsAtEndOf(t, t.phase())) return NEVER;
    if (t.isLastPhase()) return phaseEnd;
    return phaseEnd + settings.barrierPollIntervalMs();
  }

  /**
   * When a task the coordinator still counts as arrived, but that no longer waits, stopped waiting:
   * a task that ended inside {@code barrier()} (it failed there, or its executor was lost) left at
   * its end, recorded in its barrier waits, even if the driver has not heard of it yet; a task
   * that hung there never leaves, so its wait runs to the coordinator's reply at {@code replyMs}.
   */
  private static long waitEnd(TaskAttempt t, long replyMs) {
    if (t.state != State.ENDED) return replyMs;
    long[] waits = t.barrierWaits();
    return waits[waits.length - 1];
  }

  private long nextPoll(long enter, long after) {
    long p = settings.barrierPollIntervalMs();
    if (p == 0) return after;
    return enter + ((after - enter) / p + 1) * p;
  }

  /** The planned failure strikes: the task throws, or its code exits the executor's JVM. */
  private void plannedFailure(TaskAttempt t) {
    if (!t.exitsExecutor()) {
      fail(t, t.failureReason());
    } else if (t.state != State.ENDED) {
      scheduler.executorExited(t); // an exit planned past the end of the work never happens
    }
  }

  private void fail(TaskAttempt t, String reason) {
    if (t.state == State.ENDED || t.state == State.HUNG) return;
    end(t, t.fetchFailedFrom() != null ? EndCause.FETCH_FAILED : EndCause.EXCEPTION, reason);
  }

  private void hang(TaskAttempt t) {
    if (t.state != State.COMPUTING && t.state != State.WAITING) return;
    t.state = State.HUNG;
    Stage s = t.taskSet.stage;
    emit.accept(new SimEvent.TaskHung(loop.now(), s.job.name, s.spec.name(), t.taskSet.stageAttempt, t.partition,
        t.attempt, t.taskId, t.executor.id()));
  }

  /** The executor is gone: the attempt stops where it is; the driver learns it at once. */
  void lose(TaskAttempt t) {
    cancelPlannedSteps(t);
    if (t.state == State.WAITING) t.leftBarrier(loop.now());
    t.state = State.ENDED;
  }

  /**
   * A kill or a loss stops what the attempt had planned: its next step, its failure and its hang.
   * What is scheduled afterwards (the kill taking effect, a later reply) still happens.
   */
  private void cancelPlannedSteps(TaskAttempt t) {
    loop.cancel(t.nextStep);
    t.nextStep = NO_EVENT;
    if (t.failTimer() != NO_EVENT) {
      loop.cancel(t.failTimer());
      t.failTimer(NO_EVENT);
    }
    if (t.hangTimer() != NO_EVENT) {
      loop.cancel(t.hangTimer());
      t.hangTimer(NO_EVENT);
    }
  }

  private void end(TaskAttempt t, EndCause cause, String reason) {
    if (t.state == State.ENDED) return;
    if (t.state == State.WAITING) t.leftBarrier(loop.now());
    t.ended(cause, reason);
    loop.at(loop.now() + settings.statusUpdateLatencyMs(), Phase.TASK, statusUpdateKind, t);
  }
}
