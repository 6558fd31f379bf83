package dev.barriersim.scenario.sparklog;

import java.util.Map;
import java.util.TreeMap;

/** One executor as the log recorded it: when it joined and left, where, with what. */
final class RecordedExecutor {
  final String id;
  final String host;
  final int cores;
  final Map<String, Integer> resources;
  final long addedAt;
  final long addedLine;
  long removedAt = -1;
  String removedReason = "";
  long removedLine;
  /** A task on it ended {@code ExecutorLostFailure} with {@code Exit Caused By App}: Spark blamed the app for the loss. */
  boolean lostByApp;

  RecordedExecutor(String id, String host, int cores, Map<String, Integer> resources, long addedAt, long addedLine) {
    this.id = id;
    this.host = host;
    this.cores = cores;
    this.resources = new TreeMap<>(resources);
    this.addedAt = addedAt;
    this.addedLine = addedLine;
  }

  /** Alive at epoch ms {@code t}: joined at or before it, not yet removed. */
  boolean aliveAt(long t) {
    return addedAt <= t && (removedAt < 0 || removedAt > t);
  }

  /** Same shape as {@code o}: cores and resources (what a scenario's executor group fixes). */
  boolean sameShape(RecordedExecutor o) {
    return cores == o.cores && resources.equals(o.resources);
  }
}
