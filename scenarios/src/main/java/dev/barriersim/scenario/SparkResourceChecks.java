package dev.barriersim.scenario;

import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.spark.SparkConf;
import dev.barriersim.core.workload.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spark's fail-fast resource checks, done at load time on the whole scenario: an executor with
 * fewer cores than {@code spark.task.cpus}, a task resource that no executor has, or has too few
 * of. Spark refuses these when it builds the resource profile (ResourceUtils and ResourceProfile,
 * Spark 3.5.9); the texts in quotes are Spark's, word for word. Each problem points at the key that
 * is wrong.
 */
final class SparkResourceChecks {
  private SparkResourceChecks() {}

  private record Context(LoadContext c, YamlNode.Mapping root, int cpus, List<ExecutorGroupAt> groups,
      Map<String, Integer> offered) {}

  /** Runs every check; the specs are valid on their own, only their combination is checked here. */
  static void check(LoadContext c, YamlNode.Mapping root, ClusterSpec cluster, SparkConf conf, List<JobSpec> jobs) {
    List<ExecutorGroupAt> groups = ExecutorGroupAt.of(cluster);
    Context x = new Context(c, root, conf.taskCpus(), groups, offered(groups));
    int before = c.problemCount();
    for (ExecutorGroupAt g : groups) checkCores(x, g);
    for (Map.Entry<String, Integer> r : conf.taskResources().entrySet()) {
      String key = "spark.task.resource." + r.getKey() + ".amount";
      checkAmount(x, r.getKey(), r.getValue(), "spark." + key, new Object[] {"spark", key}, true);
    }
    boolean confOk = c.problemCount() == before;
    if (confOk) checkSomeExecutorFits(x, conf.taskResources(), "spark", firstResourceKey(root, conf));
    for (YamlLocator.LocatedStage at : YamlLocator.stages(root, jobs)) {
      Map<String, Integer> resources = at.stage().resources();
      if (resources == null) continue;
      int stageBefore = c.problemCount();
      for (Map.Entry<String, Integer> r : resources.entrySet()) {
        Object[] steps = {"jobs", at.jobIndex(), "stages", at.stageIndex(), "resources", r.getKey()};
        checkAmount(x, r.getKey(), r.getValue(), at.path("resources." + r.getKey()), steps, false);
      }
      if (confOk && c.problemCount() == stageBefore) {
        checkSomeExecutorFits(x, resources, at.path("resources"), YamlLocator.entry(root, at.steps("resources")));
      }
    }
  }

  /** The largest amount of each custom resource that some executor offers (only amounts above 0 count, as in Spark). */
  private static Map<String, Integer> offered(List<ExecutorGroupAt> groups) {
    Map<String, Integer> out = new TreeMap<>();
    for (ExecutorGroupAt g : groups) {
      g.group().resources().forEach((name, amount) -> {
        if (amount > 0) out.merge(name, amount, Math::max);
      });
    }
    return out;
  }

  /** {@code ResourceUtils.validateTaskCpusLargeEnough}. */
  private static void checkCores(Context x, ExecutorGroupAt g) {
    int cores = g.group().cores();
    if (cores >= x.cpus()) return;
    YamlNode.Entry key = YamlLocator.entry(x.root(), g.stepsTo("cores"));
    YamlNode at = key != null ? key.value() : x.root();
    YamlNode.Entry cpusKey = YamlLocator.entry(x.root(), "spark", "spark.task.cpus");
    x.c().report(at, g.path() + ".cores", "Spark fails at startup: \"The number of cores per executor (=" + cores
        + ") has to be >= the number of cpus per task = " + x.cpus() + ".\"",
        "give these executors at least " + x.cpus() + " cores, or lower spark.task.cpus"
            + (cpusKey == null ? "" : " (line " + cpusKey.line() + ")"));
  }

  /**
   * A task's amount of one resource against what executors offer: Spark's "No executor resource
   * configs were specified" for a name no executor has (with a "did you mean"), and
   * {@code ResourceProfile}'s "needs to be >=" for an amount above every executor's.
   */
  private static void checkAmount(Context x, String name, int amount, String path, Object[] steps, boolean sparkKey) {
    if (amount <= 0) return; // Spark drops task resource requests of 0
    YamlNode.Entry at = YamlLocator.entry(x.root(), steps);
    if (at == null) return;
    Integer most = x.offered().get(name);
    if (most == null) {
      x.c().report(at.line(), at.column(), path, "Spark fails at startup: \"No executor resource configs were specified for "
          + "the following task configs: " + name + "\" (no executor has resource '" + name + "')", unknownNameFix(x, name, sparkKey));
    } else if (most < amount) {
      x.c().report(at.value(), path, "Spark fails at startup: \"The executor resource: " + name + ", amount: " + most
          + " needs to be >= the task resource request amount of " + (double) amount + "\" (no executor has more than "
          + most + ")", "ask for at most " + most + ", or give an executor group resources: {" + name + ": " + amount + "}");
    }
  }

  private static String unknownNameFix(Context x, String name, boolean sparkKey) {
    if (x.offered().isEmpty()) {
      return "remove it, or give executors this resource: cluster.executors[].resources: {" + name + ": 1}";
    }
    return Suggestions.closest(name, x.offered().keySet())
        .map(s -> "did you mean '" + (sparkKey ? "spark.task.resource." + s + ".amount" : s) + "'?")
        .orElse("executors offer " + String.join(", ", x.offered().keySet()) + "; name one of them, or remove it");
  }

  /**
   * Executor groups differ in barriersim (in Spark one profile's executors are alike), so each
   * amount may be offered somewhere while no single executor has room for one whole task.
   */
  private static void checkSomeExecutorFits(Context x, Map<String, Integer> resources, String path, YamlNode.Entry at) {
    if (at == null) return;
    for (ExecutorGroupAt g : x.groups()) {
      if (fits(g, x.cpus(), resources)) return;
    }
    List<String> need = new ArrayList<>();
    need.add("spark.task.cpus " + x.cpus());
    new TreeMap<>(resources).forEach((n, a) -> {
      if (a > 0) need.add(n + " " + a);
    });
    String keyPath = path.equals("spark") ? "spark." + at.key() : path;
    x.c().report(at.line(), at.column(), keyPath, "no executor has room for one task (" + String.join(", ", need)
        + "): each amount is offered by some executor group, but never all of them by one",
        "give one executor group all of it, or lower the amounts");
  }

  private static boolean fits(ExecutorGroupAt g, int cpus, Map<String, Integer> resources) {
    if (g.group().cores() < cpus) return false;
    for (Map.Entry<String, Integer> r : resources.entrySet()) {
      if (r.getValue() > 0 && g.group().resources().getOrDefault(r.getKey(), 0) < r.getValue()) return false;
    }
    return true;
  }

  /** The first {@code spark.task.resource.*} key in the file with an amount, where a problem of the default resources points. */
  private static YamlNode.Entry firstResourceKey(YamlNode.Mapping root, SparkConf conf) {
    if (!(YamlLocator.node(root, "spark") instanceof YamlNode.Mapping spark)) return null;
    for (YamlNode.Entry e : spark.entries().values()) {
      for (Map.Entry<String, Integer> r : conf.taskResources().entrySet()) {
        if (r.getValue() > 0 && e.key().equals("spark.task.resource." + r.getKey() + ".amount")) return e;
      }
    }
    return null;
  }
}
