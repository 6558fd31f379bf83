package dev.barriersim.core.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lane bookkeeping keeps exactly the order of a list with swap-remove, through growth and lane reuse. */
class ExecutorTasksTest {
  private static TaskSetManager taskSet() {
    Pool pool = new Pool(PoolSpec.defaultPool(), new TaskSetQueue.Version());
    dev.barriersim.core.workload.StageSpec spec = new dev.barriersim.core.workload.StageSpec("s", 1, false, List.of(),
        null, List.of(dev.barriersim.core.random.DurationSpec.constant(1)), null);
    ActiveJob job = new ActiveJob(0, "j", new dev.barriersim.core.workload.JobSpec("j", 0, "default", null, List.of(spec)),
        0, 0, pool);
    return new TaskSetManager(new Stage(0, spec, job, true, new dev.barriersim.core.cluster.ResourceDemand(1, new int[0])),
        0, pool, null);
  }

  @Test
  void agreesWithASwapRemoveList() {
    qt().withFixedSeed(20261127L).withExamples(300)
        .forAll(lists().of(integers().between(0, 99)).ofSizeBetween(0, 400), integers().between(1, 8))
        .checkAssert((ops, capacity) -> {
          ExecutorTasks tasks = new ExecutorTasks(capacity);
          TaskSetManager taskSet = taskSet();
          long nextId = 0;
          List<TaskAttempt> model = new ArrayList<>();
          List<Integer> lanes = new ArrayList<>(); // lane of each model entry
          for (int op : ops) {
            if (op < 60 || model.isEmpty()) {
              TaskAttempt t = new TaskAttempt(taskSet, 0, 0, nextId++, null, 0, null, TaskPlan.HEALTHY, null);
              lanes.add(tasks.add(t));
              model.add(t);
            } else {
              int k = op % model.size();
              tasks.remove(lanes.get(k));
              int last = model.size() - 1;
              model.set(k, model.get(last));
              lanes.set(k, lanes.get(last));
              model.remove(last);
              lanes.remove(last);
            }
            assertEquals(model, tasks.snapshot());
            assertEquals(model.size(), lanes.stream().distinct().count(), "lanes are unique while held");
          }
        });
  }
}
