package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.cluster.ResourceDemand;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One offer round of {@link ResourceOffers}, as the scheduler runs it: {@code executors} x 16
 * cores, each with one core free, and a non-barrier TaskSet with plenty of pending tasks. A full
 * round ({@code offerAll}) places one task on every executor; a single-executor round
 * ({@code offerOn}, after a task end) places one. Each invocation then gives the cores and the tasks
 * back, so every round sees the same state; the time includes that undo.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OfferRoundBenchmark {
  @Param({"1000", "10000"})
  public int executors;

  private ClusterState cluster;
  private ResourceOffers offers;
  private TaskSetManager taskSet;
  private ResourceDemand demand;
  private int[] placedIndexes;
  private Executor[] placedOn;
  private int placed;
  private final ResourceOffers.Placement record = (ts, index, e) -> {
    placedIndexes[placed] = index;
    placedOn[placed++] = e;
  };
  private int nextSingle;

  @Setup
  public void cluster() {
    cluster = new ClusterState(List.of());
    cluster.add(new ExecutorGroup(executors, 16, Map.of(), 1));
    demand = new ResourceDemand(1, new int[0]);
    for (int i = 0; i < executors; i++) for (int c = 0; c < 15; c++) cluster.take(cluster.get(i), demand);
    Pool pool = new Pool(PoolSpec.defaultPool(), new TaskSetQueue.Version());
    StageSpec spec = new StageSpec("s", 4 * executors, false, List.of(), null, List.of(DurationSpec.constant(1)), null);
    ActiveJob job = new ActiveJob(0, "job", new JobSpec("job", 0, "default", null, List.of(spec)), 0, 0, pool);
    taskSet = new TaskSetManager(new Stage(0, spec, job, true, demand), 0, pool, null);
    offers = new ResourceOffers(cluster);
    placedIndexes = new int[executors];
    placedOn = new Executor[executors];
  }

  /** A full round: every executor with a free core is offered and takes one task. */
  @Benchmark
  public int fullRound() {
    offers.offerAll();
    offers.place(taskSet, record);
    return undo();
  }

  /** A round over one executor, as after a task end there. */
  @Benchmark
  public int singleExecutorRound() {
    offers.offerOn(cluster.get(nextSingle));
    nextSingle = (nextSingle + 1) % executors;
    offers.place(taskSet, record);
    return undo();
  }

  private int undo() {
    int n = placed;
    for (int i = n - 1; i >= 0; i--) {
      cluster.give(placedOn[i], demand);
      taskSet.addPending(placedIndexes[i]);
    }
    placed = 0;
    return n;
  }
}
