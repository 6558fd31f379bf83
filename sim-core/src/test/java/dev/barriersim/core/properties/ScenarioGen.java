package dev.barriersim.core.properties;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.failure.ExecutorFailureSpec;
import dev.barriersim.core.failure.FailureSpec;
import dev.barriersim.core.failure.TaskFailureSpec;
import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.spark.Backend;
import dev.barriersim.core.spark.BarrierRerun;
import dev.barriersim.core.spark.ExcludeOnFailureConf;
import dev.barriersim.core.spark.LocalityConf;
import dev.barriersim.core.spark.OfferOrder;
import dev.barriersim.core.spark.PoolSpec;
import dev.barriersim.core.spark.SchedulingMode;
import dev.barriersim.core.spark.SimulationSettings;
import dev.barriersim.core.spark.SparkConf;
import dev.barriersim.core.spark.SpeculationConf;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.RepeatSpec;
import dev.barriersim.core.workload.StageLocality;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds small random scenarios from a {@link Draw}. Every run is bounded: at most 4 jobs (each
 * repeated at most 3 times) of at most 4 stages of at most 12 tasks, a 2 h horizon and 200k
 * events, so no example can run away. Each scenario is also valid for the YAML loader (the
 * {@code local} backend has one executor and no additions, changes are in time order, every
 * named executor exists by then).
 */
public final class ScenarioGen {
  /** What kind of scenario to build. */
  public enum Shape {
    /** Everything: failures, hangs, losses, cluster changes, small sync timeouts. */
    FULL,
    /** No failure, loss, hang or decommission, default sync timeout, every barrier stage fits the initial cluster. */
    HEALTHY,
    /** As HEALTHY, but job 0 has a barrier stage larger than the cluster, which never changes. */
    TOO_LARGE
  }

  public static final long HORIZON_MS = 2 * 3600 * 1000L;
  public static final long MAX_EVENTS = 200_000L;
  static final String GPU = "gpu";

  private ScenarioGen() {}

