package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.cluster.ResourceDemand;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Spark's {@code TaskSchedulerImpl}: offer rounds ({@code resourceOffers}) and task status
 * updates. In a round the TaskSets are visited in pool order; each takes at most one task per
 * offer per sweep until a sweep places nothing. A barrier TaskSet is considered only if the
 * slots still free in this round cover all its tasks (SPARK-29263) and launches all of them at
 * one instant, or, when only part could be placed, gives everything back for a later round
 * (SPARK-24818, non-legacy). Nothing is reserved across rounds.
 */
final class TaskScheduler {
  private final EventLoop loop;
  private final ClusterState cluster;
  private final SparkConf conf;
  private final TaskSetQueue queue;
  private final SchedulerBackend backend;
  private final TaskRunner runner;
  private final Workload workload;
  private final MapOutputTracker mapOutputs;
  private final Consumer<SimEvent> emit;
  private DagScheduler dag;
  private ClusterEvents clusterEvents;
  private long nextTaskId;
  private final List<Executor> offers = new ArrayList<>();
  private final List<Executor> candidates = new ArrayList<>();
  private final List<Executor> barrierPlaces = new ArrayList<>();
  private final List<Integer> barrierIndexes = new ArrayList<>();
  private final List<List<TaskAttempt>> runningOnExecutor = new ArrayList<>();

  TaskScheduler(EventLoop loop, ClusterState cluster, SparkConf conf, TaskSetQueue queue, SchedulerBackend backend,
      TaskRunner runner, Workload workload, MapOutputTracker mapOutputs, Consumer<SimEvent> emit) {
    this.loop = loop;
    this.cluster = cluster;
    this.conf = conf;
    this.queue = queue;
    this.backend = backend;
    this.runner = runner;
    this.workload = workload;
    this.mapOutputs = mapOutputs;
    this.emit = emit;
  }

  void wire(DagScheduler dag, ClusterEvents clusterEvents) {
    this.dag = dag;
    this.clusterEvents = clusterEvents;
  }

  boolean hasPendingWork() {
    return queue.hasSchedulable();
  }

  /** {@code submitTasks}: older attempts of the stage become zombies; a full round follows. */
  void submitTasks(TaskSetManager ts) {
    for (TaskSetManager old : ts.stage.taskSets) {
      if (old != ts && !old.isZombie) {
        old.isZombie = true;
        queue.remove(old);
      }
    }
    queue.add(ts);
    backend.stateChanged();
    backend.reviveOffers();
  }

  /** One offer round: over every executor with free cores ({@code single == null}) or over one. */
  void resourceOffers(Executor single) {
    offers.clear();
    if (single != null) {
      if (single.isActive() && single.freeCores() > 0) offers.add(single);
    } else {
      for (int i = cluster.nextOfferable(0); i >= 0; i = cluster.nextOfferable(i + 1)) offers.add(cluster.get(i));
    }
    if (offers.isEmpty()) return;
    boolean fullRound = single == null;
    queue.forEachInOrder(ts -> {
      if (ts.isSchedulable()) offer(ts, fullRound);
      else queue.remove(ts); // finished or zombie meanwhile (e.g. completed by another attempt's successes)
      offers.removeIf(e -> e.freeCores() == 0);
      return !offers.isEmpty();
    });
  }

  private void offer(TaskSetManager ts, boolean fullRound) {
    ResourceDemand d = ts.stage.demand;
    if (ts.isBarrier) {
      int free = 0;
      for (Executor e : offers) free += d.freeSlots(e);
      if (free < ts.numTasks) {
        Stage s = ts.stage;
        emit.accept(new SimEvent.BarrierRoundSkipped(loop.now(), s.job.name, s.spec.name(), ts.stageAttempt,
            ts.numTasks, free, fullRound));
        return;
      }
      barrierPlaces.clear();
      barrierIndexes.clear();
    }
    candidates.clear();
    for (Executor e : offers) if (d.fits(e)) candidates.add(e);
    int n = candidates.size();
    while (n > 0 && ts.hasPending()) {
      int kept = 0;
      for (int i = 0; i < n; i++) {
        Executor e = candidates.get(i);
        if (ts.hasPending()) {
          int index = ts.pollPending();
          cluster.take(e, d);
          if (ts.isBarrier) {
            barrierIndexes.add(index);
            barrierPlaces.add(e);
          } else {
            launch(ts, index, e);
          }
        }
        if (d.fits(e)) candidates.set(kept++, e);
      }
      n = kept;
    }
    if (ts.isBarrier) finishBarrierPlacement(ts, d);
    if (!ts.hasPending()) queue.remove(ts);
  }

