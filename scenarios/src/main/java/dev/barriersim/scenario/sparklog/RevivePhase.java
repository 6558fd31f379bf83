package dev.barriersim.scenario.sparklog;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the periodic revive ticks of a coarse-grained backend fell, modulo the interval. The log
 * does not record them, but a barrier task set launched at an instant that no offer trigger
 * explains (no task end, stage submission or executor change just before) was launched by one.
 * Without such a launch the phase is estimated from the driver's BlockManagerAdded (Spark starts
 * the revive timer with the scheduler backend, shortly before the driver's block manager registers).
 */
final class RevivePhase {
  /** A trigger at most this long before a launch explains it. */
  static final long EXPLAINS_BEFORE_MS = 100;
  /** Finish Time is the driver's, a few ms after the slot was reused: a trigger this long after a launch explains it too. */
  static final long EXPLAINS_AFTER_MS = 15;
  /** Revive before the driver's BlockManagerAdded, observed 200-240 ms on Spark 3.5.9 local-cluster. */
  static final long BLOCK_MANAGER_LEAD_MS = 220;

  /** A launch no trigger explains. */
  record Launch(RecordedStage stage, int attempt, long at, long line) {}

  /** The phase (epoch ms modulo the interval, in [0, interval)), how it was found, and the launches used. */
  record Result(long phaseMs, String how, List<Launch> launches, long spreadMs) {}

  private RevivePhase() {}

  /** The phase for {@code stages}' barrier attempts, given every trigger instant of the log (sorted). */
  static Result find(List<RecordedStage> stages, long[] sortedTriggers, long intervalMs, RecordedApplication app,
      long firstSubmission) {
    List<Launch> unexplained = new ArrayList<>();
    for (RecordedStage s : stages) {
      if (!s.barrier) continue;
      for (RecordedStage.Attempt a : s.attempts.values()) {
        if (a.taskCount == 0) continue;
        if (!explained(sortedTriggers, a.firstLaunch)) unexplained.add(new Launch(s, a.number, a.firstLaunch, a.firstLaunchLine));
      }
    }
    if (!unexplained.isEmpty()) {
      long best = -1;
      long bestCost = Long.MAX_VALUE;
      long spread = 0;
      for (Launch candidate : unexplained) {
        long phase = Math.floorMod(candidate.at(), intervalMs);
        long cost = 0;
        long worst = 0;
        for (Launch other : unexplained) {
          long d = circular(phase, Math.floorMod(other.at(), intervalMs), intervalMs);
          cost += d;
          worst = Math.max(worst, d);
        }
        if (cost < bestCost) {
          bestCost = cost;
          best = phase;
          spread = worst;
        }
      }
      return new Result(best, "from " + unexplained.size() + " barrier launch" + (unexplained.size() > 1 ? "es" : "")
          + " that no task end, stage submission or executor change explains", unexplained, spread);
    }
    if (app.driverBlockManagerAdded > 0) {
      return new Result(Math.floorMod(app.driverBlockManagerAdded - BLOCK_MANAGER_LEAD_MS, intervalMs),
          "estimated (no launch in the log reveals it): " + BLOCK_MANAGER_LEAD_MS + " ms before the driver's"
              + " BlockManagerAdded at line " + app.driverBlockManagerLine
              + " (200-240 ms observed on Spark 3.5.9 local-cluster)", List.of(), 0);
    }
    return new Result(Math.floorMod(firstSubmission, intervalMs), "unknown (no launch reveals it and no driver"
        + " BlockManagerAdded): a tick at the first job's submission", List.of(), 0);
  }

  /** True when a trigger lies in [at - 100 ms, at + 15 ms]. */
  static boolean explained(long[] sorted, long at) {
    int i = java.util.Arrays.binarySearch(sorted, at - EXPLAINS_BEFORE_MS);
    if (i < 0) i = -i - 1;
    return i < sorted.length && sorted[i] <= at + EXPLAINS_AFTER_MS;
  }

  private static long circular(long a, long b, long m) {
    long d = Math.abs(a - b);
    return Math.min(d, m - d);
  }
}
