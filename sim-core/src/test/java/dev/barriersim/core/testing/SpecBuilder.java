package dev.barriersim.core.testing;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.failure.ExecutorFailureSpec;
import dev.barriersim.core.failure.FailureSpec;
import dev.barriersim.core.failure.TaskFailureSpec;
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
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.RepeatSpec;
import dev.barriersim.core.workload.StageLocality;
import dev.barriersim.core.workload.StageSpec;
import dev.barriersim.core.workload.StragglerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A compact way for tests to write scenarios in code. */
public final class SpecBuilder {
  private String name = "test";
  private long seed = 1;
  private final List<ExecutorGroup> executors = new ArrayList<>();
  private final List<ClusterChange> changes = new ArrayList<>();
  private int taskCpus = 1;
  private Map<String, Integer> taskResources = Map.of();
  private SchedulingMode mode = SchedulingMode.FIFO;
  private long reviveMs = 1000;
  private long reviveOffsetMs;
  private OfferOrder offerOrder = OfferOrder.ID;
  private BarrierRerun rerun = BarrierRerun.SPARK;
  private long slotCheckIntervalMs = 15_000;
  private int slotCheckMaxFailures = 40;
  private long syncTimeoutMs = 365L * 24 * 3600 * 1000;
  private int maxConsecutiveAttempts = 4;
  private int taskMaxFailures = 4;
  private boolean dynamicAllocation;
  private boolean interrupt;
  private LocalityConf locality = LocalityConf.DEFAULTS;
  private dev.barriersim.core.spark.SpeculationConf speculation = dev.barriersim.core.spark.SpeculationConf.DEFAULTS;
  private final List<PoolSpec> pools = new ArrayList<>();
  private Backend backend = Backend.COARSE_GRAINED;
  private long launchLatency;
  private long statusLatency;
  private long killLatency;
  private long pollMs = 1000;
  private long horizon = Long.MAX_VALUE;
  private long maxEvents = 2_000_000L; // tests stay small: a runaway run stops here instead of filling the heap
  private final List<JobSpec> jobs = new ArrayList<>();
  private final List<TaskFailureSpec> taskFailures = new ArrayList<>();
  private double failureProbability;
  private final List<ExecutorFailureSpec> executorFailures = new ArrayList<>();
  private ExcludeOnFailureConf exclude = ExcludeOnFailureConf.DISABLED;

  public static SpecBuilder spec() { return new SpecBuilder(); }

