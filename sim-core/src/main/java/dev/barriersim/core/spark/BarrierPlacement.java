package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.event.SimEvent;
import java.util.Arrays;
import dev.barriersim.core.observe.Observers;
import java.util.function.BiConsumer;

/**
 * All or nothing, per round: a barrier TaskSet is considered only if the slots still free in the
 * round cover all its tasks (SPARK-29263), and then launches all of them at one instant or, when
 * only part could be placed, gives everything back for a later round (SPARK-24818, non-legacy).
 * Nothing is reserved across rounds.
 */
final class BarrierPlacement implements ResourceOffers.Placement {
  private final EventLoop loop;
  private final Observers emit;
  private final ResourceOffers.Placement launcher;
  private final DelayScheduling delay;
  private final BiConsumer<TaskSetManager, String> abort;
  private int[] indexes = new int[16];
  private Executor[] executors = new Executor[16];
  private int placed;

  /**
   * Launches full placements through {@code launcher}; places sets with preferred locations through
   * {@code delay}; under the legacy locality reset, aborts a set placed in part through {@code abort}.
   */
  BarrierPlacement(EventLoop loop, Observers emit, ResourceOffers.Placement launcher, DelayScheduling delay,
      BiConsumer<TaskSetManager, String> abort) {
    this.loop = loop;
    this.emit = emit;
    this.launcher = launcher;
    this.delay = delay;
    this.abort = abort;
  }

  /**
   * Offers this round to barrier set {@code ts}: it launches every pending task, or none. Returns
   * how many tasks were placed, launched or given back (Spark's {@code launchedAnyTask} counts
   * both), or -1 when the set was skipped for want of free slots.
   */
  int offer(TaskSetManager ts, ResourceOffers offers, boolean fullRound) {
    Stage s = ts.stage;
    int free = offers.freeSlots(s.demand);
    if (free < ts.numTasks) {
      emit.barrierRoundSkipped(loop.now(), s.job.name, s.spec.name(), ts.stageAttempt, ts.numTasks, free, fullRound);
      return -1;
    }
    placed = 0;
    if (ts.locality == null) {
      offers.place(ts, this);
      return decide(ts, offers);
    }
    delay.place(ts, offers, this);
    int result = decide(ts, offers);
    delay.settle(ts, fullRound);
    return result;
  }

  /**
   * Launches a full placement; gives back a partial one (or, under the legacy reset, aborts the
   * set). Returns how many tasks were placed.
   */
  private int decide(TaskSetManager ts, ResourceOffers offers) {
    Stage s = ts.stage;
    if (placed == 0) return 0;
    if (placed == ts.numTasks) {
      for (int i = 0; i < placed; i++) launcher.placed(ts, indexes[i], executors[i]);
      return placed;
    }
    for (int i = placed - 1; i >= 0; i--) {
      offers.give(executors[i], s.demand);
      ts.addPending(indexes[i]);
    }
    if (delay.abortsPartialBarrier()) {
      abort.accept(ts, SparkMessages.barrierPartialOffers(s, placed, ts.numTasks));
      return placed;
    }
    emit.accept(new SimEvent.BarrierPlacementReverted(loop.now(), s.job.name, s.spec.name(), ts.stageAttempt,
        placed, ts.numTasks));
    return placed;
  }

  /** Holds a placed task until the whole set is placed. */
  @Override
  public void placed(TaskSetManager ts, int index, Executor e) {
    if (placed == indexes.length) {
      indexes = Arrays.copyOf(indexes, 2 * placed);
      executors = Arrays.copyOf(executors, 2 * placed);
    }
    indexes[placed] = index;
    executors[placed] = e;
    placed++;
  }
}
