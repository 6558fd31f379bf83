package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.Executor;

/**
 * The {@code simulation:} section: backend, RPC delays, kill and barrier-poll behaviour, and the
 * run's limits.
 *
 * @param killLatencyMs kill request to task stop for a non-interruptible job, or
 *     {@link #KILL_UNTIL_DONE}: the task runs on until its current work ends
 * @param barrierPollIntervalMs the step at which a task waiting in {@code barrier()} checks for
 *     its release (Spark 3.0+: 1 s); 0 is the ideal, instant barrier
 * @param horizonMs the run stops at this virtual time (outcome HORIZON); {@link Long#MAX_VALUE}: none
 * @param maxEvents the run stops after this many events (outcome EVENT_LIMIT)
 * @param reviveOffsetMs phase of the periodic revive ticks
 * @param offerOrder the order of the offers in a round ({@code simulation.offerOrder})
 * @param barrierPartialRerun what reruns when a barrier map stage loses outputs without a barrier
 *     task failure ({@code simulation.barrierPartialRerun})
 */
public record SimulationSettings(
    Backend backend,
    long launchLatencyMs,
    long statusUpdateLatencyMs,
    long killLatencyMs,
    long barrierPollIntervalMs,
    long horizonMs,
    long maxEvents,
    long reviveOffsetMs,
    OfferOrder offerOrder,
    BarrierRerun barrierPartialRerun) {

  /** {@code killLatency: untilDone}. */
  public static final long KILL_UNTIL_DONE = -1;

  /** The defaults of the contract. */
  public static final SimulationSettings DEFAULTS =
      new SimulationSettings(Backend.COARSE_GRAINED, 0, 0, 0, 1_000, Long.MAX_VALUE, 200_000_000L, 0, OfferOrder.ID,
          BarrierRerun.SPARK);

  /** Settings with the periodic revive ticks at k x interval (offset 0). */
  public SimulationSettings(Backend backend, long launchLatencyMs, long statusUpdateLatencyMs, long killLatencyMs,
      long barrierPollIntervalMs, long horizonMs, long maxEvents) {
    this(backend, launchLatencyMs, statusUpdateLatencyMs, killLatencyMs, barrierPollIntervalMs, horizonMs, maxEvents, 0);
  }

  /** Settings with the default offer order and barrier rerun rule. */
  public SimulationSettings(Backend backend, long launchLatencyMs, long statusUpdateLatencyMs, long killLatencyMs,
      long barrierPollIntervalMs, long horizonMs, long maxEvents, long reviveOffsetMs) {
    this(backend, launchLatencyMs, statusUpdateLatencyMs, killLatencyMs, barrierPollIntervalMs, horizonMs, maxEvents,
        reviveOffsetMs, OfferOrder.ID, BarrierRerun.SPARK);
  }

  /** Launch to start of a task's work on {@code e}: its own launch latency, else {@code simulation.latency.launch}. */
  public long launchLatencyOn(Executor e) {
    return e.launchLatencyMs() >= 0 ? e.launchLatencyMs() : launchLatencyMs;
  }

  /** Checks the ranges. */
  public SimulationSettings {
    if (backend == null) backend = Backend.COARSE_GRAINED;
    if (offerOrder == null) offerOrder = OfferOrder.ID;
    if (barrierPartialRerun == null) barrierPartialRerun = BarrierRerun.SPARK;
    if (launchLatencyMs < 0 || statusUpdateLatencyMs < 0) throw new IllegalArgumentException("latencies must be >= 0");
    if (killLatencyMs < 0 && killLatencyMs != KILL_UNTIL_DONE) throw new IllegalArgumentException("killLatency must be >= 0");
    if (barrierPollIntervalMs < 0) throw new IllegalArgumentException("barrierPollInterval must be >= 0");
    if (horizonMs < 0) throw new IllegalArgumentException("horizon must be >= 0");
    if (maxEvents < 1) throw new IllegalArgumentException("maxEvents must be >= 1");
    if (reviveOffsetMs < 0) throw new IllegalArgumentException("reviveOffset must be >= 0");
  }
}