  /** A random scenario of the given shape. */
  public static SimulationSpec scenario(Draw d, Shape shape) {
    boolean full = shape == Shape.FULL;
    boolean local = d.chance(15);
    // cluster
    List<ExecutorGroup> groups = new ArrayList<>();
    int nGroups = local ? 1 : d.between(1, 4);
    for (int g = 0; g < nGroups; g++) {
      int count = local ? 1 : d.between(1, 3);
      int cores = d.between(1, 8);
      int gpus = d.chance(30) ? d.between(1, 4) : 0;
      groups.add(new ExecutorGroup(count, cores, gpus > 0 ? Map.of(GPU, gpus) : Map.of(), 1));
    }
    int initialExecutors = groups.stream().mapToInt(ExecutorGroup::count).sum();
    int maxCores = groups.stream().mapToInt(ExecutorGroup::cores).max().orElse(1);
    int maxGpus = groups.stream().mapToInt(g -> g.resources().getOrDefault(GPU, 0)).max().orElse(0);
    int taskCpus = d.between(1, 2);
    if (!full && taskCpus > maxCores) taskCpus = 1;
    Map<String, Integer> taskResources = Map.of();
    if (maxGpus > 0 && d.chance(25)) taskResources = Map.of(GPU, d.between(1, full ? 2 : Math.min(2, maxGpus)));

    // Spark conf
    boolean fair = d.chance(30);
    List<PoolSpec> pools = new ArrayList<>();
    if (fair) {
      int n = d.between(1, 2);
      for (int i = 0; i < n; i++) {
        pools.add(new PoolSpec("p" + i, d.chance(50) ? SchedulingMode.FAIR : SchedulingMode.FIFO, d.between(1, 3),
            d.between(0, 4)));
      }
    }
    long revive = d.chance(20) ? d.pick(List.of(500L, 2000L, 1500L)) : 1000L;
    boolean shortCheck = shape == Shape.TOO_LARGE || d.chance(50);
    long checkInterval = shortCheck ? d.between(0, 7) * 500L : 15_000L;
    int checkMaxFailures = shortCheck ? d.between(1, 5) : 40;
    long syncTimeout = full && d.chance(15) ? d.between(1, 5) * 1000L : 365L * 24 * 3600 * 1000;
    int maxConsecutive = d.chance(25) ? d.between(1, 3) : 4;
    int taskMaxFailures = d.chance(40) ? d.between(1, 3) : 4;
    boolean interrupt = d.chance(20);
    SparkConf conf = new SparkConf(taskCpus, taskResources, fair ? SchedulingMode.FAIR : SchedulingMode.FIFO, revive,
        checkInterval, checkMaxFailures, syncTimeout, maxConsecutive, taskMaxFailures, false, interrupt);

    // settings
    long kill = switch (d.between(0, 2)) {
      case 0 -> 0;
      case 1 -> d.between(1, 3000);
      default -> SimulationSettings.KILL_UNTIL_DONE;
    };
    long poll = d.chance(50) ? 0 : 1000;
    BarrierRerun rerun = d.chance(50) ? BarrierRerun.WHOLE : BarrierRerun.SPARK;
    SimulationSettings settings = new SimulationSettings(local ? Backend.LOCAL : Backend.COARSE_GRAINED, 0, 0, kill, poll,
        HORIZON_MS, MAX_EVENTS, 0, d.chance(30) ? OfferOrder.SHUFFLED : OfferOrder.ID, rerun);

    // jobs
    List<JobSpec> jobs = new ArrayList<>();
    int nJobs = d.between(1, 4);
    for (int j = 0; j < nJobs; j++) {
      long submitAt = d.chance(40) ? d.between(1, 20) * 500L : 0;
      String pool = fair && d.chance(70) ? pools.get(d.between(0, pools.size() - 1)).name() : "default";
      RepeatSpec repeat = d.chance(20) ? new RepeatSpec(d.between(2, 3), RepeatSpec.Gap.FIXED, d.between(0, 10) * 500L)
          : null;
      jobs.add(new JobSpec("j" + j, submitAt, pool, repeat,
          stages(d, shape, j == 0 && shape == Shape.TOO_LARGE, groups, conf, local)));
    }

    // cluster changes
    List<ClusterChange> changes = new ArrayList<>();
    int known = initialExecutors;
    Set<String> decommissioned = new HashSet<>();
    if (shape != Shape.TOO_LARGE) {
      int nChanges = d.between(0, 2);
      long at = 0;
      for (int c = 0; c < nChanges; c++) {
        at += d.between(1, 20) * 500L;
        boolean add = !local && (!full || d.chance(60));
        if (add) {
          int count = d.between(1, 2);
          int gpus = d.chance(30) ? d.between(1, 4) : 0;
          changes.add(new ClusterChange(at, new ExecutorGroup(count, d.between(1, 8),
              gpus > 0 ? Map.of(GPU, gpus) : Map.of(), 1), List.of()));
          known += count;
        } else if (full) {
          String id = Integer.toString(d.between(0, known - 1));
          if (decommissioned.add(id)) changes.add(new ClusterChange(at, null, List.of(id)));
        }
      }
    }

    // failures
    FailureSpec failures = FailureSpec.NONE;
    if (full) {
      List<TaskFailureSpec> tasks = new ArrayList<>();
      int nFail = d.between(0, 3);
      for (int i = 0; i < nFail; i++) {
        JobSpec job = jobs.get(d.between(0, jobs.size() - 1));
        String name = job.repeat() == null ? job.name() : job.name() + "#" + d.between(1, job.repeat().count());
        StageSpec st = job.stages().get(d.between(0, job.stages().size() - 1));
        long after = d.chance(50) ? TaskFailureSpec.AT_END : d.between(0, 3000);
        TaskFailureSpec.Kind kind = d.chance(15) ? TaskFailureSpec.Kind.HANG
            : d.chance(15) ? TaskFailureSpec.Kind.EXIT : TaskFailureSpec.Kind.FAIL;
        long replace = kind == TaskFailureSpec.Kind.EXIT && !local && d.chance(50) ? d.between(0, 10) * 500L
            : ExecutorFailureSpec.NEVER;
        tasks.add(new TaskFailureSpec(name, st.name(), d.between(0, st.tasks() - 1), d.between(0, 1), d.between(0, 1),
            after, kind, replace));
      }
      double p = d.chance(30) ? d.between(1, 20) / 100.0 : 0;
      List<ExecutorFailureSpec> execs = new ArrayList<>();
      int nLoss = d.chance(30) ? d.between(1, 2) : 0;
      for (int i = 0; i < nLoss; i++) {
        long replace = local || d.chance(60) ? ExecutorFailureSpec.NEVER : d.between(0, 10) * 500L;
        execs.add(new ExecutorFailureSpec.Scripted(Integer.toString(d.between(0, initialExecutors - 1)),
            d.between(0, 40) * 500L, d.chance(30), replace));
      }
      if (d.chance(15)) {
        long replace = local || d.chance(30) ? ExecutorFailureSpec.Random.NEVER : d.between(0, 20) * 500L;
        execs.add(new ExecutorFailureSpec.Random(d.between(5, 60) * 1000L, replace, d.chance(30)));
      }
      failures = new FailureSpec(tasks, p, execs);
    }
    long seed = d.between(1, 1000);
    // Drawn last, so that every draw above stays what it was before speculation was generated.
    if (d.chance(40)) {
      conf = conf.withSpeculation(new SpeculationConf(true, d.pick(List.of(100L, 500L, 1000L)),
          d.pick(List.of(1.0, 1.5, 3.0)), d.pick(List.of(0.25, 0.5, 0.75, 1.0)), d.pick(List.of(0L, 100L, 2000L))));
    }
    SimulationSpec spec = new SimulationSpec("gen", seed, new ClusterSpec(groups, changes), conf, pools, settings, jobs,
        failures);
    // Drawn last, so that the scenarios drawn before exclusion existed stay the same otherwise.
    if (full && d.chance(25)) spec = withExclusion(d, spec);
    // Likewise for executors' own launch latencies.
    return withLaunchLatencies(d, spec);
  }

