package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageLocality;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spark's {@code DAGScheduler.getPreferredLocs} for the stages of a scenario, when a TaskSet is
 * created: a partition read from the cache prefers the executor that computed it (the block
 * manager's cached block); else the hosts of its input split; else, for a stage reading one
 * shuffle, the hosts whose executors hold at least 20 % of its input
 * ({@code MapOutputTrackerMaster.getPreferredLocationsForShuffle}, with map outputs of equal size).
 */
final class PreferredLocations {
  /** Spark's {@code REDUCER_PREF_LOCS_FRACTION}. */
  static final double REDUCER_PREF_LOCS_FRACTION = 0.2;
  /** Spark's {@code SHUFFLE_PREF_MAP_THRESHOLD} and {@code SHUFFLE_PREF_REDUCE_THRESHOLD}. */
  static final int SHUFFLE_PREF_THRESHOLD = 1000;
  private static final TaskLocation[] NONE = new TaskLocation[0];

  private final ClusterState cluster;
  private final boolean reduceLocality;
  /** Keys of the stages some stage reads from the cache: only their partitions are remembered. */
  private final Set<String> cachedStages = new HashSet<>();
  /** Per cached stage key, the executor index that last computed each partition (-1: none). */
  private final Map<String, int[]> cacheLocations = new HashMap<>();

  PreferredLocations(ClusterState cluster, boolean reduceLocality, List<JobSpec> jobs) {
    this.cluster = cluster;
    this.reduceLocality = reduceLocality;
    for (JobSpec j : jobs) {
      for (StageSpec s : j.stages()) {
        StageLocality l = s.locality();
        if (l != null && l.cachedFromStage() != null) {
          cachedStages.add(key(l.cachedFromJob() == null ? j.name() : l.cachedFromJob(), l.cachedFromStage()));
        }
      }
    }
  }

  private static String key(String job, String stage) {
    return job + '\u0000' + stage;
  }

  /**
   * A task of stage {@code s} computed {@code partition} on {@code e}: a stage others read from
   * the cache keeps where, under its job instance and under its job's name.
   */
  void taskSucceeded(Stage s, int partition, Executor e) {
    if (cachedStages.isEmpty()) return;
    String byName = key(s.job.spec.name(), s.spec.name());
    if (!cachedStages.contains(byName)) return;
    remember(byName, s, partition, e);
    if (!s.job.name.equals(s.job.spec.name())) remember(key(s.job.name, s.spec.name()), s, partition, e);
  }

  private void remember(String key, Stage s, int partition, Executor e) {
    int[] where = cacheLocations.computeIfAbsent(key, k -> {
      int[] a = new int[s.numPartitions];
      Arrays.fill(a, -1);
      return a;
    });
    where[partition] = e.index();
  }

  /** The preferred locations of each task of {@code ts}, or null when no task has any. */
  TaskLocation[][] of(TaskSetManager ts) {
    Stage s = ts.stage;
    StageLocality l = s.spec.locality();
    int[] cached = null;
    if (l != null && l.cachedFromStage() != null) {
      // A stage of its own job instance, or the last computation under another job's name.
      boolean ownJob = l.cachedFromJob() == null || l.cachedFromJob().equals(s.job.spec.name());
      String job = ownJob ? s.job.name : l.cachedFromJob();
      cached = cacheLocations.get(key(job, l.cachedFromStage()));
    }
    TaskLocation[] shuffle = null;
    if (cached == null && (l == null || l.inputHosts().isEmpty())) {
      // No task reads a cached block or an input split: all prefer the shuffle's hosts, or nothing.
      shuffle = shuffleHosts(s);
      if (shuffle.length == 0) return null;
    }
    TaskLocation[][] prefs = new TaskLocation[ts.numTasks][];
    boolean any = false;
    for (int i = 0; i < ts.numTasks; i++) {
      int p = ts.partition(i);
      TaskLocation[] locs = cachedAt(cached, p);
      if (locs.length == 0 && l != null) locs = hosts(l.inputHostsOf(p));
      if (locs.length == 0) {
        if (shuffle == null) shuffle = shuffleHosts(s);
        locs = shuffle;
      }
      prefs[i] = locs;
      any |= locs.length > 0;
    }
    return any ? prefs : null;
  }

  private TaskLocation[] cachedAt(int[] cached, int p) {
    if (cached == null || p >= cached.length || cached[p] < 0) return NONE;
    Executor e = cluster.get(cached[p]);
    if (e.state() == Executor.State.LOST) return NONE; // the block was lost with its executor
    return new TaskLocation[] {new TaskLocation(e.host(), e.index())};
  }

  private static TaskLocation[] hosts(List<String> hosts) {
    if (hosts.isEmpty()) return NONE;
    return new LinkedHashSet<>(hosts).stream().map(TaskLocation::host).toArray(TaskLocation[]::new);
  }

  /**
   * {@code getLocationsWithLargestOutputs} for a stage reading exactly one shuffle (a stage reading
   * several is a cogroup, which prefers nothing): the executors holding at least 20 % of the map
   * outputs, every output counted as the same size, mapped to their hosts.
   */
  private TaskLocation[] shuffleHosts(Stage s) {
    if (!reduceLocality || s.parents.size() != 1) return NONE;
    Stage parent = s.parents.get(0);
    if (parent.numPartitions >= SHUFFLE_PREF_THRESHOLD || s.numPartitions >= SHUFFLE_PREF_THRESHOLD) return NONE;
    int[] where = parent.shuffleStatus.locations();
    Map<Integer, Integer> perExecutor = new HashMap<>();
    int total = 0;
    for (int e : where) {
      if (e < 0) continue;
      perExecutor.merge(e, 1, Integer::sum);
      total++;
    }
    if (total == 0) return NONE;
    List<Integer> top = new ArrayList<>();
    for (Map.Entry<Integer, Integer> en : perExecutor.entrySet()) {
      if ((double) en.getValue() / total >= REDUCER_PREF_LOCS_FRACTION) top.add(en.getKey());
    }
    top.sort(null);
    LinkedHashSet<String> hostSet = new LinkedHashSet<>();
    for (int e : top) hostSet.add(cluster.get(e).host());
    return hostSet.stream().map(TaskLocation::host).toArray(TaskLocation[]::new);
  }
}
