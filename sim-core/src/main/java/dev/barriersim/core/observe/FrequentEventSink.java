package dev.barriersim.core.observe;

import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.BarrierRoundSkipped;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.event.TaskStatus;

/**
 * A listener that takes the frequent events as values: the two events of every task, and the
 * skipped barrier rounds that gang contention repeats for every waiting barrier TaskSet in every
 * round. {@link Observers} calls these methods instead of building a {@code TaskLaunched},
 * {@code TaskEnded} or {@code BarrierRoundSkipped} record for it. The arguments are the record's
 * components, in order, and the listener must treat them exactly as it treats the record in
 * {@link #onEvent}.
 */
public interface FrequentEventSink extends SimulationListener {
  /** {@link dev.barriersim.core.event.SimEvent.TaskLaunched}, as values. */
  void taskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, HeldResources resources, TaskLocality locality);

  /** {@link dev.barriersim.core.event.SimEvent.TaskEnded}, as values. */
  void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
      long[] barrierWaits);

  /** {@link dev.barriersim.core.event.SimEvent.BarrierRoundSkipped}, as values. */
  void barrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free, boolean fullRound);

  /**
   * Hands a {@code TaskLaunched}, {@code TaskEnded} or {@code BarrierRoundSkipped} record to the
   * method above that takes it as values, so that {@link #onEvent} treats both forms alike; false
   * for any other event.
   */
  default boolean acceptAsValues(SimEvent e) {
    if (e instanceof TaskLaunched l) {
      taskLaunched(l.t(), l.job(), l.stage(), l.stageAttempt(), l.partition(), l.attempt(), l.taskId(), l.executor(),
          l.host(), l.resources(), l.locality());
    } else if (e instanceof TaskEnded t) {
      taskEnded(t.t(), t.job(), t.stage(), t.stageAttempt(), t.partition(), t.attempt(), t.taskId(), t.executor(),
          t.host(), t.launchMs(), t.status(), t.reason(), t.resources(), t.barrierWaits());
    } else if (e instanceof BarrierRoundSkipped b) {
      barrierRoundSkipped(b.t(), b.job(), b.stage(), b.stageAttempt(), b.needed(), b.free(), b.fullRound());
    } else {
      return false;
    }
    return true;
  }

  /**
   * True when a skipped barrier round matters to this listener only as one more event at its
   * instant (it reads neither the set nor the slot counts): then a run of skips in one round may
   * reach it as one {@link #barrierRoundsSkipped} call. False by default.
   */
  default boolean countsSkippedRounds() {
    return false;
  }

  /**
   * {@code count} {@code BarrierRoundSkipped} events in a row at {@code t}, for a listener that
   * {@link #countsSkippedRounds}; it must end in the state {@code count} single calls leave.
   */
  default void barrierRoundsSkipped(long t, long count) {
    throw new UnsupportedOperationException("this listener takes skipped rounds one by one");
  }
}
