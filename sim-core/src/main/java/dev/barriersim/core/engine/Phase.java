package dev.barriersim.core.engine;

/**
 * The order of events that fall on the same virtual instant, following Spark's driver: the
 * cluster changes first, then what executors report (task ends, barrier arrivals), then the
 * DAGScheduler's own timers, and offer rounds last, so a round sees every status update of its
 * instant.
 */
public enum Phase {
  /** Executors join, leave or are decommissioned. */
  CLUSTER,
  /** Task-side events: work ends, failures, barrier arrivals and releases, kills taking effect. */
  TASK,
  /** Driver timers: job submission, slot-check retries, stage resubmission, sync timeouts. */
  DRIVER,
  /** Offer rounds: requested full rounds and the periodic revive. */
  OFFERS
}
