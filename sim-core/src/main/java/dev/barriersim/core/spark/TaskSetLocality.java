package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.event.TaskLocality;
import java.util.function.IntPredicate;

/**
 * The delay-scheduling state of one TaskSet whose tasks have preferred locations, as Spark's
 * {@code TaskSetManager} keeps it: the valid levels ({@code myLocalityLevels}), the wait at each
 * ({@code localityWaits}), the current level and when its timer was last reset, and the pending
 * tasks by place ({@link PendingTasksByLocality}). A TaskSet without preferences has none of this
 * and is placed by the plain sweep.
 */
final class TaskSetLocality implements PendingTasksByLocality.Launchable {
  /** Hears every change of the current level. */
  interface LevelListener {
    /** {@code ts} moved from {@code from} (null: its first level) to {@code to}. */
    void levelChanged(TaskSetManager ts, TaskLocality from, TaskLocality to, String reason);
  }

  final TaskSetManager ts;
  final PendingTasksByLocality pending;
  private final LocalityConf conf;
  private final LevelListener listener;
  private TaskLocality[] levels;
  private long[] waits;
  private int current;
  private long lastReset;
  /** {@code TaskSchedulerImpl.noRejectsSinceLastReset} for this set (true when absent there). */
  boolean noRejectsSinceLastReset = true;
  /** The locality each task index was last placed at. */
  private final TaskLocality[] placedAt;
  /** Indexes a barrier placement holds this round ({@code barrierPendingLaunchTasks}). */
  private final boolean[] barrierPending;
  private int[] held = new int[4];
  private int heldCount;
  /** The executor {@link #dequeue} is placing on, for {@link #excludedOnOffer}. */
  private Executor offer;

  TaskSetLocality(TaskSetManager ts, TaskLocation[][] preferences, dev.barriersim.core.cluster.Topology topology,
      LocalityConf conf, LevelListener listener, IntPredicate executorAlive, long now) {
    this.ts = ts;
    this.conf = conf;
    this.listener = listener;
    this.pending = new PendingTasksByLocality(preferences, topology);
    this.placedAt = new TaskLocality[ts.numTasks];
    this.barrierPending = ts.isBarrier ? new boolean[ts.numTasks] : null;
    for (int i = ts.numTasks - 1; i >= 0; i--) pending.add(i);
    levels = pending.validLevels(executorAlive);
    waits = waitsOf(levels);
    lastReset = now;
    listener.levelChanged(ts, null, levels[0], "submitted");
  }

  /** Spark's {@code getLocalityWait}: 0 at NO_PREF and ANY, and for a barrier set under the legacy reset. */
  private long[] waitsOf(TaskLocality[] ls) {
    long[] w = new long[ls.length];
    for (int i = 0; i < ls.length; i++) {
      if (conf.legacyResetOnTaskLaunch() && ts.isBarrier) continue;
      w[i] = switch (ls[i]) {
        case PROCESS_LOCAL -> conf.processWaitMs();
        case NODE_LOCAL -> conf.nodeWaitMs();
        case RACK_LOCAL -> conf.rackWaitMs();
        default -> 0;
      };
    }
    return w;
  }

  int levelCount() {
    return levels.length;
  }

  TaskLocality level(int i) {
    return levels[i];
  }

  /** The current level. */
  TaskLocality currentLevel() {
    return levels[current];
  }

  /** When the current level's wait ends, or -1 at the last level. */
  long currentWaitEndsAt() {
    return current < levels.length - 1 ? lastReset + waits[current] : -1;
  }

  @Override
  public boolean needsScheduling(int index) {
    return ts.needsScheduling(index);
  }

  @Override
  public boolean excludedOnOffer(int index) {
    return ts.excludelist != null && ts.excludelist.excludesTask(index, offer);
  }

  @Override
  public boolean canLaunch(int index) {
    return ts.needsScheduling(index) && (barrierPending == null || !barrierPending[index]);
  }

  /** Spark's {@code addPendingTask}; nothing for a zombie. */
  void addPending(int index) {
    if (!ts.isZombie) pending.add(index);
  }

  /**
   * Spark's {@code getAllowedLocalityLevel}: moves past levels with no task left (restarting the
   * timer now) and levels whose wait has passed (the timer moves on by that wait, so waits add up
   * from the last reset), and returns the level reached.
   */
  TaskLocality allowedLevel(long now) {
    while (current < levels.length - 1) {
      if (!pending.hasTasksAt(levels[current], this)) {
        lastReset = now;
        move(current + 1, "noTasks");
      } else if (now - lastReset >= waits[current]) {
        lastReset += waits[current];
        move(current + 1, "wait");
      } else {
        return levels[current];
      }
    }
    return levels[current];
  }

  /** A task index to place on {@code executor} within {@code allowed}, or -1; remembers its locality. */
  int dequeue(Executor executor, TaskLocality allowed) {
    offer = executor;
    int index = pending.dequeue(executor.index(), executor.host(), allowed, this);
    if (index < 0) return -1;
    placedAt[index] = pending.dequeuedLocality;
    if (barrierPending != null) {
      barrierPending[index] = true;
      if (heldCount == held.length) held = java.util.Arrays.copyOf(held, 2 * heldCount);
      held[heldCount++] = index;
    }
    return index;
  }

  /** The barrier placement of this round is settled (launched or given back): its indexes are free again. */
  void releaseBarrierPending() {
    for (int i = 0; i < heldCount; i++) barrierPending[held[i]] = false;
    heldCount = 0;
  }

  /** The locality task {@code index} would have on {@code executor} (a speculative copy's). */
  TaskLocality localityOn(int index, Executor executor) {
    return pending.localityOn(index, executor.index(), executor.host());
  }

  /** The locality task {@code index} was last placed at. */
  TaskLocality placedAt(int index) {
    return placedAt[index];
  }

  /** Spark's {@code resetDelayScheduleTimer}: the timer restarts now, at the level of {@code minLocality} if given. */
  void resetTimer(long now, TaskLocality minLocality) {
    lastReset = now;
    if (minLocality != null) move(indexOf(minLocality), "launch");
  }

  /** Spark's {@code recomputeLocality}, after executors joined, left or were decommissioned. */
  void recompute(IntPredicate executorAlive) {
    if (ts.isZombie) return;
    int previousIndex = current;
    TaskLocality previousLevel = levels[current];
    TaskLocality[] previousLevels = levels;
    levels = pending.validLevels(executorAlive);
    waits = waitsOf(levels);
    current = indexOf(previousLevel);
    if (current > previousIndex) {
      // SPARK-31837: a new, more local level appeared: shift to it
      for (TaskLocality l : levels) {
        if (!java.util.Arrays.asList(previousLevels).contains(l)) {
          current = indexOf(l);
          break;
        }
      }
    }
    if (levels[current] != previousLevel) listener.levelChanged(ts, previousLevel, levels[current], "executors");
  }

  /** Spark's {@code getLocalityIndex}: the first valid level at least as far as {@code locality}. */
  private int indexOf(TaskLocality locality) {
    int i = 0;
    while (locality.ordinal() > levels[i].ordinal()) i++;
    return i;
  }

  private void move(int to, String reason) {
    TaskLocality from = levels[current];
    current = to;
    if (levels[to] != from) listener.levelChanged(ts, from, levels[to], reason);
  }
}
