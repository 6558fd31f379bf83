package dev.barriersim.core.failure;

import dev.barriersim.core.random.KeyedGenerator;
import dev.barriersim.core.random.RandomStreams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, at launch, whether a task attempt fails or hangs, and when. Scripted failures match
 * the attempt's ids; random ones ({@code taskFailureProbability}) are a pure function of (seed,
 * job instance, stage, partition, stage attempt, task attempt), drawn from their own stream.
 * Injection only: what the scheduler does about a failure is not decided here.
 */
public final class FailureInjector {
  /**
   * What happens to one attempt: {@code afterMs} after the start of its work, as the task's own code
   * measures time ({@link TaskFailureSpec#AT_END}: at the end of its work, or for a hang, at the
   * end of its first phase); for an exit, when a like executor replaces the one it exits.
   */
  public record Injection(long afterMs, TaskFailureSpec.Kind kind, String source, long replaceAfterMs) {}

  private final Map<String, Injection> scripted = new HashMap<>();
  private final double probability;
  private final KeyedGenerator stream;

  /** Indexes the scripted failures of {@code spec}. */
  public FailureInjector(FailureSpec spec, RandomStreams streams) {
    List<TaskFailureSpec> tasks = spec.tasks();
    for (int i = 0; i < tasks.size(); i++) {
      TaskFailureSpec f = tasks.get(i);
      scripted.putIfAbsent(key(f.job(), f.stage(), f.partition(), f.stageAttempt(), f.attempt()),
          new Injection(f.afterMs(), f.kind(), "failures.tasks[" + i + "]", f.replaceAfterMs()));
    }
    this.probability = spec.taskFailureProbability();
    this.stream = streams.stream(RandomStreams.TASK_FAILURE);
  }

  /** True when no attempt can fail or hang: nothing is scripted and the failure probability is 0. */
  public boolean injectsNothing() {
    return scripted.isEmpty() && probability <= 0;
  }

  /**
   * The injection for an attempt, or null. {@code workMs} is the attempt's total work: a random
   * failure falls at a uniform point of it.
   */
  public Injection injectionFor(String job, String stage, long jobKey, int instance, long stageKey, int partition,
      int stageAttempt, int attempt, long workMs) {
    if (!scripted.isEmpty()) {
      Injection i = scripted.get(key(job, stage, partition, stageAttempt, attempt));
      if (i != null) return i;
    }
    if (probability > 0) {
      stream.position(jobKey, instance, stageKey, partition, stageAttempt, attempt);
      if (stream.nextDouble() < probability) {
        long at = (long) Math.floor(stream.nextDouble() * workMs);
        return new Injection(at, TaskFailureSpec.Kind.FAIL, "taskFailureProbability", ExecutorFailureSpec.NEVER);
      }
    }
    return null;
  }

  private static String key(String job, String stage, int partition, int stageAttempt, int attempt) {
    return job + '\u0000' + stage + '\u0000' + partition + '\u0000' + stageAttempt + '\u0000' + attempt;
  }
}
