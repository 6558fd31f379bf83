package dev.barriersim.core.observe;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.BarrierRoundSkipped;
import dev.barriersim.core.event.SimEvent.BarrierSyncReleased;
import dev.barriersim.core.event.SimEvent.BarrierSyncTimedOut;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.JobStarted;
import dev.barriersim.core.event.SimEvent.SlotCheckFailed;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import java.util.HashMap;
import java.util.Map;

/**
 * What barrier mode costs: failed slot checks and the time jobs spend in them, rounds skipped, the
 * time barrier stage attempts wait from submission to launch, idle core time while some of them
 * waits, and time inside {@code barrier()}.
 */
final class BarrierCosts {
  private final int taskCpus;
  private long slotCheckFailures;
  private long roundsSkipped;
  private long waitMs;
  private long idleCoreMsWhileWaiting;
  private long syncWaitMs;
  private long slotCheckWaitMs;
  /** Barrier jobs waiting in failed submission slot checks: job instance -> first failure. */
  private final Map<String, Long> slotCheckSince = new HashMap<>();
  /** Barrier stage attempts submitted and not launched: job instance -> stage -> submission. */
  private final Map<String, Map<String, Long>> waitingSince = new HashMap<>();
  /** Submissions counted into {@link #waitingSince} and not yet out of it. */
  private int waiting;

  BarrierCosts(int taskCpus) {
    this.taskCpus = taskCpus;
  }

  /** {@code dt} ms passed with {@code idleCores} idle: they count while some barrier stage waits. */
  void integrate(long dt, long idleCores) {
    if (waiting > 0) idleCoreMsWhileWaiting += dt * idleCores;
  }

  /** A launch ends the wait of its stage attempt, if it was a waiting barrier attempt. */
  void taskLaunched(long t, String job, String stage) {
    if (waiting > 0) stopWaiting(job, stage, t);
  }

  /** Updates the costs with an event other than a task launch or end (a task end costs nothing here). */
  void onEvent(SimEvent e) {
    if (e instanceof StageSubmitted s) {
      if (s.barrier()) {
        waitingSince.computeIfAbsent(s.job(), j -> new HashMap<>()).put(s.stage(), s.t());
        waiting++;
      }
    } else if (e instanceof StageCompleted c) {
      stopWaiting(c.job(), c.stage(), c.t());
    } else if (e instanceof SlotCheckFailed f) {
      slotCheckFailures++;
      slotCheckSince.putIfAbsent(f.job(), f.t());
    } else if (e instanceof JobStarted j) {
      endSlotCheckWait(j.job(), j.t());
    } else if (e instanceof JobEnded j) {
      endSlotCheckWait(j.job(), j.t());
    } else if (e instanceof BarrierRoundSkipped) {
      roundsSkipped(1);
    } else if (e instanceof BarrierSyncReleased r) {
      syncWaitMs += r.waitMs();
    } else if (e instanceof BarrierSyncTimedOut o) {
      syncWaitMs += o.waitMs();
    }
  }

  /** Offer rounds skipped a barrier TaskSet {@code n} times. */
  void roundsSkipped(long n) {
    roundsSkipped += n;
  }

  private void stopWaiting(String job, String stage, long t) {
    Map<String, Long> stages = waitingSince.get(job);
    Long since = stages == null ? null : stages.remove(stage);
    if (since == null) return;
    waitMs += t - since;
    waiting--;
  }

  private void endSlotCheckWait(String job, long t) {
    Long since = slotCheckSince.remove(job);
    if (since != null) slotCheckWaitMs += t - since;
  }

  /** The costs of a run that stopped at {@code endMs}; what still waits counts until then. */
  RunResult.BarrierMetrics metrics(long endMs) {
    long wait = waitMs;
    for (Map<String, Long> stages : waitingSince.values()) for (long since : stages.values()) wait += endMs - since;
    long slotCheckWait = slotCheckWaitMs;
    for (long since : slotCheckSince.values()) slotCheckWait += endMs - since;
    return new RunResult.BarrierMetrics(slotCheckFailures, roundsSkipped, wait, idleCoreMsWhileWaiting,
        syncWaitMs * taskCpus, slotCheckWait);
  }
}
