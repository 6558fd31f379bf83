package dev.barriersim.scenario;

import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.failure.ExecutorFailureSpec;
import dev.barriersim.core.failure.FailureSpec;
import dev.barriersim.core.failure.TaskFailureSpec;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@code failures:}: scripted task failures (checked against the jobs), a failure probability, executor losses. */
final class FailureReader {
  private FailureReader() {}

  static final List<String> KEYS = List.of("tasks", "taskFailureProbability", "executors");
  static final List<String> TASK_KEYS =
      List.of("job", "stage", "partition", "stageAttempt", "attempt", "after", "kind", "replaceAfter");
  static final List<String> EXECUTOR_KEYS = List.of("lose", "at", "mtbf", "replaceAfter", "cause");
  static final List<String> KINDS = List.of("fail", "hang", "exit");
  static final Map<String, Boolean> CAUSES = Fields.choices("external", false, "app", true);
  private static final int MAX_ITEMS = 1_000_000;

  /** Reads the section; {@code jobs} and {@code cluster} (null when invalid) check the names it uses. */
  static FailureSpec read(LoadContext c, YamlNode n, String path, JobReader.Jobs jobs, ClusterSpec cluster) {
    Fields f = Fields.of(c, n, path, KEYS);
    if (f == null) return null;
    int before = c.problemCount();
    List<TaskFailureSpec> tasks = new ArrayList<>();
    if (f.has("tasks")) {
      YamlNode.Sequence seq = Values.list(c, f.get("tasks"), f.path("tasks"), MAX_ITEMS);
      if (seq != null) {
        for (int i = 0; i < seq.items().size(); i++) {
          tasks.add(task(c, seq.items().get(i), LoadContext.index(f.path("tasks"), i), jobs));
        }
      }
    }
    Double probability = f.decimal("taskFailureProbability", 0.0, 0, 1);
    if (probability != null && probability >= 1) {
      c.report(f.get("taskFailureProbability"), f.path("taskFailureProbability"), "must be below 1, found " + probability,
          "write a probability in [0, 1), e.g. 0.01; with 1 no task could ever succeed");
    }
    List<ExecutorFailureSpec> executors = new ArrayList<>();
    if (f.has("executors")) {
      YamlNode.Sequence seq = Values.list(c, f.get("executors"), f.path("executors"), MAX_ITEMS);
      if (seq != null) {
        for (int i = 0; i < seq.items().size(); i++) {
          executors.add(executor(c, seq.items().get(i), LoadContext.index(f.path("executors"), i), cluster));
        }
      }
    }
    if (c.problemCount() != before) return null;
    return c.build(f.node(), path, () -> new FailureSpec(tasks, probability, executors));
  }

  private static TaskFailureSpec task(LoadContext c, YamlNode n, String path, JobReader.Jobs jobs) {
    Fields f = Fields.of(c, n, path, TASK_KEYS);
    if (f == null) return null;
    int before = c.problemCount();
    String job = f.require("job", "train") ? f.text("job", null) : null;
    String stage = f.require("stage", "fit") ? f.name("stage", null) : null;
    Integer partition = f.require("partition", "0") ? f.integer("partition", null, 0, Integer.MAX_VALUE) : null;
    Integer stageAttempt = f.integer("stageAttempt", 0, 0, Integer.MAX_VALUE);
    Integer attempt = f.integer("attempt", 0, 0, Integer.MAX_VALUE);
    Long after = f.duration("after", TaskFailureSpec.AT_END, 0);
    TaskFailureSpec.Kind kind = kind(c, f);
    Long replace = ExecutorFailureSpec.NEVER;
    if (kind != null && kind != TaskFailureSpec.Kind.EXIT) {
      misplaced(c, f, "replaceAfter", "replaceAfter goes with kind: exit, whose executor is lost");
    } else {
      replace = f.duration("replaceAfter", ExecutorFailureSpec.NEVER, 0);
    }
    if (job != null && stage != null && partition != null) checkTarget(c, f, job, stage, partition, jobs);
    if (c.problemCount() != before) return null;
    long r = replace;
    return c.build(f.node(), path, () -> new TaskFailureSpec(job, stage, partition, stageAttempt, attempt, after, kind, r));
  }

  private static TaskFailureSpec.Kind kind(LoadContext c, Fields f) {
    String k = f.text("kind", "fail");
    if (k == null) return null;
    return switch (k.toLowerCase(Locale.ROOT)) {
      case "fail" -> TaskFailureSpec.Kind.FAIL;
      case "hang" -> TaskFailureSpec.Kind.HANG;
      case "exit" -> TaskFailureSpec.Kind.EXIT;
      default -> {
        c.report(f.get("kind"), f.path("kind"), "unknown failure kind '" + Suggestions.shorten(k) + "'",
            Suggestions.closest(k, KINDS).map(s -> "did you mean '" + s + "'? ").orElse("")
                + "write fail (the task throws), hang (it never finishes) or exit (it exits its executor's JVM)");
        yield null;
      }
    };
  }

