package dev.barriersim.core.spark;

/**
 * Spark's {@code TaskLocation}: a host ({@code HostTaskLocation}, an input split or a shuffle
 * output there) or an executor on a host ({@code ExecutorCacheTaskLocation}, a cached partition).
 *
 * @param host the host
 * @param executor the executor's index, or -1 for a host alone
 */
record TaskLocation(String host, int executor) {
  /** A host location. */
  static TaskLocation host(String host) {
    return new TaskLocation(host, -1);
  }
}
