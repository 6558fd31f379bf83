package dev.barriersim.scenario;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.failure.ExecutorFailureSpec;
import dev.barriersim.core.failure.FailureSpec;
import dev.barriersim.core.spark.Backend;
import dev.barriersim.core.spark.PoolSpec;
import dev.barriersim.core.spark.SimulationSettings;
import dev.barriersim.core.spark.SparkConf;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads, validates and builds a scenario. Every problem of a file is reported at once, in file
 * order, each located at its line and column with a YAML path and a fix; no exception other than
 * {@link ScenarioException} leaves this class.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /**
   * YAML paths (list indices written {@code [*]}, e.g. {@code jobs[*].stages[*].locality}) of keys
   * that the format names but this version does not implement yet. Such a key is reported, never
   * silently ignored. Empty: everything in the contract is implemented.
   */
  static final Set<String> NOT_YET_SUPPORTED = Set.of();

  /** The keys allowed at the top of a scenario file, in the order the docs list them. */
  static final List<String> TOP_KEYS =
      List.of("name", "description", "recorded", "seed", "cluster", "spark", "pools", "simulation", "jobs", "failures", "run",
          "sweep");

  /** Loads {@code file}; every problem of the file is reported at once. */
  public static Scenario load(Path file) throws ScenarioException {
    return load(file, List.of());
  }

  /**
   * Loads {@code file} with {@code --set PATH=VALUE} options applied to its YAML before anything is
   * validated; a problem of an option is located at the option. A sweep's points are checked by
   * {@link Sweep#check()}, not here.
   */
  public static Scenario load(Path file, List<String> overrides) throws ScenarioException {
    String name = file.toString();
    LoadContext ctx = new LoadContext(name, NOT_YET_SUPPORTED);
    if (!Files.isRegularFile(file)) {
      ctx.report(1, 1, "", Files.exists(file) ? "not a regular file" : "no such file", "give the path of a .yaml scenario file");
      throw new ScenarioException(ctx.problemsInFileOrder());
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // Never more than the limit plus one byte in memory, whatever the file's size (or growth) is.
      bytes = in.readNBytes(YamlTreeReader.MAX_BYTES + 1);
      if (bytes.length > YamlTreeReader.MAX_BYTES) {
        throw new ScenarioException(List.of(tooLarge(name, Math.max(bytes.length, Files.size(file)))));
      }
    } catch (IOException e) {
      throw new ScenarioException(List.of(new Problem(name, 1, 1, "", "cannot read the file (" + e.getClass().getSimpleName() + ")",
          "check the path and its permissions")));
    }
    String text = ScenarioText.decode(ctx, bytes);
    if (text == null) throw new ScenarioException(ctx.problemsInFileOrder());
    return load(name, text, NOT_YET_SUPPORTED, overrides, file.toAbsolutePath().getParent());
  }

  /**
   * Loads YAML text; {@code fileNameForMessages} is what each problem names as its file. With no
   * folder to resolve it against, a {@code recorded} file is checked by name only.
   */
  public static Scenario load(String fileNameForMessages, String yamlText) throws ScenarioException {
    return load(fileNameForMessages, yamlText, NOT_YET_SUPPORTED, List.of(), null);
  }

  /** Loads YAML text with {@code --set PATH=VALUE} options applied (see {@link #load(Path, List)}). */
  public static Scenario load(String fileNameForMessages, String yamlText, List<String> overrides) throws ScenarioException {
    return load(fileNameForMessages, yamlText, NOT_YET_SUPPORTED, overrides, null);
  }

  /** Test hook: loads with another set of not-yet-supported key paths. */
  static Scenario load(String file, String yamlText, Set<String> notYetSupported) throws ScenarioException {
    return load(file, yamlText, notYetSupported, List.of(), null);
  }

  /** Loads text whose relative file names ({@code recorded}) resolve against {@code baseDir} (null: not checked). */
  private static Scenario load(String file, String yamlText, Set<String> notYetSupported, List<String> overrides,
      Path baseDir) throws ScenarioException {
    long bytes = utf8Length(yamlText);
    if (bytes > YamlTreeReader.MAX_BYTES) throw new ScenarioException(List.of(tooLarge(file, bytes)));
    LoadContext ctx = new LoadContext(file, notYetSupported);
    if (!ScenarioText.linesFit(ctx, yamlText)) throw new ScenarioException(ctx.problemsInFileOrder());
    Scenario scenario = null;
    try {
      YamlNode.Mapping root = YamlTreeReader.read(ctx, yamlText);
      if (root != null && !overrides.isEmpty()) {
        Overrides.Applied applied = Overrides.apply(ctx, root, overrides);
        root = ctx.hasProblems() ? null : applied.root();
        if (root != null) scenario = build(ctx, file, root, overrides, applied.paths(), baseDir);
      } else if (root != null) {
        scenario = build(ctx, file, root, overrides, List.of(), baseDir);
      }
    } catch (RuntimeException e) {
      // A bug of ours must not reach the user as a stack trace; say where to report it.
      ctx.report(1, 1, "", "internal error while validating (" + e.getClass().getSimpleName() + ": "
          + Suggestions.shorten(String.valueOf(e.getMessage())) + ")", "please report this with the scenario file");
    }
    if (ctx.hasProblems() || scenario == null) {
      if (!ctx.hasProblems()) ctx.report(1, 1, "", "the scenario could not be built", "please report this with the scenario file");
      throw new ScenarioException(ctx.problemsInFileOrder());
    }
    return scenario;
  }

  /** Builds the scenario of a tree that holds no sweep (a sweep point), recording {@code overrides}. */
  static Scenario build(LoadContext c, String file, YamlNode.Mapping root, List<String> overrides) {
    return build(c, file, root, overrides, List.of(), null);
  }

  private static Scenario build(LoadContext c, String file, YamlNode.Mapping root, List<String> overrides,
      List<List<SetPath.Step>> pinned, Path baseDir) {
    Fields f = Fields.of(c, root, "", TOP_KEYS);
    String name = f.require("name", "my-scenario") ? f.name("name", null) : null;
    String description = f.text("description", "");
    Path recorded = f.has("recorded") ? RecordedReader.read(c, f.get("recorded"), "recorded", baseDir) : null;
    Long seed = f.whole("seed", 1L, Long.MIN_VALUE, Long.MAX_VALUE);
    ClusterSpec cluster = f.require("cluster", "{executors: [{count: 2, cores: 4}]}")
        ? ClusterReader.read(c, f.get("cluster"), "cluster") : null;
    SparkConf conf = f.has("spark") ? SparkConfReader.read(c, f.get("spark"), "spark") : SparkConf.DEFAULTS;
    Set<String> poolNames = new LinkedHashSet<>();
    List<PoolSpec> pools = f.has("pools") ? PoolReader.read(c, f.get("pools"), "pools", poolNames) : List.of();
    SimulationSettings settings = f.has("simulation")
        ? SimulationReader.read(c, f.get("simulation"), "simulation") : SimulationSettings.DEFAULTS;
    JobReader.Jobs jobs = f.require("jobs", "[{name: etl, stages: [{name: map, tasks: 8, duration: 10s}]}]")
        ? JobReader.read(c, f.get("jobs"), "jobs") : null;
    FailureSpec failures = FailureSpec.NONE;
    if (f.has("failures")) {
      failures = jobs == null ? null : FailureReader.read(c, f.get("failures"), "failures", jobs, cluster);
    }
    SimulationReader.Run run = f.has("run") ? SimulationReader.readRun(c, f.get("run"), "run") : SimulationReader.Run.DEFAULTS;
    Sweep sweep = null;
    if (f.has("sweep")) sweep = sweep(c, file, root, overrides, pinned, run);
    if (jobs != null) checkPools(c, jobs, poolNames);
    if (settings != null && settings.backend() == Backend.LOCAL && cluster != null) checkLocal(c, f, cluster, failures);
    if (cluster != null && conf != null && jobs != null) {
      int before = c.problemCount();
      SparkResourceChecks.check(c, root, cluster, conf, jobs.specs());
      // Slots are only worth forecasting once every task fits some executor.
      if (c.problemCount() == before && settings != null && failures != null) {
        BarrierSlotForecast.check(c, root, cluster, conf, settings.backend(), jobs.specs(), failures);
      }
    }
    if (c.hasProblems() || name == null || seed == null || cluster == null || conf == null || pools == null
        || settings == null || jobs == null || failures == null || run == null) {
      return null;
    }
    FailureSpec fs = failures;
    SimulationSpec spec = c.build(root, "", () -> new SimulationSpec(name, seed, cluster, conf, pools, settings, jobs.specs(), fs));
    return spec == null ? null
        : new Scenario(file, description, spec, run.modes(), run.replications(), c.warningsInFileOrder(), overrides, sweep,
            recorded);
  }

  /**
   * The {@code sweep:} section over the rest of the tree; null when it has problems (reported at
   * the section), or when every key is pinned by a {@code --set}. A grid over {@code run.maxRuns}
   * is refused here, before any point exists.
   */
  private static Sweep sweep(LoadContext c, String file, YamlNode.Mapping root, List<String> overrides,
      List<List<SetPath.Step>> pinned, SimulationReader.Run run) {
    YamlNode.Entry entry = root.entries().get("sweep");
    YamlNode.Mapping base = TreeEdit.without(root, "sweep");
    List<Sweep.Factor> factors = SweepReader.read(c, entry.value(), "sweep", base, pinned);
    if (factors == null || factors.isEmpty() || run == null) return null;
    List<java.math.BigInteger> sizes = factors.stream().map(x -> x.members().get(0).values().count()).toList();
    var over = Sweep.overBudget(sizes, run.modes().size(), run.replications(), run.maxRuns());
    if (over.isPresent()) {
      c.report(entry.line(), entry.column(), "sweep", over.get(),
          "sweep fewer values, or raise run.maxRuns (at most " + String.format(java.util.Locale.ROOT, "%,d", Sweep.MAX_RUNS_LIMIT) + ")");
      return null;
    }
    return new Sweep(file, c.notYetSupported(), c.origins(), overrides, base, factors, run.maxRuns());
  }

  /** A job's pool must be declared under {@code pools}, except Spark's built-in {@code default}. */
  private static void checkPools(LoadContext c, JobReader.Jobs jobs, Set<String> declared) {
    for (Map.Entry<String, String> ref : jobs.poolRefPaths().entrySet()) {
      String pool = ref.getValue();
      if (pool.equals("default") || declared.contains(pool)) continue;
      String path = LoadContext.child(ref.getKey(), "pool");
      c.report(jobs.poolRefs().get(ref.getKey()), path, "pool '" + pool + "' is not declared in pools",
          declared.isEmpty() ? "add pools: [{name: " + pool + "}], or remove the key to use the default pool"
              : Suggestions.closest(pool, declared).map(s -> "did you mean '" + s + "'?")
                  .orElse("declare it under pools (declared: " + String.join(", ", declared) + ")"));
    }
  }

  /** {@code local[N]} is one executor of N cores: no second executor may ever exist. */
  private static void checkLocal(LoadContext c, Fields top, ClusterSpec cluster, FailureSpec failures) {
    long total = ClusterReader.executorsBy(cluster, Long.MAX_VALUE);
    YamlNode at = top.get("simulation");
    if (at instanceof YamlNode.Mapping m && m.entries().containsKey("backend")) at = m.entries().get("backend").value();
    if (total > 1) {
      int cores = cluster.executors().get(0).cores();
      c.report(at, "simulation.backend", "backend local models Spark's local[N], which is one executor, but the cluster has "
          + total + " executors in all", "use one executor group with count: 1 (e.g. cores: " + cores
          + ") and no cluster.changes adds, or use backend: coarse-grained");
    }
    if (failures != null && (failures.executors().stream().anyMatch(e -> e.replaceAfterMs() != ExecutorFailureSpec.NEVER)
        || failures.tasks().stream().anyMatch(t -> t.replaceAfterMs() != ExecutorFailureSpec.NEVER))) {
      c.report(at, "simulation.backend", "backend local has a single executor, so no replacement executor can join",
          "remove replaceAfter from failures.executors and failures.tasks, or use backend: coarse-grained");
    }
  }

  private static Problem tooLarge(String file, long bytes) {
    return new Problem(file, 1, 1, "", "the file is " + bytes + " bytes, more than the limit of " + YamlTreeReader.MAX_BYTES
        + " bytes (4 MiB)", "split the scenario or shorten its per-partition value lists");
  }

  /** UTF-8 size without encoding the whole text (a large string should not be copied just to be refused). */
  private static long utf8Length(String s) {
    if (s.length() > YamlTreeReader.MAX_BYTES) return (long) s.length(); // at least one byte per char: already too large
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 0x80) n++;
      else if (ch < 0x800) n += 2;
      else if (Character.isHighSurrogate(ch)) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }
}
