package dev.barriersim.scenario;

import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.failure.ExecutorFailureSpec;
import dev.barriersim.core.failure.FailureSpec;
import dev.barriersim.core.spark.Backend;
import dev.barriersim.core.spark.SparkConf;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Warns about a barrier stage that cannot pass Spark's submission slot check before Spark gives
 * up: from its job's submission until {@code maxFailures} retries {@code interval} apart have
 * passed, the cluster never has as many slots as the stage has tasks, so the job fails with
 * [SPARK-24819]. Slots are counted as Spark's {@code maxNumConcurrentTasks} counts them (busy ones
 * too, over active executors, on each executor's limiting resource; {@code local[N]}: cores /
 * cpus), through the scenario's joins, decommissions and scripted losses (random losses only lower
 * it). The scenario still runs, as Spark would: this is a warning that says when the job fails.
 */
final class BarrierSlotForecast {
  /** Most timeline events built in all, so that a hostile file cannot make the forecast slow; beyond it, no more warnings. */
  static final long WORK_BUDGET = 20_000_000L;

  private final List<ExecutorGroupAt> groups;
  private final long[] firstId;
  private final Map<Long, Long> leaveAt = new TreeMap<>();
  /** Executor id to the instant a like executor replaces it after a scripted loss with {@code replaceAfter}. */
  private final Map<Long, Long> rejoinAt = new TreeMap<>();
  private final boolean local;
  private final int cpus;
  private final Map<Map<String, Integer>, SlotTimeline> byDemand = new HashMap<>(); // a cache, never iterated
  private long budget = WORK_BUDGET;

  private BarrierSlotForecast(ClusterSpec cluster, FailureSpec failures, boolean local, int cpus) {
    this.groups = ExecutorGroupAt.of(cluster);
    this.firstId = new long[groups.size() + 1];
    for (int i = 0; i < groups.size(); i++) firstId[i + 1] = firstId[i] + groups.get(i).group().count();
    this.local = local;
    this.cpus = cpus;
    for (ClusterChange ch : cluster.changes()) {
      for (String id : ch.decommission()) leaveAt.merge(Long.parseLong(id), ch.atMs(), Math::min);
    }
    for (ExecutorFailureSpec f : failures.executors()) {
      if (f instanceof ExecutorFailureSpec.Scripted s) {
        long id = Long.parseLong(s.executorId());
        leaveAt.merge(id, s.atMs(), Math::min);
        if (s.replaceAfterMs() != ExecutorFailureSpec.NEVER) rejoinAt.merge(id, s.atMs() + s.replaceAfterMs(), Math::min);
      }
    }
  }

  /** Warns at the {@code tasks} key of every barrier stage whose job's slot check will give up. */
  static void check(LoadContext c, YamlNode.Mapping root, ClusterSpec cluster, SparkConf conf, Backend backend,
      List<JobSpec> jobs, FailureSpec failures) {
    // Such a job fails at submission with [SPARK-24942] instead, except on local[N], where Spark ignores the key.
    if (conf.dynamicAllocation() && backend != Backend.LOCAL) return;
    BarrierSlotForecast f = new BarrierSlotForecast(cluster, failures, backend == Backend.LOCAL, conf.taskCpus());
    long givesUpAfter = conf.slotCheckRetryDelayMs() * conf.slotCheckMaxFailures();
    for (YamlLocator.LocatedStage at : YamlLocator.stages(root, jobs)) {
      StageSpec stage = at.stage();
      JobSpec job = at.job();
      if (!stage.barrier()) continue;
      SlotTimeline slots = f.timeline(stage.resources() != null ? stage.resources() : conf.taskResources());
      if (slots == null) return; // out of budget
      long submit = job.submitAtMs();
      long most = slots.maxBetween(submit, saturatedAdd(submit, givesUpAfter));
      if (stage.tasks() <= most) continue;
      YamlNode.Entry tasks = YamlLocator.entry(root, at.steps("tasks"));
      if (tasks == null) continue;
      long fitsFrom = slots.firstAtLeast(submit, stage.tasks());
      c.warn(tasks.value(), at.path("tasks"), whatHappens(stage, job, most, fitsFrom, conf),
          "use at most " + most + " tasks, or add executors" + (fitsFrom < 0 ? ""
              : " earlier, or raise " + SparkConfReader.CHECK_MAX_FAILURES));
    }
  }

