package dev.barriersim.core.random;

import java.nio.charset.StandardCharsets;

/**
 * Named random streams: the seed of each stream is a hash of the run seed and the stream's name,
 * so adding a consumer of randomness never shifts the draws of another. Every random choice of a
 * run goes through one of these streams; nothing reads a clock or an unseeded generator.
 */
public final class RandomStreams {
  /** Task durations, keyed by (job instance, stage, partition, phase). */
  public static final String DURATION = "duration";
  /** Straggler choice, keyed by (job instance, stage, partition, stage attempt, task attempt). */
  public static final String STRAGGLER = "straggler";
  /** Random task failures, keyed like stragglers. */
  public static final String TASK_FAILURE = "task-failure";
  /** Gaps between repeated job instances, keyed by (job, instance). */
  public static final String ARRIVAL = "arrival";
  /** The order of the offers of a full round with {@code offerOrder: shuffled}, keyed by the round's number. */
  public static final String OFFER_ORDER = "offer-order";
  /** Executor lifetimes, keyed by (executor, incarnation). */
  public static final String EXECUTOR_LOSS = "executor-loss";

  private final long seed;

  /** Streams of the run whose seed is {@code seed}. */
  public RandomStreams(long seed) {
    this.seed = seed;
  }

  /** A keyed generator for the stream {@code name}. */
  public KeyedGenerator stream(String name) {
    return new KeyedGenerator(mix(seed ^ hash(name)));
  }

  /** The seed of replication {@code r} of a run seeded {@code seed}; replication 0 keeps the seed. */
  public static long replicationSeed(long seed, int r) {
    return r == 0 ? seed : mix(seed ^ mix(0x5EED_0000_0000L + r));
  }

  /** A stable 64-bit hash (FNV-1a) of a name; used to key draws by stage and job names. */
  public static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** SplitMix64's finaliser: a bijective mix of 64 bits. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
