package dev.barriersim.core.properties;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.failure.ExecutorFailureSpec;
import dev.barriersim.core.failure.FailureSpec;
import dev.barriersim.core.failure.TaskFailureSpec;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.spark.Backend;
import dev.barriersim.core.spark.SchedulingMode;
import dev.barriersim.core.spark.SimulationSettings;
import dev.barriersim.core.spark.SparkConf;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Stateful scenarios as action sequences: submit a job, advance time, lose / add / decommission
 * an executor, fail a task. Each action carries its absolute time (time only advances), so a
 * sub-list (delta debugging removes actions) is still a valid scenario with the same timing.
 */
public final class Actions {
  private Actions() {}

  /** One step of a sequence. */
  public sealed interface Action {
    /** Virtual time at which it applies. */
    long at();
  }

  /** Submit job {@code job.name()} at {@code at}. */
  public record Submit(long at, JobSpec job) implements Action {
    @Override public String toString() {
      return "Submit(" + at + "ms, " + job.name() + ": " + job.stages().stream()
          .map(s -> s.name() + (s.barrier() ? "[barrier " : "[") + s.tasks() + " tasks" + (s.parents().isEmpty() ? "" : " <- " + s.parents()) + "]")
          .toList() + ")";
    }
  }

  /** Time passes. */
  public record Advance(long at, long byMs) implements Action {}

  /** Scripted loss of executor {@code id}. */
  public record Lose(long at, String id) implements Action {}

  /** {@code count} executors of {@code cores} cores and {@code gpus} GPUs join. */
  public record Add(long at, int count, int cores, int gpus) implements Action {}

  /** Graceful decommission of executor {@code id}. */
  public record Decommission(long at, String id) implements Action {}

  /** Scripted failure of one task attempt. */
  public record FailTask(long at, String job, String stage, int partition, int stageAttempt, int attempt, long afterMs)
      implements Action {}

  /** The fixed part of a sequence: initial cluster and configuration. */
  public record Base(List<ExecutorGroup> executors, SparkConf conf, SimulationSettings settings, long seed) {}

  /** A random base and a random sequence of {@code 3..maxActions} actions. */
  public static Base base(SplittableRandom r) {
    Draw d = Draw.seeded(r);
    List<ExecutorGroup> groups = new ArrayList<>();
    int n = d.between(1, 3);
    for (int i = 0; i < n; i++) {
      int gpus = d.chance(25) ? d.between(1, 4) : 0;
      groups.add(new ExecutorGroup(d.between(1, 2), d.between(1, 8), gpus > 0 ? Map.of(ScenarioGen.GPU, gpus) : Map.of(), 1));
    }
    SparkConf conf = new SparkConf(d.between(1, 2), Map.of(), d.chance(30) ? SchedulingMode.FAIR : SchedulingMode.FIFO,
        1000, d.between(0, 4) * 500L, d.between(1, 4), d.chance(20) ? d.between(1, 4) * 1000L : 365L * 24 * 3600 * 1000,
        d.between(1, 4), d.between(1, 4), false, d.chance(20));
    long kill = switch (d.between(0, 2)) {
      case 0 -> 0;
      case 1 -> d.between(1, 2000);
      default -> SimulationSettings.KILL_UNTIL_DONE;
    };
    SimulationSettings settings = new SimulationSettings(Backend.COARSE_GRAINED, 0, 0, kill, d.chance(50) ? 0 : 1000,
        ScenarioGen.HORIZON_MS, ScenarioGen.MAX_EVENTS);
    return new Base(groups, conf, settings, d.between(1, 1000));
  }

  /** A random action sequence over {@code base}. */
  public static List<Action> sequence(SplittableRandom r, Base base, int maxActions) {
    Draw d = Draw.seeded(r);
    List<Action> out = new ArrayList<>();
    long t = 0;
    int executors = base.executors().stream().mapToInt(ExecutorGroup::count).sum();
    List<JobSpec> jobs = new ArrayList<>();
    int n = d.between(3, maxActions);
    for (int i = 0; i < n; i++) {
      int kind = d.between(0, 9);
      if (kind <= 3 || jobs.isEmpty()) {
        JobSpec j = job(d, "a" + i, t);
        jobs.add(j);
        out.add(new Submit(t, j));
      } else if (kind <= 5) {
        long by = d.between(1, 10) * 250L;
        t += by;
        out.add(new Advance(t, by));
      } else if (kind == 6) {
        out.add(new Lose(t, Integer.toString(d.between(0, executors - 1))));
      } else if (kind == 7) {
        int count = d.between(1, 2);
        out.add(new Add(t, count, d.between(1, 8), d.chance(25) ? d.between(1, 4) : 0));
        executors += count;
      } else if (kind == 8) {
        out.add(new Decommission(t, Integer.toString(d.between(0, executors - 1))));
      } else {
        JobSpec j = jobs.get(d.between(0, jobs.size() - 1));
        StageSpec s = j.stages().get(d.between(0, j.stages().size() - 1));
        out.add(new FailTask(t, j.name(), s.name(), d.between(0, s.tasks() - 1), d.between(0, 1), d.between(0, 1),
            d.chance(50) ? TaskFailureSpec.AT_END : d.between(0, 2000)));
      }
    }
    return out;
  }

  private static JobSpec job(Draw d, String name, long at) {
    int n = d.between(1, 4);
    List<List<String>> parents = new ArrayList<>();
    for (int i = 0; i < n; i++) parents.add(new ArrayList<>());
    for (int i = 0; i < n - 1; i++) parents.get(d.between(i + 1, n - 1)).add("s" + i);
    List<StageSpec> stages = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean barrier = d.chance(50);
      int tasks = d.between(1, 6);
      List<DurationSpec> phases = new ArrayList<>();
      int np = barrier ? d.between(1, 2) : 1;
      for (int p = 0; p < np; p++) phases.add(ScenarioGen.duration(d, tasks));
      stages.add(new StageSpec("s" + i, tasks, barrier, parents.get(i), null, phases, null));
    }
    return new JobSpec(name, at, "default", null, stages);
  }

  /** The scenario an action list describes, or null when it submits no job. */
  public static SimulationSpec spec(Base base, List<Action> actions) {
    List<JobSpec> jobs = new ArrayList<>();
    List<ClusterChange> changes = new ArrayList<>();
    List<TaskFailureSpec> tasks = new ArrayList<>();
    List<ExecutorFailureSpec> losses = new ArrayList<>();
    for (Action a : actions) {
      if (a instanceof Submit s) jobs.add(s.job());
      else if (a instanceof Add x) {
        changes.add(new ClusterChange(x.at(), new ExecutorGroup(x.count(), x.cores(),
            x.gpus() > 0 ? Map.of(ScenarioGen.GPU, x.gpus()) : Map.of(), 1), List.of()));
      } else if (a instanceof Decommission x) changes.add(new ClusterChange(x.at(), null, List.of(x.id())));
      else if (a instanceof Lose x) losses.add(new ExecutorFailureSpec.Scripted(x.id(), x.at()));
      else if (a instanceof FailTask f) {
        tasks.add(new TaskFailureSpec(f.job(), f.stage(), f.partition(), f.stageAttempt(), f.attempt(), f.afterMs(),
            TaskFailureSpec.Kind.FAIL));
      }
    }
    if (jobs.isEmpty()) return null;
    return new SimulationSpec("actions", base.seed(), new ClusterSpec(base.executors(), changes), base.conf(), List.of(),
        base.settings(), jobs, new FailureSpec(tasks, 0, losses));
  }
}
