package dev.barriersim.core.spark;

import dev.barriersim.core.failure.FailureInjector;
import dev.barriersim.core.failure.FailureSpec;
import dev.barriersim.core.failure.TaskFailureSpec;
import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.random.ExponentialSampler;
import dev.barriersim.core.random.KeyedGenerator;
import dev.barriersim.core.random.RandomStreams;
import dev.barriersim.core.workload.StageSpec;
import dev.barriersim.core.workload.StragglerSpec;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * Plans the work of each task attempt at its launch (its phase durations, and its {@link TaskPlan}
 * of failure or hang), drawn with common random numbers: a phase's duration depends on
 * (seed, job instance, stage, partition, phase) only, a straggler slowdown and an injected failure
 * on (seed, job instance, stage, partition, stage attempt, task attempt). So the barrier and
 * non-barrier arms of a scenario do identical work, whatever the scheduling order.
 */
final class WorkPlanner {
  private final KeyedGenerator durations;
  private final KeyedGenerator stragglers;
  private final FailureInjector failures;
  /** No attempt fails or hangs: every plan is {@link TaskPlan#HEALTHY} without asking {@link #failures}. */
  private final boolean healthy;
  private final Map<Distribution, RealDistribution> bound = new IdentityHashMap<>();

  WorkPlanner(RandomStreams streams, FailureSpec failureSpec) {
    this.durations = streams.stream(RandomStreams.DURATION);
    this.stragglers = streams.stream(RandomStreams.STRAGGLER);
    this.failures = new FailureInjector(failureSpec, streams);
    this.healthy = failures.injectsNothing();
  }

  /** True when an attempt of {@code s} calls {@code barrier()}, so it keeps one duration per phase. */
  static boolean hasPhases(Stage s) {
    return s.isBarrier && s.phases().size() > 1;
  }

  /**
   * The durations of the phases of an attempt of a stage that {@link #hasPhases}: it calls
   * {@code barrier()} between them.
   */
  long[] phases(Stage s, int partition, int stageAttempt, int attempt) {
    return draws(s, partition, stageAttempt, attempt);
  }

  /**
   * The work of an attempt of any other stage, in one piece: its one phase, or the sum of its
   * phases, run back to back without {@code barrier()}.
   */
  long work(Stage s, int partition, int stageAttempt, int attempt) {
    List<DurationSpec> specs = s.phases();
    if (specs.size() > 1) {
      long sum = 0;
      for (long x : draws(s, partition, stageAttempt, attempt)) sum += x;
      return sum;
    }
    if (!s.hasDurationPrefix) {
      s.durationPrefix = durations.prefix(s.jobKey, s.job.instance, s.stageKey);
      s.hasDurationPrefix = true;
    }
    durations.positionAfter(s.durationPrefix, partition, 0);
    long d = draw(specs.get(0), partition);
    if (s.straggles) {
      StragglerSpec st = s.spec.stragglers();
      stragglers.position(s.jobKey, s.job.instance, s.stageKey, partition, stageAttempt, attempt);
      if (stragglers.nextDouble() < st.probability()) d = Math.max(1, Math.round(d * st.slowdown()));
    }
    return d;
  }

  /** One draw per phase at (job instance, stage, partition, phase), each slowed down if the attempt straggles. */
  private long[] draws(Stage s, int partition, int stageAttempt, int attempt) {
    List<DurationSpec> specs = s.phases();
    long[] d = new long[specs.size()];
    for (int p = 0; p < d.length; p++) {
      durations.position(s.jobKey, s.job.instance, s.stageKey, partition, p);
      d[p] = draw(specs.get(p), partition);
    }
    StragglerSpec st = s.spec.stragglers();
    if (st != null && st.probability() > 0) {
      stragglers.position(s.jobKey, s.job.instance, s.stageKey, partition, stageAttempt, attempt);
      if (stragglers.nextDouble() < st.probability()) {
        for (int p = 0; p < d.length; p++) d[p] = Math.max(1, Math.round(d[p] * st.slowdown()));
      }
    }
    return d;
  }

  private long draw(DurationSpec spec, int partition) {
    Distribution dist = spec.dist();
    if (dist instanceof Distribution.Continuous c) {
      if (c.kind() == Distribution.Continuous.Kind.EXPONENTIAL) {
        return spec.clamp(ExponentialSampler.sample(durations, c.a())); // commons-math3's numbers, without its overhead
      }
      RealDistribution d = bound.get(dist);
      if (d == null) {
        d = c.bind(durations);
        bound.put(dist, d);
      }
      return spec.clamp(d.sample());
    }
    return spec.draw(durations, partition);
  }

  /** An attempt that finds a shuffle input missing fails as soon as it starts reading it. */
  TaskPlan fetchFailure(long workStartMs, String reason) {
    return new TaskPlan(workStartMs, false, TaskAttempt.NEVER, false, reason);
  }

  /**
   * Failure or hang of an attempt whose work (of {@code work} ms in all) starts at {@code workStartMs}
   * (launch plus its executor's launch latency), as absolute instants. Every point counts from there,
   * as the task's own code sees time: a task that throws 500 ms into its code fails 500 ms after its work began.
   */
  TaskPlan plan(Stage s, int partition, int stageAttempt, int attempt, long work, long workStartMs) {
    if (healthy) return TaskPlan.HEALTHY;
    StageSpec spec = s.spec;
    FailureInjector.Injection i = failures.injectionFor(s.job.name, spec.name(), s.jobKey, s.job.instance, s.stageKey,
        partition, stageAttempt, attempt, work);
    if (i == null) return TaskPlan.HEALTHY;
    boolean noPoint = i.afterMs() == TaskFailureSpec.AT_END;
    long at = noPoint ? TaskAttempt.NEVER : workStartMs + i.afterMs();
    if (i.kind() == TaskFailureSpec.Kind.HANG) return new TaskPlan(TaskAttempt.NEVER, false, at, noPoint, null);
    if (i.kind() == TaskFailureSpec.Kind.EXIT) {
      return new TaskPlan(at, noPoint, TaskAttempt.NEVER, false, null, i.source(), i.replaceAfterMs());
    }
    return new TaskPlan(at, noPoint, TaskAttempt.NEVER, false, SparkMessages.injected(i.source()));
  }
}