  public SpecBuilder name(String n) { name = n; return this; }
  public SpecBuilder seed(long s) { seed = s; return this; }
  public SpecBuilder executors(int count, int cores) { return executors(count, cores, Map.of()); }
  public SpecBuilder executors(int count, int cores, Map<String, Integer> res) {
    executors.add(new ExecutorGroup(count, cores, res, 1));
    return this;
  }
  public SpecBuilder executorsPerHost(int count, int cores, int perHost) {
    executors.add(new ExecutorGroup(count, cores, Map.of(), perHost));
    return this;
  }
  /** {@code count} executors whose tasks start their work {@code launchMs} after launch (a group's {@code launchLatency}). */
  public SpecBuilder executorsWithLaunchLatency(int count, int cores, long launchMs) {
    executors.add(new ExecutorGroup(count, cores, Map.of(), 1, null, launchMs));
    return this;
  }
  public SpecBuilder excludeOnFailure(ExcludeOnFailureConf e) { exclude = e; return this; }
  public SpecBuilder addAt(long at, int count, int cores) {
    changes.add(new ClusterChange(at, new ExecutorGroup(count, cores, Map.of(), 1), List.of()));
    return this;
  }
  public SpecBuilder decommissionAt(long at, String... ids) {
    changes.add(new ClusterChange(at, null, List.of(ids)));
    return this;
  }
  /** {@code count} executors placed {@code perHost} to a host, on {@code rack} (null: no rack). */
  public SpecBuilder executorsOn(int count, int cores, int perHost, String rack) {
    executors.add(new ExecutorGroup(count, cores, Map.of(), perHost, rack));
    return this;
  }
  /** Delay-scheduling keys. */
  public SpecBuilder locality(LocalityConf l) { locality = l; return this; }
  public SpecBuilder taskCpus(int c) { taskCpus = c; return this; }
  public SpecBuilder taskResources(Map<String, Integer> r) { taskResources = r; return this; }
  public SpecBuilder fair(PoolSpec... p) { mode = SchedulingMode.FAIR; pools.addAll(Arrays.asList(p)); return this; }
  public SpecBuilder revive(long ms) { reviveMs = ms; return this; }
  public SpecBuilder reviveOffset(long ms) { reviveOffsetMs = ms; return this; }
  public SpecBuilder shuffledOffers() { offerOrder = OfferOrder.SHUFFLED; return this; }
  public SpecBuilder wholeBarrierRerun() { rerun = BarrierRerun.WHOLE; return this; }
  public SpecBuilder slotCheck(long intervalMs, int maxFailures) {
    slotCheckIntervalMs = intervalMs;
    slotCheckMaxFailures = maxFailures;
    return this;
  }
  public SpecBuilder syncTimeout(long ms) { syncTimeoutMs = ms; return this; }
  public SpecBuilder maxConsecutiveAttempts(int n) { maxConsecutiveAttempts = n; return this; }
  public SpecBuilder taskMaxFailures(int n) { taskMaxFailures = n; return this; }
  public SpecBuilder dynamicAllocation() { dynamicAllocation = true; return this; }
  public SpecBuilder interruptOnCancel() { interrupt = true; return this; }
  public SpecBuilder speculation(dev.barriersim.core.spark.SpeculationConf s) { speculation = s; return this; }
  public SpecBuilder speculation() { return speculation(dev.barriersim.core.spark.SpeculationConf.on()); }
  public SpecBuilder local() { backend = Backend.LOCAL; return this; }
  public SpecBuilder latency(long launch, long status) { launchLatency = launch; statusLatency = status; return this; }
  public SpecBuilder killLatency(long ms) { killLatency = ms; return this; }
  public SpecBuilder killUntilDone() { killLatency = SimulationSettings.KILL_UNTIL_DONE; return this; }
  public SpecBuilder poll(long ms) { pollMs = ms; return this; }
  public SpecBuilder horizon(long ms) { horizon = ms; return this; }
  public SpecBuilder maxEvents(long n) { maxEvents = n; return this; }
  public SpecBuilder job(String n, StageSpec... stages) { return job(n, 0, "default", stages); }
  public SpecBuilder job(String n, long submitAt, String pool, StageSpec... stages) {
    jobs.add(new JobSpec(n, submitAt, pool, null, List.of(stages)));
    return this;
  }
  public SpecBuilder repeatedJob(String n, int count, long everyMs, StageSpec... stages) {
    jobs.add(new JobSpec(n, 0, "default", new RepeatSpec(count, RepeatSpec.Gap.FIXED, everyMs), List.of(stages)));
    return this;
  }
  public SpecBuilder fail(String job, String stage, int partition, int stageAttempt, int attempt, long after) {
    taskFailures.add(new TaskFailureSpec(job, stage, partition, stageAttempt, attempt, after, TaskFailureSpec.Kind.FAIL));
    return this;
  }
  public SpecBuilder hang(String job, String stage, int partition, long after) {
    taskFailures.add(new TaskFailureSpec(job, stage, partition, 0, 0, after, TaskFailureSpec.Kind.HANG));
    return this;
  }
  /** A task whose code exits its executor's JVM ({@code kind: exit}); {@code replaceAfter} -1: no replacement. */
  public SpecBuilder exit(String job, String stage, int partition, long after, long replaceAfter) {
    taskFailures.add(new TaskFailureSpec(job, stage, partition, 0, 0, after, TaskFailureSpec.Kind.EXIT, replaceAfter));
    return this;
  }
  public SpecBuilder failureProbability(double p) { failureProbability = p; return this; }
  public SpecBuilder loseExecutor(String id, long at) {
    executorFailures.add(new ExecutorFailureSpec.Scripted(id, at));
    return this;
  }
  /** A scripted loss with its cause ({@code app}: true) and replacement delay (-1: none). */
  public SpecBuilder loseExecutor(String id, long at, boolean causedByApp, long replaceAfter) {
    executorFailures.add(new ExecutorFailureSpec.Scripted(id, at, causedByApp, replaceAfter));
    return this;
  }
  /** Random losses that Spark blames on the application, not replaced. */
  public SpecBuilder mtbfCausedByApp(long mtbfMs) {
    executorFailures.add(new ExecutorFailureSpec.Random(mtbfMs, ExecutorFailureSpec.NEVER, true));
    return this;
  }
  public SpecBuilder mtbf(long mtbfMs, long replaceAfterMs) {
    executorFailures.add(new ExecutorFailureSpec.Random(mtbfMs, replaceAfterMs));
    return this;
  }