  private static String whatHappens(StageSpec stage, JobSpec job, long most, long fitsFrom, SparkConf conf) {
    long delay = conf.slotCheckRetryDelayMs();
    int retries = conf.slotCheckMaxFailures();
    long failsAt = saturatedAdd(job.submitAtMs(), delay * retries);
    String every = delay == 0 ? "all at once (the interval is read in whole seconds, and rounds to 0)"
        : Durations.describe(delay) + " apart";
    String who = job.repeat() == null ? "the job" : "the job's first instance";
    String later = fitsFrom >= 0 ? " (enough slots come only at " + Durations.describe(fitsFrom) + ")"
        : job.repeat() == null ? "" : ", and so will every later instance, about " + Durations.describe(delay * retries)
            + " after its submission";
    return "barrier stage '" + stage.name() + "' needs " + stage.tasks() + " slots at once, but the cluster has at most "
        + most + " while Spark checks: the check fails at the job's submission and at its " + retries + " retries, "
        + every + ", so " + who + " will fail with [SPARK-24819] at about " + Durations.describe(failsAt) + later;
  }

  private static long saturatedAdd(long a, long b) {
    long s = a + b;
    return s < a ? Long.MAX_VALUE : s;
  }

  /** The slot count over time for one task demand; null once the work budget is spent. */
  private SlotTimeline timeline(Map<String, Integer> resources) {
    SlotTimeline known = byDemand.get(resources);
    if (known != null) return known;
    budget -= groups.size() + leaveAt.size() + rejoinAt.size();
    if (budget < 0) return null;
    SlotTimeline built = build(resources);
    byDemand.put(resources, built);
    return built;
  }

  private SlotTimeline build(Map<String, Integer> resources) {
    TreeMap<Long, Long> delta = new TreeMap<>();
    delta.put(0L, 0L);
    long[] perExecutor = new long[groups.size()];
    for (int i = 0; i < groups.size(); i++) {
      ExecutorGroupAt g = groups.get(i);
      perExecutor[i] = slots(g.group(), resources);
      delta.merge(g.joinMs(), perExecutor[i] * g.group().count(), Long::sum);
    }
    for (Map.Entry<Long, Long> leave : leaveAt.entrySet()) {
      int g = groupOf(leave.getKey());
      if (g >= 0) delta.merge(leave.getValue(), -perExecutor[g], Long::sum);
    }
    for (Map.Entry<Long, Long> rejoin : rejoinAt.entrySet()) {
      int g = groupOf(rejoin.getKey());
      if (g >= 0) delta.merge(rejoin.getValue(), perExecutor[g], Long::sum);
    }
    return SlotTimeline.of(delta);
  }

  /** One executor's share of {@code maxNumConcurrentTasks}. */
  private long slots(ExecutorGroup g, Map<String, Integer> resources) {
    long s = g.cores() / cpus;
    if (local) return s; // LocalSchedulerBackend counts cores only
    for (Map.Entry<String, Integer> r : resources.entrySet()) {
      if (r.getValue() > 0) s = Math.min(s, g.resources().getOrDefault(r.getKey(), 0) / r.getValue());
    }
    return s;
  }

  /** The group of executor {@code id} (ids follow the groups, then the adds), or -1. */
  private int groupOf(long id) {
    if (id < 0 || id >= firstId[groups.size()]) return -1;
    int k = Arrays.binarySearch(firstId, id);
    return k >= 0 ? k : -k - 2;
  }
}
