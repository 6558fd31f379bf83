package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.engine.Phase;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskLocality;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.barriersim.core.observe.Observers;
import java.util.function.Predicate;

/**
 * Spark's {@code TaskSchedulerImpl}: offer rounds ({@code resourceOffers}) and task status
 * updates. In a round the TaskSets are visited in pool order; each takes at most one task per
 * offer per sweep until a sweep places nothing ({@link ResourceOffers}). A barrier TaskSet takes
 * all its tasks at once or none ({@link BarrierPlacement}).
 */
final class TaskScheduler {
  private final EventLoop loop;
  private final ClusterState cluster;
  private final SparkConf conf;
  private final TaskSetQueue queue;
  private final SchedulerBackend backend;
  private final TaskRunner runner;
  private final WorkPlanner work;
  private final MapOutputTracker mapOutputs;
  private final Observers emit;
  private DagScheduler dag;
  private ClusterEvents clusterEvents;
  private long nextTaskId;
  /** Ended attempts reused by later launches. */
  private final AttemptPool attempts = new AttemptPool();
  private final ResourceOffers offers;
  private final BarrierPlacement barrierPlacement;
  /** Locality and delay scheduling, for the TaskSets whose tasks have preferred locations. */
  private final DelayScheduling delay;
  /** Launches a placed task; made once, so that a round allocates no function object. */
  private final ResourceOffers.Placement launcher = (ts, index, e) -> launch(ts, index, e, false);
  /** Launches a placed speculative copy. */
  private final ResourceOffers.Placement copyLauncher = (ts, index, e) -> launch(ts, index, e, true);
  /** Spark's speculation thread and checks, or null when the run cannot speculate. */
  private SpeculationPolicy speculation;
  /** Visits one TaskSet of the round in {@link TaskSetQueue} order; made once, as {@link #launcher}. */
  private final Predicate<TaskSetManager> visitor = this::visit;
  /** Whether the round under way offers every executor (for {@code BarrierRoundSkipped}). */
  private boolean fullRound;
  /** Every listener takes skipped rounds as a count ({@link Observers#countsSkippedRounds}). */
  private final boolean countSkips;
  /** Waiting barrier sets this round passed and not yet reported. */
  private long skipped;
  /** The attempts running on each executor, by executor index. */
  private ExecutorTasks[] runningOnExecutor = new ExecutorTasks[16];
  /** Application-level exclusion on failure; null when {@code spark.excludeOnFailure.enabled} is off. */
  private final HealthTracker health;
  /** TaskSets excluded everywhere and their abort timers; null when exclusion is off. */
  private final UnschedulableTaskSets unschedulable;

  TaskScheduler(EventLoop loop, ClusterState cluster, SparkConf conf, TaskSetQueue queue, SchedulerBackend backend,
      TaskRunner runner, WorkPlanner work, MapOutputTracker mapOutputs, Observers emit, ResourceOffers offers,
      DelayScheduling delay) {
    this.loop = loop;
    this.cluster = cluster;
    this.conf = conf;
    this.queue = queue;
    this.backend = backend;
    this.runner = runner;
    this.work = work;
    this.mapOutputs = mapOutputs;
    this.emit = emit;
    this.offers = offers;
    this.countSkips = emit.countsSkippedRounds();
    this.delay = delay;
    this.barrierPlacement = new BarrierPlacement(loop, emit, launcher, delay, this::abortTaskSet);
    ExcludeOnFailureConf exclude = conf.excludeOnFailure();
    if (exclude.enabled()) {
      this.health = new HealthTracker(exclude, emit);
      offers.excludeWith(health);
      // Utils.isDynamicAllocationEnabled is false on a local master.
      boolean dynamic = conf.dynamicAllocation() && !backend.isLocal();
      this.unschedulable = new UnschedulableTaskSets(loop, cluster, health, exclude, dynamic, this::abortTaskSet,
          backend::stateChanged);
    } else {
      this.health = null;
      this.unschedulable = null;
    }
  }