  private void finishBarrierPlacement(TaskSetManager ts, ResourceDemand d) {
    int placed = barrierIndexes.size();
    if (placed == 0) return;
    if (placed == ts.numTasks) {
      for (int i = 0; i < placed; i++) launch(ts, barrierIndexes.get(i), barrierPlaces.get(i));
      return;
    }
    for (int i = placed - 1; i >= 0; i--) {
      cluster.give(barrierPlaces.get(i), d);
      ts.addPending(barrierIndexes.get(i));
    }
    Stage s = ts.stage;
    emit.accept(new SimEvent.BarrierPlacementReverted(loop.now(), s.job.name, s.spec.name(), ts.stageAttempt,
        placed, ts.numTasks));
  }

  private void launch(TaskSetManager ts, int index, Executor e) {
    Stage s = ts.stage;
    int partition = ts.partition(index);
    int attempt = ts.nextAttempt(index);
    long[] phases = workload.phases(s, partition, ts.stageAttempt, attempt);
    Stage missingParent = mapOutputs.missingParent(s);
    TaskPlan plan = missingParent != null
        ? workload.fetchFailure(loop.now(), SparkMessages.fetchFailed(missingParent, partition))
        : workload.plan(s, partition, ts.stageAttempt, attempt, phases, loop.now());
    TaskAttempt t = new TaskAttempt(ts, index, attempt, nextTaskId++, e, loop.now(), phases, plan, missingParent);
    ts.taskLaunched(t);
    List<TaskAttempt> onExecutor = runningOn(e);
    t.executorSlot = onExecutor.size();
    onExecutor.add(t);
    t.resources = HeldResources.of(cluster.resourceNames(), cluster.acquireAddresses(e, s.demand));
    emit.accept(new SimEvent.TaskLaunched(loop.now(), s.job.name, s.spec.name(), ts.stageAttempt, partition, attempt,
        t.taskId, e.id(), e.host(), t.resources));
    runner.start(t);
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
    cluster.give(t.executor, s.demand);
    if (t.resources != null) cluster.releaseAddresses(t.executor, t.resources.addresses());
    ts.taskEnded(t);
    removeFromExecutor(t);
    emit.accept(new SimEvent.TaskEnded(loop.now(), s.job.name, s.spec.name(), ts.stageAttempt, t.partition, t.attempt,
        t.taskId, t.executor.id(), t.executor.host(), t.launchMs, cause.status, reason, t.resources, t.barrierWaits));
    backend.stateChanged();
    clusterEvents.taskEndedOn(t.executor);
    backend.taskEnded(t.executor);
    if (cause == EndCause.SUCCESS) {
      ts.markSuccessful(t.index);
      if (ts.isZombie) queue.remove(ts);
      dag.taskSucceeded(t);
    } else {
      handleFailedTask(t, cause, reason);
    }
  }

  /**
   * {@code executorLost}: the executor leaves; every attempt running on it fails with
   * {@code ExecutorLostFailure} (not the application's fault, so it does not count towards
   * {@code spark.task.maxFailures}); then the DAGScheduler forgets the outputs it held.
   */
  void executorLost(Executor e, String reason) {
    cluster.remove(e);
    String failure = SparkMessages.executorLost(e.id(), reason);
    for (TaskAttempt t : new ArrayList<>(runningOn(e))) {
      runner.lose(t);
      statusUpdate(t, EndCause.EXECUTOR_LOST, failure);
    }
    dag.executorLost(e);
    backend.stateChanged();
    backend.reviveOffers();
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
    List<TaskAttempt> list = runningOn(t.executor);
    TaskAttempt last = list.remove(list.size() - 1);
    if (last != t) {
      list.set(t.executorSlot, last);
      last.executorSlot = t.executorSlot;
    }
    t.executorSlot = -1;
  }

  private List<TaskAttempt> runningOn(Executor e) {
    while (runningOnExecutor.size() <= e.index()) runningOnExecutor.add(new ArrayList<>(4));
    return runningOnExecutor.get(e.index());
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
      ts.isZombie = true;
      queue.remove(ts);
    }
    dag.taskFailed(t, cause, reason);
    if (ts.isZombie) return;
    if (cause.countsTowardsTaskFailures && ts.countFailure(t.index, conf.taskMaxFailures())) {
      ts.isZombie = true;
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
      for (TaskAttempt t : ts.runningAttempts()) kill(t, reason);
    }
  }

  /** {@code cancelTasks}: kills the stage's running tasks and makes its sets zombies. */
  void cancelTasks(Stage s, String reason) {
    for (TaskSetManager ts : s.taskSets) {
      ts.isZombie = true;
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
