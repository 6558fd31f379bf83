package dev.barriersim.scenario;

import dev.barriersim.core.spark.LocalityConf;
import dev.barriersim.core.spark.ExcludeOnFailureConf;
import dev.barriersim.core.spark.SchedulingMode;
import dev.barriersim.core.spark.SparkConf;
import dev.barriersim.core.spark.SpeculationConf;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code spark:} section: real Spark configuration keys, values as YAML scalars of the
 * natural type or as strings (Spark's configs are strings), checked against Spark's own ranges.
 */
final class SparkConfReader {
  private SparkConfReader() {}

  static final String TASK_CPUS = "spark.task.cpus";
  static final String MODE = "spark.scheduler.mode";
  static final String REVIVE = "spark.scheduler.revive.interval";
  static final String CHECK_INTERVAL = "spark.scheduler.barrier.maxConcurrentTasksCheck.interval";
  static final String CHECK_MAX_FAILURES = "spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures";
  static final String SYNC_TIMEOUT = "spark.barrier.sync.timeout";
  static final String STAGE_ATTEMPTS = "spark.stage.maxConsecutiveAttempts";
  static final String TASK_MAX_FAILURES = "spark.task.maxFailures";
  static final String DYNAMIC_ALLOCATION = "spark.dynamicAllocation.enabled";
  static final String INTERRUPT = "spark.job.interruptOnCancel";
  static final String LOCALITY_WAIT = "spark.locality.wait";
  static final String LOCALITY_WAIT_PROCESS = "spark.locality.wait.process";
  static final String LOCALITY_WAIT_NODE = "spark.locality.wait.node";
  static final String LOCALITY_WAIT_RACK = "spark.locality.wait.rack";
  static final String LOCALITY_LEGACY_RESET = "spark.locality.wait.legacyResetOnTaskLaunch";
  static final String REDUCE_LOCALITY = "spark.shuffle.reduceLocality.enabled";
  static final String SPECULATION = "spark.speculation";
  static final String SPECULATION_INTERVAL = "spark.speculation.interval";
  static final String SPECULATION_MULTIPLIER = "spark.speculation.multiplier";
  static final String SPECULATION_QUANTILE = "spark.speculation.quantile";
  static final String SPECULATION_MIN_RUNTIME = "spark.speculation.minTaskRuntime";
  /** The per-resource key, written with a placeholder in messages. */
  static final String RESOURCE = "spark.task.resource.<name>.amount";

  /** Every key modelled, in the order the docs list them. */
  static final List<String> KEYS = keys();

  private static List<String> keys() {
    List<String> k = new ArrayList<>(List.of(TASK_CPUS, RESOURCE, MODE, REVIVE, CHECK_INTERVAL, CHECK_MAX_FAILURES,
        SYNC_TIMEOUT, STAGE_ATTEMPTS, TASK_MAX_FAILURES, DYNAMIC_ALLOCATION, INTERRUPT, LOCALITY_WAIT,
        LOCALITY_WAIT_PROCESS, LOCALITY_WAIT_NODE, LOCALITY_WAIT_RACK, LOCALITY_LEGACY_RESET, REDUCE_LOCALITY,
        SPECULATION, SPECULATION_INTERVAL, SPECULATION_MULTIPLIER, SPECULATION_QUANTILE, SPECULATION_MIN_RUNTIME));
    k.addAll(ExcludeOnFailureReader.KEYS);
    return List.copyOf(k);
  }

  private static final Pattern RESOURCE_KEY = Pattern.compile("spark\\.task\\.resource\\.(.+)\\.amount");
  private static final int MAX_COUNT = 1_000_000;

  /** Reads the section at {@code n}; null after problems. */
  static SparkConf read(LoadContext c, YamlNode n, String path) {
    Fields f = Fields.of(c, n, path, null);
    if (f == null) return null;
    SparkConf d = SparkConf.DEFAULTS;
    int before = c.problemCount();
    Map<String, Integer> resources = new TreeMap<>();
    for (YamlNode.Entry e : f.node().entries().values()) {
      String key = e.key();
      String keyPath = f.path(key);
      if (c.notYetSupported(keyPath)) continue; // already reported by Fields.of
      Matcher rm = RESOURCE_KEY.matcher(key);
      if (rm.matches()) {
        if (!Values.NAME.matcher(rm.group(1)).matches()) {
          c.report(e.line(), e.column(), keyPath, "'" + Suggestions.shorten(rm.group(1)) + "' is not a valid resource name",
              "use letters, digits, '.', '_' and '-', e.g. spark.task.resource.gpu.amount");
        } else {
          Integer v = Values.integer(c, e.value(), keyPath, 0, Integer.MAX_VALUE, true);
          if (v != null) resources.put(rm.group(1), v);
        }
      } else if (!KEYS.contains(key)) {
        List<String> candidates = new ArrayList<>(KEYS);
        if (key.startsWith("spark.task.resource.")) {
          String name = key.substring("spark.task.resource.".length());
          int dot = name.lastIndexOf('.');
          candidates.add("spark.task.resource." + (dot > 0 ? name.substring(0, dot) : name) + ".amount");
        }
        String what = key.startsWith("spark.") ? "'" + Suggestions.shorten(key) + "' is not modelled by barriersim"
            : "unknown key '" + Suggestions.shorten(key) + "' (Spark keys start with 'spark.')";
        c.report(e.line(), e.column(), keyPath, what, Suggestions.closest(key, candidates)
            .map(s -> "did you mean '" + s + "'?").orElse("remove it; barriersim reads only " + String.join(", ", KEYS)));
      }
    }
    Integer cpus = intKey(c, f, TASK_CPUS, d.taskCpus(), 1);
    SchedulingMode mode = mode(c, f, d.schedulingMode());
    Long revive = durationKey(c, f, REVIVE, d.reviveIntervalMs(), 1);
    Long checkInterval = durationKey(c, f, CHECK_INTERVAL, d.slotCheckIntervalMs(), 0);
    Integer checkMaxFailures = intKey(c, f, CHECK_MAX_FAILURES, d.slotCheckMaxFailures(), 1);
    Long syncTimeout = syncTimeout(c, f, d.barrierSyncTimeoutMs());
    Integer stageAttempts = intKey(c, f, STAGE_ATTEMPTS, d.maxConsecutiveAttempts(), 1);
    Integer taskMaxFailures = intKey(c, f, TASK_MAX_FAILURES, d.taskMaxFailures(), 1);
    Boolean dynamic = boolKey(c, f, DYNAMIC_ALLOCATION, d.dynamicAllocation());
    Boolean interrupt = boolKey(c, f, INTERRUPT, d.interruptOnCancel());
    LocalityConf dl = d.locality();
    // spark.locality.wait.{process,node,rack} fall back to spark.locality.wait, as in Spark.
    Long wait = durationKey(c, f, LOCALITY_WAIT, dl.processWaitMs(), 0);
    Long process = durationKey(c, f, LOCALITY_WAIT_PROCESS, wait, 0);
    Long node = durationKey(c, f, LOCALITY_WAIT_NODE, wait, 0);
    Long rack = durationKey(c, f, LOCALITY_WAIT_RACK, wait, 0);
    Boolean legacy = boolKey(c, f, LOCALITY_LEGACY_RESET, dl.legacyResetOnTaskLaunch());
    Boolean reduceLocality = boolKey(c, f, REDUCE_LOCALITY, dl.reduceLocality());
    SpeculationConf sd = d.speculation();
    Boolean speculation = boolKey(c, f, SPECULATION, sd.enabled());
    // Spark's scheduleWithFixedDelay refuses a delay of 0.
    Long interval = durationKey(c, f, SPECULATION_INTERVAL, sd.intervalMs(), 1);
    Double multiplier = decimalKey(c, f, SPECULATION_MULTIPLIER, sd.multiplier());
    Double quantile = decimalKey(c, f, SPECULATION_QUANTILE, sd.quantile());
    Long minRuntime = durationKey(c, f, SPECULATION_MIN_RUNTIME, sd.minTaskRuntimeMs(), 0);
    ExcludeOnFailureConf exclude = ExcludeOnFailureReader.read(c, f, taskMaxFailures);
    if (c.problemCount() != before) return null;
    return c.build(f.node(), path, () -> new SparkConf(cpus, resources, mode, revive, checkInterval, checkMaxFailures,
        syncTimeout, stageAttempts, taskMaxFailures, dynamic, interrupt,
        new LocalityConf(process, node, rack, reduceLocality, legacy),
        new SpeculationConf(speculation, interval, multiplier, quantile, minRuntime), exclude));
  }

  private static Integer intKey(LoadContext c, Fields f, String key, Integer dflt, int min) {
    return f.has(key) ? Values.integer(c, f.get(key), f.path(key), min, key.equals(TASK_CPUS) ? MAX_COUNT : Integer.MAX_VALUE, true) : dflt;
  }

  private static Long durationKey(LoadContext c, Fields f, String key, Long dflt, long minMs) {
    return f.has(key) ? Values.duration(c, f.get(key), f.path(key), minMs) : dflt;
  }

  /** Spark reads these as doubles without a range check; barriersim asks for a finite number >= 0. */
  private static Double decimalKey(LoadContext c, Fields f, String key, Double dflt) {
    return f.has(key) ? Values.decimal(c, f.get(key), f.path(key), 0, Double.MAX_VALUE, true) : dflt;
  }

  private static Boolean boolKey(LoadContext c, Fields f, String key, Boolean dflt) {
    return f.has(key) ? Values.bool(c, f.get(key), f.path(key), true) : dflt;
  }

  private static SchedulingMode mode(LoadContext c, Fields f, SchedulingMode dflt) {
    if (!f.has(MODE)) return dflt;
    String t = Values.text(c, f.get(MODE), f.path(MODE));
    if (t == null) return null;
    return switch (t.strip().toUpperCase(Locale.ROOT)) {
      case "FIFO" -> SchedulingMode.FIFO;
      case "FAIR" -> SchedulingMode.FAIR;
      default -> {
        c.report(f.get(MODE), f.path(MODE), "'" + Suggestions.shorten(t) + "' is not a scheduling mode", "write FIFO or FAIR");
        yield null;
      }
    };
  }

  /** Spark reads the sync timeout in whole seconds and requires it to be > 0, so 500ms is refused. */
  private static Long syncTimeout(LoadContext c, Fields f, Long dflt) {
    if (!f.has(SYNC_TIMEOUT)) return dflt;
    Long ms = Values.duration(c, f.get(SYNC_TIMEOUT), f.path(SYNC_TIMEOUT), 0);
    if (ms != null && ms < 1000) {
      c.report(f.get(SYNC_TIMEOUT), f.path(SYNC_TIMEOUT),
          "Spark reads this in whole seconds and requires it > 0, and " + Durations.format(ms) + " is 0 seconds", "write 1s or more");
      return null;
    }
    return ms;
  }
}