  void wire(DagScheduler dag, ClusterEvents clusterEvents) {
    this.dag = dag;
    this.clusterEvents = clusterEvents;
  }

  /** Speculates ordinary TaskSets with {@code policy} ({@code spark.speculation}, not with the local backend). */
  void speculateWith(SpeculationPolicy policy) {
    this.speculation = policy;
  }

  boolean hasPendingWork() {
    return queue.hasSchedulable();
  }

  /** {@code submitTasks}: older attempts of the stage become zombies; a full round follows. */
  void submitTasks(TaskSetManager ts) {
    for (TaskSetManager old : ts.stage.taskSets) {
      if (old != ts && !old.isZombie) {
        old.markZombie();
        queue.remove(old);
      }
    }
    delay.taskSetSubmitted(ts);
    if (health != null) ts.excludelist = new TaskSetExcludelist(conf.excludeOnFailure(), ts, emit);
    queue.add(ts);
    if (speculation != null) speculation.taskSetSubmitted(ts);
    backend.stateChanged();
    backend.reviveOffers();
  }

  /** Executors joined, left or were decommissioned: TaskSets with preferences recompute their levels. */
  void executorsChanged() {
    delay.executorsChanged();
  }

  /** A full offer round: every executor with a free core. */
  void offerAll() {
    if (health != null) health.applyExcludeOnFailureTimeout(loop.now());
    offers.offerAll();
    round(true);
  }

  /** A round over executor {@code e} alone, after a task ended there. */
  void offerOn(Executor e) {
    if (health != null) health.applyExcludeOnFailureTimeout(loop.now());
    offers.offerOn(e);
    round(false);
  }

  private void round(boolean full) {
    if (offers.isEmpty()) return;
    fullRound = full;
    if (countSkips && queue.isFifo()) {
      // The waiting barrier sets at the head: when the round cannot hold the smallest of them, the
      // walk would pass every one of them (see visit); count them at once and start after them.
      TaskSetQueue.WaitingRun run = queue.waitingRun();
      if (run.count > 0 && offers.freeSlots(run.shape) < run.minTasks) {
        skipped += run.count;
        queue.forEachFrom(run.end, visitor);
        flushSkips();
        if (unschedulable != null) unschedulable.afterRound();
        return;
      }
    }
    queue.forEachInOrder(visitor);
    flushSkips();
    if (unschedulable != null) unschedulable.afterRound();
  }

  private void flushSkips() {
    if (skipped > 0) {
      emit.barrierRoundsSkipped(loop.now(), skipped);
      skipped = 0;
    }
  }

  /**
   * Offers the round to {@code ts}; true while offers are left for the next set. When every
   * listener counts skipped rounds, a waiting barrier set that the round's free slots cannot hold
   * is passed with a count, which is flushed before anything else happens: a skip changes nothing
   * in the round, so the rest of the walk is the same.
   */
  private boolean visit(TaskSetManager ts) {
    if (countSkips && ts.isWaitingBarrier() && offers.freeSlots(ts.stage.demand) < ts.numTasks) {
      skipped++;
      return true;
    }
    flushSkips();
    if (ts.isSchedulable()) offer(ts);
    else queue.remove(ts); // finished or zombie meanwhile (e.g. completed by another attempt's successes)
    offers.dropFull();
    return !offers.isEmpty();
  }

  private void offer(TaskSetManager ts) {
    if (ts.isBarrier) {
      int placed = barrierPlacement.offer(ts, offers, fullRound);
      if (unschedulable != null && placed >= 0) unschedulable.afterOffer(ts, placed > 0);
    } else {
      int before = ts.runningTasks();
      if (ts.locality != null) {
        delay.place(ts, offers, launcher);
        delay.settle(ts, fullRound);
        // Copies wait until the set may launch at ANY (Spark's dequeueTask offers them level by
        // level, which could start one earlier on a preferred place).
        if (ts.hasPendingCopies() && ts.locality.allowedLevel(loop.now()) == TaskLocality.ANY) {
          offers.place(ts, launcher, copyLauncher);
        }
      } else {
        offers.place(ts, launcher, copyLauncher);
      }
      if (unschedulable != null) unschedulable.afterOffer(ts, ts.runningTasks() != before);
    }
    if (!ts.hasPending() && !ts.hasPendingCopies()) queue.remove(ts);
  }