  /** One executor group (or added group) in five gets a launch latency of its own (a slow or fresh executor). */
  private static SimulationSpec withLaunchLatencies(Draw d, SimulationSpec spec) {
    List<ExecutorGroup> groups = new ArrayList<>();
    for (ExecutorGroup g : spec.cluster().executors()) groups.add(withLaunchLatency(d, g));
    List<ClusterChange> changes = new ArrayList<>();
    for (ClusterChange c : spec.cluster().changes()) {
      changes.add(c.add() == null ? c : new ClusterChange(c.atMs(), withLaunchLatency(d, c.add()), c.decommission()));
    }
    return new SimulationSpec(spec.name(), spec.seed(), new ClusterSpec(groups, changes), spec.conf(), spec.pools(),
        spec.settings(), spec.jobs(), spec.failures());
  }

  private static ExecutorGroup withLaunchLatency(Draw d, ExecutorGroup g) {
    if (!d.chance(20)) return g;
    return new ExecutorGroup(g.count(), g.cores(), g.resources(), g.executorsPerHost(), g.rack(), d.between(0, 6) * 50L);
  }

  /**
   * {@code spec} with locality drawn on top (coarse-grained backend only: {@code local[N]} has no
   * periodic round to end a wait): executors packed 1-2 per host, on racks or not; stages whose
   * input is on some hosts (existing or not) or that read an earlier stage from the cache (of their
   * own job or of j0); random waits per level, reduce locality and, rarely, the legacy reset.
   */
  public static SimulationSpec withLocality(Draw d, SimulationSpec spec) {
    if (spec.settings().backend() == Backend.LOCAL) return spec;
    boolean racks = d.chance(50);
    List<ExecutorGroup> groups = new ArrayList<>();
    int hosts = 0;
    for (int g = 0; g < spec.cluster().executors().size(); g++) {
      ExecutorGroup e = spec.cluster().executors().get(g);
      int perHost = d.between(1, 2);
      hosts += (e.count() + perHost - 1) / perHost;
      groups.add(new ExecutorGroup(e.count(), e.cores(), e.resources(), perHost, racks ? "r" + d.between(0, 1) : null,
          e.launchLatencyMs()));
    }
    List<ClusterChange> changes = new ArrayList<>();
    for (ClusterChange c : spec.cluster().changes()) {
      ExecutorGroup a = c.add();
      changes.add(a == null ? c : new ClusterChange(c.atMs(), new ExecutorGroup(a.count(), a.cores(), a.resources(),
          a.executorsPerHost(), racks ? "r" + d.between(0, 1) : null, a.launchLatencyMs()), c.decommission()));
    }
    LocalityConf l = new LocalityConf(d.between(0, 6) * 500L, d.between(0, 6) * 500L, d.between(0, 6) * 500L,
        d.chance(50), d.chance(10));
    List<JobSpec> jobs = new ArrayList<>();
    for (int j = 0; j < spec.jobs().size(); j++) {
      JobSpec job = spec.jobs().get(j);
      List<StageSpec> stages = new ArrayList<>();
      for (int i = 0; i < job.stages().size(); i++) {
        StageSpec s = job.stages().get(i);
        String cachedJob = null;
        String cachedStage = null;
        if (i > 0 && d.chance(35)) {
          cachedJob = job.name();
          cachedStage = job.stages().get(d.between(0, i - 1)).name();
        } else if (j > 0 && d.chance(35)) {
          cachedJob = spec.jobs().get(0).name();
          cachedStage = spec.jobs().get(0).stages().get(0).name();
        }
        List<List<String>> input = new ArrayList<>();
        if (d.chance(40)) {
          int lists = d.chance(50) ? 1 : s.tasks();
          for (int p = 0; p < lists; p++) {
            List<String> hs = new ArrayList<>();
            int n = d.between(1, 2);
            for (int k = 0; k < n; k++) hs.add("host-" + d.between(0, hosts));
            input.add(hs.stream().distinct().toList());
          }
        }
        StageLocality loc = cachedStage == null && input.isEmpty() ? null : new StageLocality(cachedJob, cachedStage, input);
        stages.add(new StageSpec(s.name(), s.tasks(), s.barrier(), s.parents(), s.resources(), s.phases(),
            s.stragglers(), loc));
      }
      jobs.add(new JobSpec(job.name(), job.submitAtMs(), job.pool(), job.repeat(), stages));
    }
    return new SimulationSpec(spec.name(), spec.seed(), new ClusterSpec(groups, changes), spec.conf().withLocality(l),
        spec.pools(), spec.settings(), jobs, spec.failures());
  }