  /** A stage of constant-duration tasks. */
  public static StageSpec stage(String name, int tasks, long ms, String... parents) {
    return new StageSpec(name, tasks, false, List.of(parents), null, List.of(DurationSpec.constant(ms)), null);
  }

  /** A stage whose task of partition p takes {@code ms[p]} in every attempt. */
  public static StageSpec stagePerPartition(String name, long[] ms, String... parents) {
    return new StageSpec(name, ms.length, false, List.of(parents), null,
        List.of(DurationSpec.of(new dev.barriersim.core.random.Distribution.PerPartition(ms))), null);
  }

  /** A barrier stage of constant phases (barrier() between phases). */
  public static StageSpec barrier(String name, int tasks, long[] phaseMs, String... parents) {
    List<DurationSpec> phases = new ArrayList<>();
    for (long p : phaseMs) phases.add(DurationSpec.constant(p));
    return new StageSpec(name, tasks, true, List.of(parents), null, phases, null);
  }

  /** A barrier stage of one constant phase. */
  public static StageSpec barrier(String name, int tasks, long ms, String... parents) {
    return barrier(name, tasks, new long[] {ms}, parents);
  }

  /** The same stage with per-task custom resources. */
  public static StageSpec withResources(StageSpec s, Map<String, Integer> res) {
    return new StageSpec(s.name(), s.tasks(), s.barrier(), s.parents(), res, s.phases(), s.stragglers(), s.locality());
  }

  /** The same stage with stragglers. */
  public static StageSpec withStragglers(StageSpec s, double p, double slowdown) {
    return new StageSpec(s.name(), s.tasks(), s.barrier(), s.parents(), s.resources(), s.phases(),
        new StragglerSpec(p, slowdown), s.locality());
  }

  /** The same stage reading the partitions of {@code stage} (of {@code job}; null: its own job) from the cache. */
  public static StageSpec cachedFrom(StageSpec s, String job, String stage) {
    StageLocality l = s.locality();
    return new StageSpec(s.name(), s.tasks(), s.barrier(), s.parents(), s.resources(), s.phases(), s.stragglers(),
        new StageLocality(job, stage, l == null ? List.of() : l.inputHosts()));
  }

  /** The same stage whose input splits are on {@code hosts} (one list for all partitions, or one per partition). */
  @SafeVarargs
  public static StageSpec inputHosts(StageSpec s, List<String>... hosts) {
    StageLocality l = s.locality();
    return new StageSpec(s.name(), s.tasks(), s.barrier(), s.parents(), s.resources(), s.phases(), s.stragglers(),
        new StageLocality(l == null ? null : l.cachedFromJob(), l == null ? null : l.cachedFromStage(),
            List.of(hosts)));
  }

  public SimulationSpec build() {
    SparkConf conf = new SparkConf(taskCpus, taskResources, mode, reviveMs, slotCheckIntervalMs, slotCheckMaxFailures,
        syncTimeoutMs, maxConsecutiveAttempts, taskMaxFailures, dynamicAllocation, interrupt, locality, speculation,
        exclude);
    SimulationSettings settings = new SimulationSettings(backend, launchLatency, statusLatency, killLatency, pollMs,
        horizon, maxEvents, reviveOffsetMs, offerOrder, rerun);
    return new SimulationSpec(name, seed, new ClusterSpec(executors, changes), conf, pools, settings, jobs,
        new FailureSpec(taskFailures, failureProbability, executorFailures));
  }
}
