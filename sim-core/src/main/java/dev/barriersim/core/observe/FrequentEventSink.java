package dev.barriersim.core.observe;

import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.TaskStatus;

/**
 * A listener that takes the two events of every task as values: {@link Observers} calls these
 * methods instead of building a {@code TaskLaunched} or {@code TaskEnded} record for it. The
 * arguments are the record's components, in order, and the listener must treat them exactly as it
 * treats the record in {@link #onEvent}.
 */
public interface TaskEventSink extends SimulationListener {
  /** {@link dev.barriersim.core.event.SimEvent.TaskLaunched}, as values. */
  void taskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, HeldResources resources);

  /** {@link dev.barriersim.core.event.SimEvent.TaskEnded}, as values. */
  void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
      long[] barrierWaits);
}
