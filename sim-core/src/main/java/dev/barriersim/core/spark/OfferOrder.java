package dev.barriersim.core.spark;

/** {@code simulation.offerOrder}: the order of the executors offered in a round. */
public enum OfferOrder {
  /** Executor-id order, as Spark's own tests fix it (the default). */
  ID,
  /** A seeded shuffle per round, as {@code TaskSchedulerImpl.shuffleOffers} does with {@code Random.shuffle}. */
  SHUFFLED
}
