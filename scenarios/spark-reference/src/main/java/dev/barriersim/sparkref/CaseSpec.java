package dev.barriersim.sparkref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reference case as read from its JSON file: the Spark master, the workers of a standalone
 * cluster, the SparkConf entries, the timed jobs (stages of sleeping tasks, with the same job and
 * stage names as the twin barriersim scenario) and the driver's actions during the run.
 */
public record CaseSpec(String name, String description, String master, List<Worker> workers,
    Map<String, String> conf, List<Job> jobs, List<Action> actions) {

  /** A standalone worker: its bind address, cores, and when it starts (0: before the application). */
  public record Worker(String host, int cores, long startAtMs) {}

  /** A timed job: submitted {@code submitAtMs} after time 0 from its own thread, in its own job group. */
  public record Job(String name, long submitAtMs, boolean interruptOnCancel, List<Stage> stages) {}

  /**
   * A stage: {@code tasks} partitions, each sleeping its {@code sleepMs} (one value or one per
   * partition) or running {@code phasesMs} with {@code barrier()} between them; {@code parents}
   * are stages of the same job read through a shuffle, {@code cachedFrom} a cached stage
   * ({@code job.stage}) read narrowly; {@code cache} persists this stage's output in memory.
   */
  public record Stage(String name, int tasks, boolean barrier, long[] sleepMs, long[][] phasesMs, List<String> parents,
      String cachedFrom, boolean cache, List<Failure> failures) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The sleeps of partition {@code p}: its phases, or one phase. */
    long[] phasesOf(int p) {
      if (phasesMs != null) return phasesMs.length == 1 ? phasesMs[0] : phasesMs[p];
      return new long[] {sleepMs.length == 1 ? sleepMs[0] : sleepMs[p]};
    }
  }

  /**
   * What one task attempt does instead of its work: {@code fail} throws after {@code afterMs},
   * {@code exit} calls {@code System.exit(1)} after {@code afterMs} (the executor JVM dies),
   * {@code hang} sleeps until it is killed.
   */
  public record Failure(int stageAttempt, int partition, int attempt, long afterMs, String kind) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A driver action at {@code atMs}: {@code startWorker} (index into workers), {@code killExecutorOf}
   * (kill the executor that ran {@code task}, {@code job/stage/partition}, with {@code sc.killExecutor}, or
   * {@code sc.killAndReplaceExecutor} when {@code replace}; when that executor also ran {@code avoid},
   * Spark's random offer order placed the tasks unlike the twin scenario, and the run stops with exit code 3), or {@code warmup} (an untimed job of one short task per
   * core, left out of the recording).
   */
  public record Action(long atMs, String kind, int worker, String task, String avoid, boolean replace) {}

  /** Reads a case file. */
  public static CaseSpec read(Path file) throws IOException {
    JsonNode n = new ObjectMapper().readTree(file.toFile());
    List<Worker> workers = new ArrayList<>();
    for (JsonNode w : list(n, "workers")) {
      workers.add(new Worker(w.get("host").asText(), w.get("cores").asInt(), w.path("startAtMs").asLong(0)));
    }
    Map<String, String> conf = new LinkedHashMap<>();
    n.path("conf").fields().forEachRemaining(e -> conf.put(e.getKey(), e.getValue().asText()));
    List<Job> jobs = new ArrayList<>();
    for (JsonNode j : list(n, "jobs")) {
      List<Stage> stages = new ArrayList<>();
      for (JsonNode s : list(j, "stages")) stages.add(stage(s));
      jobs.add(new Job(j.get("name").asText(), j.path("submitAtMs").asLong(0), j.path("interruptOnCancel").asBoolean(false),
          stages));
    }
    List<Action> actions = new ArrayList<>();
    for (JsonNode a : list(n, "actions")) {
      actions.add(new Action(a.get("atMs").asLong(), a.get("kind").asText(), a.path("worker").asInt(-1),
          a.path("task").asText(""), a.path("avoid").asText(""), a.path("replace").asBoolean(false)));
    }
    return new CaseSpec(n.get("name").asText(), n.path("description").asText(""), n.get("master").asText(), workers, conf,
        jobs, actions);
  }

  private static Stage stage(JsonNode s) {
    long[] sleep = null;
    long[][] phases = null;
    if (s.has("sleepMs")) sleep = longs(s.get("sleepMs"));
    if (s.has("phasesMs")) {
      JsonNode p = s.get("phasesMs");
      phases = new long[p.size()][];
      for (int i = 0; i < p.size(); i++) phases[i] = longs(p.get(i));
    }
    List<String> parents = new ArrayList<>();
    for (JsonNode p : list(s, "parents")) parents.add(p.asText());
    List<Failure> failures = new ArrayList<>();
    for (JsonNode f : list(s, "failures")) {
      failures.add(new Failure(f.path("stageAttempt").asInt(0), f.get("partition").asInt(), f.path("attempt").asInt(0),
          f.path("afterMs").asLong(0), f.path("kind").asText("fail")));
    }
    return new Stage(s.get("name").asText(), s.get("tasks").asInt(), s.path("barrier").asBoolean(false), sleep, phases,
        parents, s.hasNonNull("cachedFrom") ? s.get("cachedFrom").asText() : null, s.path("cache").asBoolean(false),
        failures);
  }

  private static long[] longs(JsonNode n) {
    if (!n.isArray()) return new long[] {n.asLong()};
    long[] v = new long[n.size()];
    for (int i = 0; i < v.length; i++) v[i] = n.get(i).asLong();
    return v;
  }

  private static Iterable<JsonNode> list(JsonNode n, String key) {
    return n.has(key) ? n.get(key) : List.of();
  }

  /** The number of task slots at the start (standalone: the workers started before the application). */
  int initialSlots() {
    if (master.startsWith("local-cluster[")) {
      String[] p = master.substring("local-cluster[".length(), master.length() - 1).split(",");
      return Integer.parseInt(p[0].trim()) * Integer.parseInt(p[1].trim());
    }
    return workers.stream().filter(w -> w.startAtMs() == 0).mapToInt(Worker::cores).sum();
  }

  /** The number of executors at the start. */
  int initialExecutors() {
    if (master.startsWith("local-cluster[")) {
      return Integer.parseInt(master.substring("local-cluster[".length()).split(",")[0].trim());
    }
    return (int) workers.stream().filter(w -> w.startAtMs() == 0).count();
  }
}
