package dev.barriersim.core.spark;

import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.SimEvent;

/**
 * The state of a {@link TaskAttempt} that only barrier, phased, failing, hanging, fetch-failing,
 * killed or custom-resource attempts use. A plain attempt has none, so that the fields its launch
 * and its end touch fit in fewer cache lines (issue 13: 160,000 running attempts overflow the L3).
 * Once given, it stays with its attempt through reuse and is reset at each launch.
 */
final class AttemptExtras {
  /** Work of each phase; null when there is one phase. */
  long[] phases;
  /** Failure or hang planned at launch ({@link TaskPlan#HEALTHY} when none). */
  TaskPlan plan = TaskPlan.HEALTHY;
  /** The parent stage whose output this attempt could not fetch, or null. */
  Stage fetchFailedFrom;
  /** The phase being computed, or the {@code barrier()} waited in after it. */
  int phase;
  /** When the attempt entered its current {@code barrier()}. */
  long waitEnter;
  /** Handles of the planned failure and hang (or {@code NO_EVENT}): a kill or a loss cancels them. */
  long failTimer = EventLoop.NO_EVENT;
  long hangTimer = EventLoop.NO_EVENT;
  /** Spark's message for an end other than a success, or null. */
  String endReason;
  /** Custom resource addresses held, or null. */
  HeldResources resources;
  /** Intervals inside {@code barrier()}: (enter, leave) pairs; only barrier tasks with phases get any. */
  long[] barrierWaits = SimEvent.TaskEnded.NO_WAITS;

  /**
   * Starts a new launch's state; a reference is written only when it changes, since an extras
   * object reused with its attempt is old and storing into it costs the collector's card mark.
   */
  void reset(long[] phases, TaskPlan plan, Stage fetchFailedFrom) {
    if (this.phases != phases) this.phases = phases;
    if (this.plan != plan) this.plan = plan;
    if (this.fetchFailedFrom != fetchFailedFrom) this.fetchFailedFrom = fetchFailedFrom;
    phase = 0;
    waitEnter = 0;
    failTimer = EventLoop.NO_EVENT;
    hangTimer = EventLoop.NO_EVENT;
    if (endReason != null) endReason = null;
    if (resources != null) resources = null;
    if (barrierWaits != SimEvent.TaskEnded.NO_WAITS) barrierWaits = SimEvent.TaskEnded.NO_WAITS;
  }
}
