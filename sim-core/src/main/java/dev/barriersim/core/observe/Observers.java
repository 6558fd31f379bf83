package dev.barriersim.core.observe;

import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskStatus;
import java.util.List;
import java.util.function.Consumer;

/**
 * The listeners of a run, called in order for every event. The frequent events (task launches and
 * ends, skipped barrier rounds) go to a {@link FrequentEventSink} as values; a record is built only
 * when some other listener needs one, and then once for all of them.
 */
public final class Observers implements Consumer<SimEvent> {
  private final SimulationListener[] listeners;
  /** The same listeners as sinks where they are sinks, else null. */
  private final FrequentEventSink[] sinks;
  private final boolean countsSkippedRounds;

  /** Calls {@code listeners} in this order. */
  public Observers(List<SimulationListener> listeners) {
    this.listeners = listeners.toArray(new SimulationListener[0]);
    this.sinks = new FrequentEventSink[this.listeners.length];
    boolean counts = true;
    for (int i = 0; i < sinks.length; i++) {
      if (this.listeners[i] instanceof FrequentEventSink s) sinks[i] = s;
      counts &= sinks[i] != null && sinks[i].countsSkippedRounds();
    }
    this.countsSkippedRounds = counts;
  }

  /** Every listener gets {@code e}. */
  @Override
  public void accept(SimEvent e) {
    for (SimulationListener l : listeners) l.onEvent(e);
  }

  /** A task attempt launched ({@link SimEvent.TaskLaunched}). */
  public void taskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, HeldResources resources, TaskLocality locality) {
    SimEvent record = null;
    for (int i = 0; i < sinks.length; i++) {
      FrequentEventSink s = sinks[i];
      if (s != null) {
        s.taskLaunched(t, job, stage, stageAttempt, partition, attempt, taskId, executor, host, resources, locality);
      } else {
        if (record == null) {
          record = new SimEvent.TaskLaunched(t, job, stage, stageAttempt, partition, attempt, taskId, executor, host,
              resources, locality);
        }
        listeners[i].onEvent(record);
      }
    }
  }

  /** A task attempt ended ({@link SimEvent.TaskEnded}). */
  public void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
      long[] barrierWaits) {
    SimEvent record = null;
    for (int i = 0; i < sinks.length; i++) {
      FrequentEventSink s = sinks[i];
      if (s != null) {
        s.taskEnded(t, job, stage, stageAttempt, partition, attempt, taskId, executor, host, launchMs, status, reason,
            resources, barrierWaits);
      } else {
        if (record == null) {
          record = new SimEvent.TaskEnded(t, job, stage, stageAttempt, partition, attempt, taskId, executor, host,
              launchMs, status, reason, resources, barrierWaits);
        }
        listeners[i].onEvent(record);
      }
    }
  }

  /** An offer round skipped a barrier TaskSet ({@link SimEvent.BarrierRoundSkipped}). */
  public void barrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free,
      boolean fullRound) {
    SimEvent record = null;
    for (int i = 0; i < sinks.length; i++) {
      FrequentEventSink s = sinks[i];
      if (s != null) {
        s.barrierRoundSkipped(t, job, stage, stageAttempt, needed, free, fullRound);
      } else {
        if (record == null) record = new SimEvent.BarrierRoundSkipped(t, job, stage, stageAttempt, needed, free, fullRound);
        listeners[i].onEvent(record);
      }
    }
  }

  /**
   * True when every listener takes a run of skipped barrier rounds as a count
   * ({@link FrequentEventSink#countsSkippedRounds}): the scheduler may then pass over a waiting
   * barrier set without naming it.
   */
  public boolean countsSkippedRounds() {
    return countsSkippedRounds;
  }

  /** {@code count} skipped barrier rounds in a row at {@code t}; only when {@link #countsSkippedRounds}. */
  public void barrierRoundsSkipped(long t, long count) {
    for (FrequentEventSink s : sinks) s.barrierRoundsSkipped(t, count);
  }

  /** Every listener learns that the run stopped. */
  public void runEnded(long endMs, dev.barriersim.core.Outcome outcome) {
    for (SimulationListener l : listeners) l.onRunEnd(endMs, outcome);
  }
}