  /** The job instance, stage and partition must exist: {@code train#3} needs {@code repeat.count >= 3}. */
  private static void checkTarget(LoadContext c, Fields f, String instance, String stage, int partition, JobReader.Jobs jobs) {
    int hash = instance.lastIndexOf('#');
    String base = hash < 0 ? instance : instance.substring(0, hash);
    if (!jobs.names().contains(base)) {
      c.report(f.get("job"), f.path("job"), "unknown job '" + Suggestions.shorten(instance) + "'",
          Suggestions.fixFor(base, jobs.names(), "jobs in this scenario"));
      return;
    }
    Optional<JobSpec> spec = jobs.specs().stream().filter(j -> j.name().equals(base)).findFirst();
    if (spec.isEmpty()) return; // the job itself is invalid and already reported
    JobSpec job = spec.get();
    if (job.repeat() == null && hash >= 0) {
      c.report(f.get("job"), f.path("job"), "job '" + base + "' is not repeated, so it has no instance '" + instance + "'",
          "write job: " + base);
      return;
    }
    if (job.repeat() != null) {
      int count = job.repeat().count();
      String range = base + "#1" + (count > 1 ? " to " + base + "#" + count : "");
      if (hash < 0) {
        c.report(f.get("job"), f.path("job"), "job '" + base + "' is repeated, so name one instance", "write e.g. job: " + range.split(" ")[0] + " (instances " + range + ")");
        return;
      }
      String number = instance.substring(hash + 1);
      long k = number.matches("[1-9]\\d{0,9}") ? Long.parseLong(number) : -1;
      if (k < 1 || k > count) {
        c.report(f.get("job"), f.path("job"), "job '" + base + "' has no instance '" + Suggestions.shorten(instance) + "' (repeat.count is " + count + ")",
            "name an instance from " + range);
        return;
      }
    }
    Optional<StageSpec> st = job.stages().stream().filter(s -> s.name().equals(stage)).findFirst();
    if (st.isEmpty()) {
      c.report(f.get("stage"), f.path("stage"), "job '" + base + "' has no stage '" + stage + "'",
          Suggestions.fixFor(stage, job.stages().stream().map(StageSpec::name).toList(), "its stages"));
      return;
    }
    if (partition >= st.get().tasks()) {
      c.report(f.get("partition"), f.path("partition"), "stage '" + stage + "' has " + st.get().tasks() + " tasks, so no partition " + partition,
          "name a partition from 0 to " + (st.get().tasks() - 1));
    }
  }

  private static ExecutorFailureSpec executor(LoadContext c, YamlNode n, String path, ClusterSpec cluster) {
    Fields f = Fields.of(c, n, path, EXECUTOR_KEYS);
    if (f == null) return null;
    int before = c.problemCount();
    String which = f.exactlyOne("lose", "mtbf", "lose: \"3\" with at: 2m for a scripted loss, or mtbf: 2h for random losses");
    ExecutorFailureSpec out = null;
    Boolean app = cause(f);
    Long replace = f.duration("replaceAfter", ExecutorFailureSpec.NEVER, 0);
    if ("lose".equals(which)) {
      Long at = f.require("at", "2m") ? f.duration("at", null, 0) : null;
      long existing = cluster == null || at == null ? -1 : ClusterReader.executorsBy(cluster, at);
      String id = ClusterReader.executorId(c, f.get("lose"), f.path("lose"), existing, at);
      if (c.problemCount() == before) {
        out = c.build(f.node(), path, () -> new ExecutorFailureSpec.Scripted(id, at, app, replace));
      }
    } else if ("mtbf".equals(which)) {
      misplaced(c, f, "at", "at goes with lose; mtbf losses happen at random times");
      Long mtbf = f.duration("mtbf", null, 1);
      if (c.problemCount() == before) out = c.build(f.node(), path, () -> new ExecutorFailureSpec.Random(mtbf, replace, app));
    }
    return out;
  }

  /**
   * {@code cause}: {@code external} (default; the node or the cluster manager: Spark's
   * {@code ExecutorProcessLost(causedByApp = false)}, decommission) or {@code app} (an exit caused by
   * the application, a heartbeat timeout: the running tasks' failures count towards
   * {@code spark.task.maxFailures}). True for {@code app}; null after a problem.
   */
  private static Boolean cause(Fields f) {
    return f.choice("cause", "external", CAUSES, "cause", " (external: not the application's fault; app: counts "
        + "towards spark.task.maxFailures)");
  }

  private static void misplaced(LoadContext c, Fields f, String key, String why) {
    if (!f.has(key)) return;
    YamlNode.Entry e = f.node().entries().get(key);
    c.report(e.line(), e.column(), f.path(key), "'" + key + "' does not apply here", why + "; remove it or move it");
  }
}