  /** {@code TaskSetManager.abort}: the set launches nothing more and its stage fails with {@code message}. */
  private void abortTaskSet(TaskSetManager ts, String message) {
    if (ts.isZombie) return;
    ts.markZombie();
    queue.remove(ts);
    dag.taskSetFailed(ts, message);
  }

  /**
   * {@code maybeFinishTaskSet}: once a zombie set has nothing running it is done, and if every task
   * succeeded its failures count against their executors for the application
   * ({@code updateExcludedForSuccessfulTaskSet}). A round just after the exclusions time out is
   * made possible by marking the state changed then.
   */
  private void maybeFinishTaskSet(TaskSetManager ts) {
    TaskSetExcludelist x = ts.excludelist;
    if (x == null || x.finished || !ts.isZombie || ts.runningTasks() != 0) return;
    x.finished = true;
    long now = loop.now();
    if (ts.tasksSuccessful == ts.numTasks && health.updateExcludedForSuccessfulTaskSet(ts, x.execToFailures, now)) {
      // Spark lifts an exclusion in the first round strictly after its expiry.
      loop.at(now + conf.excludeOnFailure().timeoutMs() + 1, Phase.DRIVER, backend::stateChanged);
    }
  }

  private void launch(TaskSetManager ts, int index, Executor e, boolean speculative) {
    Stage s = ts.stage;
    int partition = ts.partition(index);
    int attempt = ts.nextAttempt(index);
    long[] phases = null;
    long total;
    if (WorkPlanner.hasPhases(s)) {
      phases = work.phases(s, partition, ts.stageAttempt, attempt);
      total = 0;
      for (long x : phases) total += x;
    } else {
      total = work.work(s, partition, ts.stageAttempt, attempt);
    }
    Stage missingParent = s.parents.isEmpty() ? null : mapOutputs.missingParent(s);
    long workStart = runner.workStartOn(e);
    TaskPlan plan = missingParent != null
        ? work.fetchFailure(workStart, SparkMessages.fetchFailed(missingParent, partition))
        : work.plan(s, partition, ts.stageAttempt, attempt, total, workStart);
    TaskAttempt t = attempts.launch(ts, index, attempt, nextTaskId++, e, loop.now(), phases, plan, missingParent);
    ts.taskLaunched(t);
    t.executorLane = runningOn(e).add(t);
    t.hold(HeldResources.of(cluster.resourceNames(), cluster.acquireAddresses(e, s.demand)));
    TaskLocality locality = ts.locality == null ? TaskLocality.PROCESS_LOCAL
        : speculative ? ts.locality.localityOn(index, e) : ts.locality.placedAt(index);
    if (speculative) {
      emit.accept(new SimEvent.SpeculativeTaskLaunched(loop.now(), s.job.name, s.spec.name(), ts.stageAttempt,
          partition, attempt, t.taskId, e.id(), e.host()));
    }
    emit.taskLaunched(loop.now(), s.job.name, s.spec.name(), ts.stageAttempt, partition, attempt, t.taskId, e.id(),
        e.host(), t.resources(), locality);
    runner.start(t, workStart, phases != null ? phases[0] : total);
    if (speculation != null) speculation.taskChanged(ts);
  }

