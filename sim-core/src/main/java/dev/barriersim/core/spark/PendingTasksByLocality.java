package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.Topology;
import dev.barriersim.core.event.TaskLocality;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spark's {@code PendingTasksByLocality} and the parts of {@code TaskSetManager} that read it
 * ({@code addPendingTask}, {@code dequeueTask}, the checks of {@code getAllowedLocalityLevel} and
 * {@code computeValidLocalityLevels}): a TaskSet's pending task indexes listed per executor, host
 * and rack they prefer, without preference, and all together. As in Spark the lists are cleaned
 * lazily: an index stays in the other lists after it was taken from one, and is dropped when a
 * later look finds it launched or done.
 */
final class PendingTasksByLocality {
  /** A growable list of task indexes, taken from its end. */
  static final class Indexes {
    private int[] items = new int[4];
    private int size;

    void add(int index) {
      if (size == items.length) items = Arrays.copyOf(items, 2 * size);
      items[size++] = index;
    }

    boolean isEmpty() {
      return size == 0;
    }

    /** Removes the item at {@code i}, keeping the others' order. */
    void removeAt(int i) {
      System.arraycopy(items, i + 1, items, i, size - i - 1);
      size--;
    }
  }

  /** Answers whether a task index may still be launched. */
  interface Launchable {
    /** Not successful, no copy running (Spark's {@code copiesRunning == 0 && !successful}). */
    boolean needsScheduling(int index);

    /** As {@link #needsScheduling}, and not held by a barrier placement under way this round. */
    boolean canLaunch(int index);

    /** Excluded on the executor being offered ({@code isTaskExcludededOnExecOrNode}): skipped, but kept. */
    boolean excludedOnOffer(int index);
  }

  private final TaskLocation[][] preferences;
  private final Topology topology;
  private final Map<Integer, Indexes> forExecutor = new LinkedHashMap<>();
  private final Map<String, Indexes> forHost = new LinkedHashMap<>();
  private final Map<String, Indexes> forRack = new LinkedHashMap<>();
  private final Indexes noPrefs = new Indexes();
  private final Indexes all = new Indexes();
  /** The locality of the last index {@link #dequeue} returned. */
  TaskLocality dequeuedLocality;

  PendingTasksByLocality(TaskLocation[][] preferences, Topology topology) {
    this.preferences = preferences;
    this.topology = topology;
  }

  /**
   * The locality task {@code index} has on {@code executor} of {@code host}: PROCESS_LOCAL on a
   * preferred executor (or without preferences, as Spark reports NO_PREF launches), NODE_LOCAL on a
   * preferred host, RACK_LOCAL on a preferred host's rack, else ANY.
   */
  TaskLocality localityOn(int index, int executor, String host) {
    TaskLocation[] prefs = preferences[index];
    if (prefs.length == 0) return TaskLocality.PROCESS_LOCAL;
    TaskLocality best = TaskLocality.ANY;
    String rack = topology.rackOf(host);
    for (TaskLocation loc : prefs) {
      if (loc.executor() == executor) return TaskLocality.PROCESS_LOCAL;
      if (loc.host().equals(host)) best = TaskLocality.NODE_LOCAL;
      else if (best == TaskLocality.ANY && rack != null && rack.equals(topology.rackOf(loc.host()))) best = TaskLocality.RACK_LOCAL;
    }
    return best;
  }

  /** Spark's {@code addPendingTask}: lists task {@code index} under each place it prefers, and in all. */
  void add(int index) {
    TaskLocation[] prefs = preferences[index];
    for (TaskLocation loc : prefs) {
      if (loc.executor() >= 0) forExecutor.computeIfAbsent(loc.executor(), k -> new Indexes()).add(index);
      forHost.computeIfAbsent(loc.host(), k -> new Indexes()).add(index);
      String rack = topology.rackOf(loc.host());
      if (rack != null) forRack.computeIfAbsent(rack, k -> new Indexes()).add(index);
    }
    if (prefs.length == 0) noPrefs.add(index);
    all.add(index);
  }

  /**
   * Spark's {@code pendingTasks.all.lastIndexWhere(copiesRunning == 0 && !successful)} in
   * {@code getCompletelyExcludedTaskIfAny}: the last listed task that still needs scheduling, or -1.
   */
  int lastNeedingScheduling(Launchable tasks) {
    for (int i = all.size - 1; i >= 0; i--) {
      if (tasks.needsScheduling(all.items[i])) return all.items[i];
    }
    return -1;
  }

