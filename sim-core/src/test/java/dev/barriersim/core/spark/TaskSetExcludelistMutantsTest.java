package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorExcluded;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.NodeExcluded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.testing.RecordedRun;
import dev.barriersim.core.testing.SpecBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Host exclusion inside one TaskSet as Spark's {@code TaskSetExcludelist.updateExcludedForFailedTask}
 * decides it, which {@link TaskSetExcludelistSuiteTest} leaves open: a host with
 * {@code stage.maxFailedExecutorsPerNode} excluded executors is excluded for the TaskSet once
 * ({@code isNodeExcludedForTaskSet}), and a host excluded for one task still runs the others
 * ({@code isNodeExcludedForTask}).
 */
class TaskSetExcludelistMutantsTest {

  /**
   * Host-0 holds executors 0, 1 and 2, host-1 executor 3 (2 cores each); 8 tasks of 1 s go round
   * the executors, so executor 0 runs p0 and p4, executor 1 p1 and p5, executor 2 p2 and p6.
   */
  private static SpecBuilder threeExecutorsOnHostZero() {
    return spec().executorsPerHost(3, 2, 3).executors(1, 2).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("j", stage("s", 8, 1000))
        .fail("j", "s", 0, 0, 0, 500).fail("j", "s", 4, 0, 0, 500)
        .fail("j", "s", 1, 0, 0, 500).fail("j", "s", 5, 0, 0, 500);
  }

  /**
   * "update excludelist for stage" on a node: executors 0 and 1 each fail two tasks at 500 ms, so
   * host-0 is excluded for the TaskSet (2 of its executors); executor 2, which failed nothing, gets
   * no task of it when its cores free at 1 s, and the retry of p5 waits for executor 3.
   */
  @Test
  void isNodeExcludedForTaskSet_leavesAHealthyExecutorOfAnExcludedHostOut() {
    RecordedRun run = RecordedRun.of(threeExecutorsOnHostZero().build());
    List<NodeExcluded> nodes = run.all(NodeExcluded.class, n -> n.scope() == ExclusionScope.STAGE);
    assertEquals(1, nodes.size());
    NodeExcluded n = nodes.get(0);
    assertEquals(List.of("host-0", "j", "s"), List.of(n.host(), n.job(), n.stage()));
    assertEquals(500, n.t());
    assertEquals(2, n.executors(), "executors excluded for the stage on host-0");
    ExecutorExcluded task = run.all(ExecutorExcluded.class, e -> e.scope() == ExclusionScope.TASK).get(0);
    assertEquals(List.of("j", "s"), List.of(task.job(), task.stage()), "the event names the job and the stage");
    assertTrue(run.all(TaskLaunched.class, l -> l.t() > 500 && l.executor().equals("2")).isEmpty(),
        "executor 2 is on an excluded host");
    TaskLaunched p5 = run.all(TaskLaunched.class, l -> l.partition() == 5 && l.attempt() == 1).get(0);
    assertEquals(List.of(1000L, "3"), List.of(p5.t(), p5.executor()));
    assertEquals(JobStatus.SUCCEEDED, run.all(JobEnded.class).get(0).result());
  }

  /** A host is excluded for the TaskSet once: executor 2 failing two tasks as well adds no second NodeExcluded. */
  @Test
  void updateExcludedForFailedTask_excludesTheHostForTheTaskSetOnce() {
    RecordedRun run = RecordedRun.of(threeExecutorsOnHostZero()
        .fail("j", "s", 2, 0, 0, 500).fail("j", "s", 6, 0, 0, 500).build());
    assertEquals(3, run.all(ExecutorExcluded.class, e -> e.scope() == ExclusionScope.STAGE).size());
    assertEquals(1, run.all(NodeExcluded.class, x -> x.scope() == ExclusionScope.STAGE).size());
  }

  /**
   * "task excluded on node after maxTaskAttemptsPerNode" for one task only: host-0 holds executors
   * 0 and 1, host-1 executor 2 (1 core each); p0 fails on 0 and then on 1, so host-0 is excluded
   * for p0, but the other pending tasks still run on host-0 afterwards.
   */
  @Test
  void isNodeExcludedForTask_excludesOnlyThatTaskFromTheHost() {
    RecordedRun run = RecordedRun.of(spec().executorsPerHost(2, 1, 2).executors(1, 1)
        .excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("j", stage("s", 9, 1000))
        .fail("j", "s", 0, 0, 0, 500).fail("j", "s", 0, 0, 1, 500).build());
    NodeExcluded node = run.all(NodeExcluded.class).get(0);
    assertEquals(List.of("host-0", ExclusionScope.TASK, 0), List.of(node.host(), node.scope(), node.partition()));
    List<SimEvent> after = run.events.subList(run.events.indexOf(node), run.events.size());
    List<TaskLaunched> onHostZero = after.stream().filter(e -> e instanceof TaskLaunched).map(e -> (TaskLaunched) e)
        .filter(l -> l.host().equals("host-0")).toList();
    assertFalse(onHostZero.isEmpty(), "host-0 still runs the other tasks");
    assertTrue(onHostZero.stream().noneMatch(l -> l.partition() == 0), "but not p0");
    assertEquals(JobStatus.SUCCEEDED, run.all(JobEnded.class).get(0).result());
  }
}
