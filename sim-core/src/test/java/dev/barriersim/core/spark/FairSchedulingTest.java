package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FAIR scheduling ({@code FairSchedulingAlgorithm}): needy pools first, then running/minShare,
 * then running/weight, then name. The running counts are read at each round, after the ended task
 * was removed. Every timeline below is worked out by hand on one executor of 4 cores.
 */
class FairSchedulingTest {
  private static List<String> jobsLaunchedAt(RecordedRun run, long t) {
    return run.all(TaskLaunched.class, l -> l.t() == t).stream().map(TaskLaunched::job).toList();
  }

  /** Weights 1 and 3: after the first wave, the freed slots go b, b, b, a (running/weight 3/1 vs 0/3, 2/1 vs 1/3, ...). */
  @Test
  void weightsShareFreedSlots() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .fair(new PoolSpec("a", SchedulingMode.FIFO, 1, 0), new PoolSpec("b", SchedulingMode.FIFO, 3, 0))
        .job("ja", 0, "a", stage("s", 40, 1000)).job("jb", 0, "b", stage("s", 40, 1000)).build());
    assertEquals(List.of("ja", "ja", "ja", "ja"), jobsLaunchedAt(run, 0));
    assertEquals(List.of("jb", "jb", "jb", "ja"), jobsLaunchedAt(run, 1000));
  }

  /** A pool below its minShare is needy and goes first, although its name sorts last. */
  @Test
  void needyPoolGoesFirst() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .fair(new PoolSpec("a", SchedulingMode.FIFO, 1, 0), new PoolSpec("z", SchedulingMode.FIFO, 1, 2))
        .job("ja", 0, "a", stage("s", 8, 1000)).job("jz", 0, "z", stage("s", 8, 1000)).build());
    assertEquals(List.of("jz", "jz", "jz", "jz"), jobsLaunchedAt(run, 0));
    // at 1000 the needy check compares running (3) with minShare (2): z is no longer needy, so a leads by weight
    assertEquals("ja", jobsLaunchedAt(run, 1000).get(0));
  }

  /** Inside a FAIR pool the TaskSets share by running tasks; inside a FIFO pool the first job takes everything. */
  @Test
  void fairPoolSharesBetweenItsTaskSetsFifoPoolDoesNot() {
    RecordedRun fair = RecordedRun.of(spec().executors(1, 4).fair(new PoolSpec("p", SchedulingMode.FAIR, 1, 0))
        .job("j1", 0, "p", stage("s", 40, 1000)).job("j2", 0, "p", stage("s", 40, 1000)).build());
    assertEquals(List.of("j2", "j2", "j1", "j1"), jobsLaunchedAt(fair, 1000));
    RecordedRun fifo = RecordedRun.of(spec().executors(1, 4).fair(new PoolSpec("p", SchedulingMode.FIFO, 1, 0))
        .job("j1", 0, "p", stage("s", 40, 1000)).job("j2", 0, "p", stage("s", 40, 1000)).build());
    assertEquals(List.of("j1", "j1", "j1", "j1"), jobsLaunchedAt(fifo, 1000));
  }

  /** FIFO mode ignores pools: the earlier job takes every slot. */
  @Test
  void fifoModeOrdersByJobThenStage() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 2)
        .job("first", stage("a", 1, 1000), stage("b", 3, 1000), stage("c", 1, 100, "a", "b"))
        .job("second", stage("s", 4, 1000)).build());
    assertEquals(List.of("first", "first"), jobsLaunchedAt(run, 0));
    assertEquals(List.of("a", "b"), run.all(TaskLaunched.class, l -> l.t() == 0).stream().map(TaskLaunched::stage).toList());
  }

  /** Weights 2 and 3 (so that dividing and multiplying by a weight differ): b, b, then a, a. */
  @Test
  void runningPerWeightDecidesBetweenPoolsThatAreNotNeedy() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .fair(new PoolSpec("a", SchedulingMode.FIFO, 2, 0), new PoolSpec("b", SchedulingMode.FIFO, 3, 0))
        .job("ja", 0, "a", stage("s", 40, 1000)).job("jb", 0, "b", stage("s", 40, 1000)).build());
    assertEquals(List.of("jb", "jb", "ja", "ja"), jobsLaunchedAt(run, 1000));
  }

  /** Two needy pools compare running/minShare: a (3/8, then 2/8) against b (0/3, then 1/3). */
  @Test
  void runningPerMinShareDecidesBetweenNeedyPools() {
    RecordedRun run = RecordedRun.of(spec().executors(1, 4)
        .fair(new PoolSpec("a", SchedulingMode.FIFO, 1, 8), new PoolSpec("b", SchedulingMode.FIFO, 1, 3))
        .job("ja", 0, "a", stage("s", 40, 1000)).job("jb", 0, "b", stage("s", 40, 1000)).build());
    assertEquals(List.of("ja", "ja", "ja", "ja"), jobsLaunchedAt(run, 0));
    assertEquals(List.of("jb", "ja", "ja", "ja"), jobsLaunchedAt(run, 1000));
  }
}
