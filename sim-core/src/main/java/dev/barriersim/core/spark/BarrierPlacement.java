package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.event.SimEvent;
import java.util.Arrays;
import dev.barriersim.core.observe.Observers;

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
  private int[] indexes = new int[16];
  private Executor[] executors = new Executor[16];
  private int placed;

  /** Launches full placements through {@code launcher}. */
  BarrierPlacement(EventLoop loop, Observers emit, ResourceOffers.Placement launcher) {
    this.loop = loop;
    this.emit = emit;
    this.launcher = launcher;
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
    offers.place(ts, this);
    if (placed == 0) return 0;
    if (placed == ts.numTasks) {
      for (int i = 0; i < placed; i++) launcher.placed(ts, indexes[i], executors[i]);
      return placed;
    }
    for (int i = placed - 1; i >= 0; i--) {
      offers.give(executors[i], s.demand);
      ts.addPending(indexes[i]);
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
