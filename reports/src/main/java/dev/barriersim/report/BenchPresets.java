package dev.barriersim.report;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.failure.ExecutorFailureSpec;
import dev.barriersim.core.failure.FailureSpec;
import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.random.KeyedGenerator;
import dev.barriersim.core.random.RandomStreams;
import dev.barriersim.core.spark.SimulationSettings;
import dev.barriersim.core.spark.SparkConf;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark workloads of the contract (section 5). b1: one non-barrier stage of M tasks;
 * b2: a stream of one-stage jobs of 4, 16 or 64 tasks, 30 % of them barrier stages, arriving with
 * exponential gaps for about 80 % load; b3: b2 with executor losses (MTBF 2 h, replaced after 30 s);
 * b4, gang contention: one-stage jobs of 16, 64, 256 or 512 tasks, half of them barrier stages,
 * arriving for about 95 % load on a smaller cluster (100 executors by default), so that gangs
 * really wait. Task durations are exponential with mean 10 s. Job shapes are drawn from the seed.
 */
public enum BenchPresets {
  /** Bag of tasks. */
  B1,
  /** Barrier mix. */
  B2,
  /** Failure storm. */
  B3,
  /** Gang contention. */
  B4;

  private static final long MEAN_TASK_MS = 10_000;
  private static final int[] GANG_SIZES = {4, 16, 64};
  private static final double BARRIER_SHARE = 0.3;
  private static final double LOAD = 0.8;
  private static final int[] CONTENTION_GANG_SIZES = {16, 64, 256, 512};
  private static final double CONTENTION_BARRIER_SHARE = 0.5;
  private static final double CONTENTION_LOAD = 0.95;

  /** The preset's name as typed on the command line. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Executors of the preset's cluster unless {@code --executors} says otherwise: 100 for b4, else 1000. */
  public int defaultExecutors() {
    return this == B4 ? 100 : 1000;
  }

  /** The preset named {@code id} (b1, b2, b3, b4). */
  public static BenchPresets of(String id) {
    return valueOf(id.toUpperCase(java.util.Locale.ROOT));
  }

  /** The scenario for {@code executors} x {@code cores} and about {@code tasks} tasks. */
  public SimulationSpec build(int executors, int cores, long tasks, long seed) {
    DurationSpec duration = DurationSpec.of(
        new Distribution.Continuous(Distribution.Continuous.Kind.EXPONENTIAL, MEAN_TASK_MS, 0));
    ClusterSpec cluster = new ClusterSpec(List.of(new ExecutorGroup(executors, cores, Map.of(), 1)), List.of());
    List<JobSpec> jobs = this == B1
        ? List.of(new JobSpec("bag", 0, "default", null,
            List.of(new StageSpec("tasks", Math.toIntExact(tasks), false, List.of(), null, List.of(duration), null))))
        : this == B4
            ? jobStream((long) executors * cores, tasks, seed, duration, CONTENTION_GANG_SIZES, CONTENTION_BARRIER_SHARE,
                CONTENTION_LOAD)
            : jobStream((long) executors * cores, tasks, seed, duration, GANG_SIZES, BARRIER_SHARE, LOAD);
    FailureSpec failures = this == B3
        ? new FailureSpec(List.of(), 0, List.of(new ExecutorFailureSpec.Random(2 * 3_600_000L, 30_000)))
        : FailureSpec.NONE;
    SimulationSettings settings = new SimulationSettings(dev.barriersim.core.spark.Backend.COARSE_GRAINED, 0, 0, 0,
        1_000, Long.MAX_VALUE, Long.MAX_VALUE);
    return new SimulationSpec(id(), seed, cluster, SparkConf.DEFAULTS, List.of(), settings, jobs, failures);
  }

  /**
   * One-stage jobs until {@code tasks} tasks, of a size drawn from {@code sizes}, barrier stages with
   * probability {@code barrierShare}, with exponential gaps that load the slots to about {@code load}.
   */
  private static List<JobSpec> jobStream(long slots, long tasks, long seed, DurationSpec duration, int[] sizes,
      double barrierShare, double load) {
    double meanTasksPerJob = java.util.Arrays.stream(sizes).average().orElseThrow();
    double meanGapMs = meanTasksPerJob * MEAN_TASK_MS / (load * slots);
    KeyedGenerator g = new RandomStreams(seed).stream("bench-workload");
    List<JobSpec> jobs = new ArrayList<>();
    double t = 0;
    long total = 0;
    for (int i = 0; total < tasks; i++) {
      g.position(i);
      int k = sizes[g.nextInt(sizes.length)];
      boolean barrier = g.nextDouble() < barrierShare;
      StageSpec stage = new StageSpec("s", k, barrier, List.of(), null, List.of(duration), null);
      jobs.add(new JobSpec("job" + i, Math.round(t), "default", null, List.of(stage)));
      total += k;
      t += -meanGapMs * StrictMath.log(1 - g.nextDouble());
    }
    return jobs;
  }
}
