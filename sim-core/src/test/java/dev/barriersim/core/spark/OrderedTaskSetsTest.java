package dev.barriersim.core.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.barriersim.core.cluster.ResourceDemand;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The linked FIFO order agrees with a TreeSet walked by successor, also when a visit removes its set. */
class OrderedTaskSetsTest {
  private static List<TaskSetManager> sets(int n) {
    Pool pool = new Pool(PoolSpec.defaultPool(), new TaskSetQueue.Version());
    StageSpec spec = new StageSpec("s", 2, false, List.of(), null, List.of(DurationSpec.constant(1)), null);
    List<TaskSetManager> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ActiveJob job = new ActiveJob(i / 3, "job" + i / 3, new JobSpec("job", 0, "default", null, List.of(spec)), 0, 0,
          pool);
      Stage stage = new Stage(i % 3, spec, job, true, new ResourceDemand(1, new int[0]));
      out.add(new TaskSetManager(stage, i % 2, pool, null));
    }
    return out;
  }

  @Test
  void randomAddsRemovesAndWalksAgreeWithATreeSet() {
    qt().withFixedSeed(20261127L).withExamples(300)
        .forAll(lists().of(integers().between(0, 3 * 40 - 1)).ofSizeBetween(0, 300))
        .checkAssert(ops -> {
          List<TaskSetManager> all = sets(40);
          OrderedTaskSets linked = new OrderedTaskSets(new TaskSetQueue.Version());
          TreeSet<TaskSetManager> model = new TreeSet<>(SchedulingAlgorithm.FIFO_TASK_SETS);
          for (int op : ops) {
            TaskSetManager t = all.get(op % 40);
            switch (op / 40) {
              case 0 -> {
                linked.add(t);
                model.add(t);
              }
              case 1 -> {
                linked.remove(t);
                model.remove(t);
              }
              default -> {
                // A walk whose visits remove every other set they are given, as a round drops finished sets.
                List<TaskSetManager> seenLinked = new ArrayList<>();
                int[] k = {0};
                linked.walk(x -> {
                  seenLinked.add(x);
                  if (k[0]++ % 2 == 0) linked.remove(x);
                  return true;
                });
                List<TaskSetManager> seenModel = new ArrayList<>();
                k[0] = 0;
                for (TaskSetManager x = model.isEmpty() ? null : model.first(); x != null; x = model.higher(x)) {
                  seenModel.add(x);
                  if (k[0]++ % 2 == 0) model.remove(x);
                }
                assertEquals(seenModel, seenLinked);
              }
            }
            assertEquals(new ArrayList<>(model), linked.toList());
            assertEquals(model.isEmpty(), linked.isEmpty());
          }
        });
  }

  @Test
  void aWalkStopsWhenTheVisitorSaysSo() {
    List<TaskSetManager> all = sets(5);
    OrderedTaskSets linked = new OrderedTaskSets(new TaskSetQueue.Version());
    for (int i = 4; i >= 0; i--) linked.add(all.get(i));
    List<TaskSetManager> seen = new ArrayList<>();
    assertEquals(false, linked.walk(x -> seen.add(x) && seen.size() < 2));
    assertEquals(List.of(all.get(0), all.get(1)), seen);
  }

  /** A set added right after the one being visited is visited next, as {@code TreeSet.higher} would give it. */
  @Test
  void aSetAddedAfterTheVisitedOne_isVisitedNext() {
    List<TaskSetManager> all = sets(4);
    OrderedTaskSets linked = new OrderedTaskSets(new TaskSetQueue.Version());
    for (int i : new int[] {0, 1, 3}) linked.add(all.get(i));
    List<TaskSetManager> seen = new ArrayList<>();
    linked.walk(x -> {
      seen.add(x);
      if (x == all.get(1)) linked.add(all.get(2));
      return true;
    });
    assertEquals(all, seen);
  }

  /** A visit that removes its own set and the one after it: the walk goes on from the first set still queued. */
  @Test
  void aVisitRemovingItsSetAndTheNext_goesOnFromTheFirstStillQueued() {
    List<TaskSetManager> all = sets(5);
    OrderedTaskSets linked = new OrderedTaskSets(new TaskSetQueue.Version());
    for (TaskSetManager t : all) linked.add(t);
    List<TaskSetManager> seen = new ArrayList<>();
    linked.walk(x -> {
      seen.add(x);
      if (x == all.get(1)) {
        linked.remove(x);
        linked.remove(all.get(2));
      }
      return true;
    });
    assertEquals(List.of(all.get(0), all.get(1), all.get(3), all.get(4)), seen);
  }
}
