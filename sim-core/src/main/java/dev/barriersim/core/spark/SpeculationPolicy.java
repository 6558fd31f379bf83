package dev.barriersim.core.spark;

import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.engine.Phase;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.observe.Observers;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's speculation thread ({@code TaskSchedulerImpl.checkSpeculatableTasks}, every
 * {@code spark.speculation.interval} from the application's start) and the check each ordinary
 * TaskSet runs ({@code TaskSetManager.checkSpeculatableTasks} and
 * {@code checkAndSubmitSpeculatableTasks}). Once {@code quantile} of a set's tasks succeeded, a task
 * that runs in one copy and has run longer than {@code max(multiplier * median, minTaskRuntime)} is
 * marked speculatable, and offers are revived. Barrier sets, sets of one task, and the local
 * backend never speculate ({@code TaskSchedulerImpl.start} starts the thread only when not
 * {@code isLocal}).
 *
 * <p>Spark 3.5's efficiency check ({@code spark.speculation.efficiency.enabled}, on by default)
 * compares a task's records read per second with the set's average; barriersim models no records,
 * and Spark with no records read keeps the average at {@code Double.MaxValue} and a running task's
 * rate at 0, so every task over the threshold is inefficient: the check never holds one back.
 *
 * <p>A check that cannot mark anything is not simulated: after each check the next tick is the
 * first one at which a running task will have passed its threshold, and any launch or task end in
 * a speculating set asks for the next tick on the grid. Checks therefore happen exactly when
 * Spark's would mark something, and a run with nothing left to speculate ends.
 */
final class SpeculationPolicy {
  private final EventLoop loop;
  private final SpeculationConf conf;
  private final TaskSetQueue queue;
  private final SchedulerBackend backend;
  private final Observers emit;
  private final int tickKind;
  /** Live speculating sets in submission order, as Spark's pools hold them until they finish. */
  private final List<TaskSetManager> sets = new ArrayList<>();
  private long tickAt = -1;
  private long tickHandle = EventLoop.NO_EVENT;
  /** Some set marked a task in the check under way ({@code shouldRevive}). */
  private boolean found;

  SpeculationPolicy(EventLoop loop, SpeculationConf conf, TaskSetQueue queue, SchedulerBackend backend,
      Observers emit) {
    this.loop = loop;
    this.conf = conf;
    this.queue = queue;
    this.backend = backend;
    this.emit = emit;
    this.tickKind = loop.register((SpeculationPolicy p) -> p.tick());
  }

  /** The policy of a run, or null when nothing in it can speculate. */
  static SpeculationPolicy of(EventLoop loop, SparkConf conf, Backend backendKind, TaskSetQueue queue,
      SchedulerBackend backend, Observers emit) {
    if (!conf.speculation().enabled() || backendKind == Backend.LOCAL) return null;
    return new SpeculationPolicy(loop, conf.speculation(), queue, backend, emit);
  }

  /** A TaskSet was submitted: an ordinary one gets speculation's state ({@code isBarrier} sets never do). */
  void taskSetSubmitted(TaskSetManager ts) {
    if (ts.isBarrier) return;
    ts.speculation = new SpeculatableTasks(ts);
    sets.add(ts);
    changed();
  }

  /** An attempt of a speculating set launched or ended: its set's check may now mark something. */
  void taskChanged(TaskSetManager ts) {
    if (ts.speculation != null) changed();
  }

  /** {@code successfulTaskDurations.insert(info.duration)}: the driver processed a success of {@code t}. */
  void taskSucceeded(TaskAttempt t) {
    TaskSetManager ts = t.taskSet;
    if (ts.speculation == null) return;
    ts.speculation.succeeded(loop.now() - t.launchMs);
    changed();
  }

  private void changed() {
    schedule(loop.now());
  }

  /** Schedules a check at the first tick at or after {@code dueMs}, unless one comes no later. */
  private void schedule(long dueMs) {
    long interval = conf.intervalMs();
    long at = Math.max(1, Math.floorDiv(dueMs + interval - 1, interval)) * interval;
    // A tick at this instant whose phase has passed is the next one.
    if (at == loop.now() && loop.phase().compareTo(Phase.DRIVER) > 0) at += interval;
    if (tickAt >= 0 && tickAt <= at) return;
    loop.cancel(tickHandle);
    tickAt = at;
    tickHandle = loop.at(at, Phase.DRIVER, tickKind, this);
  }

  /** {@code rootPool.checkSpeculatableTasks(minTimeToSpeculation)}, then revive offers if something was found. */
  private void tick() {
    tickAt = -1;
    tickHandle = EventLoop.NO_EVENT;
    long now = loop.now();
    long due = Long.MAX_VALUE;
    found = false;
    for (int i = 0; i < sets.size(); ) {
      TaskSetManager ts = sets.get(i);
      if (ts.isZombie) {
        sets.remove(i); // a zombie never speculates again ({@code checkSpeculatableTasks} returns false)
        continue;
      }
      i++;
      due = Math.min(due, check(ts, now));
    }
    if (found) backend.reviveOffers();
    if (due != Long.MAX_VALUE) schedule(due);
  }

  /**
   * {@code TaskSetManager.checkSpeculatableTasks} at {@code now}; returns the earliest instant at
   * which one of its running tasks not marked will pass the threshold, or {@code Long.MAX_VALUE}. Running attempts are visited in task-id order (Spark: the hash
   * order of its running task ids), so the last one marked is the first copy launched.
   */
  private long check(TaskSetManager ts, long now) {
    SpeculatableTasks sp = ts.speculation;
    if (ts.numTasks == 1 || sp.successes() < conf.minFinished(ts.numTasks)) return Long.MAX_VALUE;
    double threshold = conf.threshold(sp.medianMs());
    long due = Long.MAX_VALUE;
    boolean marked = false;
    for (TaskAttempt t : ts.runningAttempts()) {
      int index = t.index;
      if (ts.isSuccessful(index) || ts.copiesRunning(index) != 1 || sp.isSpeculatable(index)) continue;
      long runtime = now - t.launchMs;
      if (runtime > threshold) {
        sp.mark(index);
        marked = true;
        Stage s = ts.stage;
        emit.accept(new SimEvent.SpeculativeTaskSubmitted(now, s.job.name, s.spec.name(), ts.stageAttempt,
            t.partition, t.taskId, runtime, Math.round(threshold)));
      } else {
        due = Math.min(due, t.launchMs + (long) Math.floor(threshold) + 1);
      }
    }
    if (marked) {
      found = true;
      queue.add(ts); // pending copies make the set schedulable again ({@code isSchedulable})
      backend.stateChanged();
    }
    return due;
  }
}