  /**
   * The driver learns that {@code t} ended: its resources are freed and offered again (Spark's
   * {@code StatusUpdate} frees cores and makes offers before the result is processed), then the
   * TaskSetManager and the DAGScheduler handle the end; a failure of a live set revives offers.
   */
  void statusUpdate(TaskAttempt t, EndCause cause, String reason) {
    if (t.finished) return;
    t.finished = true;
    TaskSetManager ts = t.taskSet;
    Stage s = ts.stage;
    if (cause == EndCause.SUCCESS && lostTheRace(t)) {
      cause = EndCause.KILLED;
      reason = SparkMessages.taskKilled(SparkMessages.NOT_COMMITTED);
    }
    cluster.give(t.executor, s.demand);
    HeldResources held = t.resources();
    if (held != null) cluster.releaseAddresses(t.executor, held.addresses());
    ts.taskEnded(t);
    removeFromExecutor(t);
    emit.taskEnded(loop.now(), s.job.name, s.spec.name(), ts.stageAttempt, t.partition, t.attempt, t.taskId,
        t.executor.id(), t.executor.host(), t.launchMs, cause.status, reason, held, t.barrierWaits());
    backend.stateChanged();
    clusterEvents.taskEndedOn(t.executor);
    backend.taskEnded(t.executor);
    if (speculation != null) speculation.taskChanged(ts);
    if (cause == EndCause.SUCCESS) {
      delay.taskSucceeded(t);
      if (ts.speculation != null) {
        speculation.taskSucceeded(t);
        killOtherAttempts(t);
      }
      ts.markSuccessful(t.index);
      if (ts.isZombie) queue.remove(ts);
      dag.taskSucceeded(t);
      attempts.release(t);
    } else {
      handleFailedTask(t, cause, reason);
    }
    ts.resultHandled(t.index);
    if (health != null) {
      for (TaskSetManager x : s.taskSets) maybeFinishTaskSet(x);
    }
  }

  /**
   * {@code handleSuccessfulTask}: an attempt that succeeds after another attempt of its task
   * succeeded and asked to kill it is handled as killed ("Finish but did not commit ...").
   */
  private static boolean lostTheRace(TaskAttempt t) {
    TaskSetManager ts = t.taskSet;
    return ts.speculation != null && ts.isSuccessful(t.index) && ts.speculation.wasKilledByOtherAttempt(t.taskId);
  }

  /**
   * {@code handleSuccessfulTask}: the first attempt of a task to succeed wins, and every other
   * attempt of it still running is killed ("another attempt succeeded"); a killed attempt ends
   * {@code TaskKilled}, which never counts as a failure.
   */
  private void killOtherAttempts(TaskAttempt winner) {
    TaskSetManager ts = winner.taskSet;
    if (ts.copiesRunning(winner.index) == 0) return;
    for (TaskAttempt other : ts.runningAttempts()) {
      if (other.index != winner.index) continue;
      ts.speculation.killedByOtherAttempt(other.taskId);
      kill(other, SparkMessages.ANOTHER_ATTEMPT_SUCCEEDED);
    }
  }

  /**
   * {@code executorLost}: the executor leaves; every attempt running on it fails with
   * {@code ExecutorLostFailure}, which counts towards {@code spark.task.maxFailures} only when the
   * loss was caused by the application ({@code TaskSetManager.executorLost}); then the
   * DAGScheduler forgets the outputs it held.
   */
  void executorLost(Executor e, String reason, boolean causedByApp) {
    cluster.remove(e);
    if (health != null) health.handleRemovedExecutor(e);
    String failure = SparkMessages.executorLost(e.id(), causedByApp, reason);
    EndCause cause = causedByApp ? EndCause.EXECUTOR_LOST_BY_APP : EndCause.EXECUTOR_LOST;
    for (TaskAttempt t : runningOn(e).snapshot()) {
      runner.lose(t);
      statusUpdate(t, cause, failure);
    }
    dag.executorLost(e);
    delay.executorsChanged();
    backend.stateChanged();
    backend.reviveOffers();
  }