  /**
   * {@code spec} with {@code spark.excludeOnFailure.enabled} and small random thresholds, so that
   * exclusions happen in short runs; {@code spark.task.maxFailures} is raised where Spark would
   * refuse the keys (maxTaskAttemptsPerNode must stay below it).
   */
  public static SimulationSpec withExclusion(Draw d, SimulationSpec spec) {
    SparkConf c = spec.conf();
    int perNode = d.between(1, 3);
    int taskMaxFailures = Math.max(c.taskMaxFailures(), perNode + 1);
    ExcludeOnFailureConf x = new ExcludeOnFailureConf(true, d.between(1, 2), perNode, d.between(1, 2), d.between(1, 2),
        d.between(1, 2), d.between(1, 2), d.between(1, 20) * 1000L, d.pick(List.of(0L, 2000L, 120_000L)));
    SparkConf conf = new SparkConf(c.taskCpus(), c.taskResources(), c.schedulingMode(), c.reviveIntervalMs(),
        c.slotCheckIntervalMs(), c.slotCheckMaxFailures(), c.barrierSyncTimeoutMs(), c.maxConsecutiveAttempts(),
        taskMaxFailures, c.dynamicAllocation(), c.interruptOnCancel(), c.locality(), c.speculation(), x);
    return new SimulationSpec(spec.name(), spec.seed(), spec.cluster(), conf, spec.pools(), spec.settings(), spec.jobs(),
        spec.failures());
  }

