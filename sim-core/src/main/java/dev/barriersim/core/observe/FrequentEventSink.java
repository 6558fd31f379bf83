package dev.barriersim.core.observe;

import dev.barriersim.core.event.HeldResources;
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
      String executor, String host, HeldResources resources);

  /** {@link dev.barriersim.core.event.SimEvent.TaskEnded}, as values. */
  void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
      long[] barrierWaits);

  /** {@link dev.barriersim.core.event.SimEvent.BarrierRoundSkipped}, as values. */
  void barrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free, boolean fullRound);
}