  /** The code of {@code t} exited its executor's JVM ({@code kind: exit}): the executor is lost, caused by the app. */
  void executorExited(TaskAttempt t) {
    clusterEvents.exitedByTask(t.executor, t.plan().exitSource(), t.plan().replaceAfterMs());
  }

  /** A lost output of a finished task makes it pending again in its live set (Spark's Resubmitted). */
  void resubmitLostOutput(TaskSetManager ts, int index) {
    ts.resubmitLostOutput(index);
    if (ts.hasPending() && !ts.isZombie) {
      queue.add(ts);
      backend.stateChanged();
    }
  }

  /** Swap-remove: the last attempt takes the removed one's place. */
  private void removeFromExecutor(TaskAttempt t) {
    runningOn(t.executor).remove(t.executorLane);
    t.executorLane = -1;
  }

  private ExecutorTasks runningOn(Executor e) {
    int i = e.index();
    if (i >= runningOnExecutor.length) runningOnExecutor = Arrays.copyOf(runningOnExecutor, Math.max(i + 1, 2 * i));
    ExecutorTasks tasks = runningOnExecutor[i];
    if (tasks == null) runningOnExecutor[i] = tasks = new ExecutorTasks(e.totalCores());
    return tasks;
  }

  /**
   * {@code TaskSetManager.handleFailedTask}: a fetch failure or any barrier failure turns the set
   * into a zombie; otherwise the task is retried, unless it has failed {@code spark.task.maxFailures}
   * times for reasons that count.
   */
  private void handleFailedTask(TaskAttempt t, EndCause cause, String reason) {
    TaskSetManager ts = t.taskSet;
    if (cause == EndCause.FETCH_FAILED) ts.markSuccessful(t.index);
    if ((ts.isBarrier || cause == EndCause.FETCH_FAILED) && !ts.isZombie) {
      ts.markZombie();
      queue.remove(ts);
    }
    dag.taskFailed(t, cause, reason);
    if (ts.isZombie) return;
    if (cause.countsTowardsTaskFailures && ts.excludelist != null) {
      ts.excludelist.updateExcludedForFailedTask(t.executor, t.index, SparkMessages.lostTask(t, reason), loop.now());
    }
    if (cause.countsTowardsTaskFailures && ts.countFailure(t.index, conf.taskMaxFailures())) {
      ts.markZombie();
      queue.remove(ts);
      dag.taskSetFailed(ts, SparkMessages.taskFailedTooOften(t, conf.taskMaxFailures(), reason));
      return;
    }
    if (!ts.isSuccessful(t.index)) {
      ts.addPending(t.index);
      queue.add(ts);
      backend.stateChanged();
    }
    backend.reviveOffers();
  }

  /** Removes a set that turned zombie from the offer rounds. */
  void hideTaskSet(TaskSetManager ts) {
    queue.remove(ts);
  }

  /** Kills every running attempt of every TaskSet of {@code s} ({@code killAllTaskAttempts}). */
  void killAllTaskAttempts(Stage s, String reason) {
    for (TaskSetManager ts : s.taskSets) {
      if (ts.runningTasks() == 0) continue; // the usual case once a stage finished: no snapshot to build
      for (TaskAttempt t : ts.runningAttempts()) kill(t, reason);
    }
  }

  /** {@code cancelTasks}: kills the stage's running tasks and makes its sets zombies. */
  void cancelTasks(Stage s, String reason) {
    for (TaskSetManager ts : s.taskSets) {
      ts.markZombie();
      queue.remove(ts);
    }
    killAllTaskAttempts(s, SparkMessages.stageCancelled(reason));
  }

  private void kill(TaskAttempt t, String reason) {
    if (t.killed || t.finished) return;
    TaskSetManager ts = t.taskSet;
    Stage s = ts.stage;
    emit.accept(new SimEvent.TaskKillRequested(loop.now(), s.job.name, s.spec.name(), ts.stageAttempt, t.partition,
        t.attempt, t.taskId, t.executor.id(), reason));
    runner.kill(t, reason);
  }
}