  /** A DAG of 1-4 stages whose last stage is the only one without children. */
  private static List<StageSpec> stages(Draw d, Shape shape, boolean tooLarge, List<ExecutorGroup> groups,
      SparkConf conf, boolean local) {
    int n = tooLarge ? 1 : d.between(1, 4);
    List<List<String>> parents = new ArrayList<>();
    for (int i = 0; i < n; i++) parents.add(new ArrayList<>());
    for (int i = 0; i < n - 1; i++) {
      int child = d.between(i + 1, n - 1);
      parents.get(child).add("s" + i);
      if (d.chance(15) && child + 1 < n) {
        int other = d.between(child + 1, n - 1);
        if (!parents.get(other).contains("s" + i)) parents.get(other).add("s" + i);
      }
    }
    List<StageSpec> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean barrier = tooLarge || d.chance(40);
      Map<String, Integer> res = null;
      if (d.chance(10)) res = Map.of(GPU, 1);
      if (shape != Shape.FULL && res != null && maxSlots(groups, conf, res) == 0) res = null;
      if (shape != Shape.FULL && maxSlots(groups, conf, res != null ? res : conf.taskResources()) == 0) res = Map.of(GPU, 0);
      int tasks = d.chance(10) ? d.between(1, 12) : d.between(1, 6);
      if (shape != Shape.FULL) {
        Map<String, Integer> demand = res != null ? res : conf.taskResources();
        int slots = maxSlots(groups, conf, demand);
        // local[N] counts N / cpus at submission and ignores custom resources (Spark's LocalSchedulerBackend)
        if (tooLarge) tasks = (local ? maxSlots(groups, conf, Map.of()) : slots) + d.between(1, 3);
        else if (barrier) tasks = Math.max(1, Math.min(tasks, slots));
      }
      int phases = barrier ? d.between(1, 3) : d.chance(20) ? 2 : 1;
      List<DurationSpec> ps = new ArrayList<>();
      for (int p = 0; p < phases; p++) ps.add(duration(d, tasks));
      out.add(new StageSpec("s" + i, tasks, barrier, parents.get(i), res, ps, null));
    }
    return out;
  }

  /** Slots of the initial cluster for one task shape (cores / cpus, and every custom resource). */
  static int maxSlots(List<ExecutorGroup> groups, SparkConf conf, Map<String, Integer> demand) {
    int slots = 0;
    for (ExecutorGroup g : groups) {
      int s = g.cores() / conf.taskCpus();
      for (Map.Entry<String, Integer> r : demand.entrySet()) {
        if (r.getValue() > 0) s = Math.min(s, g.resources().getOrDefault(r.getKey(), 0) / r.getValue());
      }
      slots += s * g.count();
    }
    return slots;
  }

  /** constant, per-partition values, exponential or uniform, between 1 ms and 5 s. */
  static DurationSpec duration(Draw d, int tasks) {
    return switch (d.between(0, 3)) {
      case 0 -> DurationSpec.constant(d.chance(20) ? d.between(1, 5000) : d.between(1, 20) * 100L);
      case 1 -> {
        long[] v = new long[tasks];
        for (int i = 0; i < tasks; i++) v[i] = d.between(1, 5000);
        yield DurationSpec.of(new Distribution.PerPartition(v));
      }
      case 2 -> DurationSpec.of(new Distribution.Continuous(Distribution.Continuous.Kind.EXPONENTIAL,
          d.between(10, 2000), 0));
      default -> {
        int lo = d.between(1, 2000);
        yield DurationSpec.of(new Distribution.Continuous(Distribution.Continuous.Kind.UNIFORM, lo,
            lo + d.between(1, 3000)));
      }
    };
  }
}