  /** Spark's {@code pendingTasks.all.nonEmpty}, stale entries included (its {@code isSchedulable}). */
  boolean hasPending() {
    return !all.isEmpty();
  }

  /**
   * Spark's {@code dequeueTaskHelper}: a task index to launch on {@code executor} of {@code host}
   * within {@code maxLocality}, most local first (no-preference tasks after node-local ones, and
   * reported PROCESS_LOCAL), or -1. Sets {@link #dequeuedLocality}.
   */
  int dequeue(int executor, String host, TaskLocality maxLocality, Launchable tasks) {
    int index = take(forExecutor.get(executor), tasks);
    if (index >= 0) return found(index, TaskLocality.PROCESS_LOCAL);
    if (TaskLocality.NODE_LOCAL.isAllowedWithin(maxLocality)) {
      index = take(forHost.get(host), tasks);
      if (index >= 0) return found(index, TaskLocality.NODE_LOCAL);
    }
    if (TaskLocality.NO_PREF.isAllowedWithin(maxLocality)) {
      index = take(noPrefs, tasks);
      if (index >= 0) return found(index, TaskLocality.PROCESS_LOCAL);
    }
    if (TaskLocality.RACK_LOCAL.isAllowedWithin(maxLocality)) {
      String rack = topology.rackOf(host);
      index = rack == null ? -1 : take(forRack.get(rack), tasks);
      if (index >= 0) return found(index, TaskLocality.RACK_LOCAL);
    }
    if (TaskLocality.ANY.isAllowedWithin(maxLocality)) {
      index = take(all, tasks);
      if (index >= 0) return found(index, TaskLocality.ANY);
    }
    return -1;
  }

  private int found(int index, TaskLocality locality) {
    dequeuedLocality = locality;
    return index;
  }

  /** Spark's {@code dequeueTaskFromList}: pops from the end until a launchable index. */
  private static int take(Indexes list, Launchable tasks) {
    if (list == null) return -1;
    // Spark's dequeueTaskFromList: from the end, a task excluded on this offer stays for others,
    // any other leaves the list, and the first that can launch is taken.
    for (int i = list.size - 1; i >= 0; i--) {
      int index = list.items[i];
      if (tasks.excludedOnOffer(index)) continue;
      list.removeAt(i);
      if (tasks.canLaunch(index)) return index;
    }
    return -1;
  }


  /** Whether {@code level} has a task that still needs scheduling ({@code moreTasksToRunIn}); cleans the lists. */
  boolean hasTasksAt(TaskLocality level, Launchable tasks) {
    return switch (level) {
      case PROCESS_LOCAL -> moreTasksToRunIn(forExecutor, tasks);
      case NODE_LOCAL -> moreTasksToRunIn(forHost, tasks);
      case NO_PREF -> !noPrefs.isEmpty();
      case RACK_LOCAL -> moreTasksToRunIn(forRack, tasks);
      case ANY -> true;
    };
  }

  private static <K> boolean moreTasksToRunIn(Map<K, Indexes> lists, Launchable tasks) {
    Iterator<Indexes> it = lists.values().iterator();
    while (it.hasNext()) {
      Indexes list = it.next();
      while (list.size > 0 && !tasks.needsScheduling(list.items[list.size - 1])) list.size--;
      if (list.size > 0) return true;
      it.remove();
    }
    return false;
  }

  /** Spark's {@code computeValidLocalityLevels}, for the executors, hosts and racks alive now. */
  TaskLocality[] validLevels(java.util.function.IntPredicate executorAlive) {
    TaskLocality[] levels = new TaskLocality[5];
    int n = 0;
    if (forExecutor.keySet().stream().anyMatch(executorAlive::test)) levels[n++] = TaskLocality.PROCESS_LOCAL;
    if (forHost.keySet().stream().anyMatch(topology::hasExecutorsAliveOnHost)) levels[n++] = TaskLocality.NODE_LOCAL;
    if (!noPrefs.isEmpty()) levels[n++] = TaskLocality.NO_PREF;
    if (forRack.keySet().stream().anyMatch(topology::hasHostAliveOnRack)) levels[n++] = TaskLocality.RACK_LOCAL;
    levels[n++] = TaskLocality.ANY;
    return Arrays.copyOf(levels, n);
  }
}
