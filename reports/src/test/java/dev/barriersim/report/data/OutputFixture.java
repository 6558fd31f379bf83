package dev.barriersim.report.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.barriersim.report.SummaryJson.Barrier;
import dev.barriersim.report.SummaryJson.Cores;
import dev.barriersim.report.SummaryJson.EstimateJson;
import dev.barriersim.report.SummaryJson.Job;
import dev.barriersim.report.SummaryJson.Run;
import dev.barriersim.report.SummaryJson.Stage;
import dev.barriersim.report.SummaryJson.Summary;
import dev.barriersim.report.SummaryJson.Tasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes small hand-made output folders (summary.json, scenario.yaml, per-mode tasks.csv and events.jsonl) for tests. */
public final class OutputFixture {
  /** The header tasks.csv has today. */
  public static final String NEW_HEADER =
      "job,stage,stageAttempt,partition,attempt,executor,host,launchMs,endMs,status,reason,taskId,slot,resources,barrierWaits";
  /** The header of files written before slot, resources and barrierWaits. */
  public static final String OLD_HEADER = "job,stage,stageAttempt,partition,attempt,executor,host,launchMs,endMs,status,reason,taskId";

  private final Path dir;
  private final List<Run> runs = new ArrayList<>();
  private final Map<String, Map<String, EstimateJson>> aggregates = new LinkedHashMap<>();
  private List<String> modes = List.of("barrier", "non-barrier");
  private int replications = 1;
  private String scenario = "fixture";
  private long seed = 7;

  public OutputFixture(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public OutputFixture scenario(String name, long seed) {
    this.scenario = name;
    this.seed = seed;
    return this;
  }

  public OutputFixture modes(String... modes) {
    this.modes = List.of(modes);
    return this;
  }

  public OutputFixture replications(int n) {
    this.replications = n;
    return this;
  }

  public OutputFixture run(Run run) {
    runs.add(run);
    return this;
  }

  public OutputFixture aggregate(String group, String metric, double mean, double lo, double hi, long n) {
    aggregates.computeIfAbsent(group, g -> new LinkedHashMap<>())
        .put(metric, new EstimateJson(mean, 0, new double[] {lo, hi}, n));
    return this;
  }

  /** A run with the given makespan, jobs and stages, zero task counts and the given core figures. */
  public static Run run(String mode, int replication, long makespanMs, List<Job> jobs, List<Stage> stages,
      long totalCores, long busyCoreMs) {
    return new Run(mode, replication, 7 + replication, "COMPLETED", makespanMs, 0, "d", jobs, stages,
        new Tasks(0, 0, 0, 0), new Cores(totalCores, busyCoreMs, 0, 0, 0), new Barrier(0, 0, 0, 0, 0, 0),
        List.of());
  }

  public static Job job(String name, String status, long submitMs, Long endMs) {
    return new Job(name, status, submitMs, submitMs, endMs, null);
  }

  public static Stage stage(String job, String stage, boolean barrier, int id) {
    return new Stage(job, stage, barrier, 1, "SUCCEEDED", 0L, 0L, id);
  }

  public OutputFixture yaml(String text) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(ScenarioFiles.SCENARIO), text, StandardCharsets.UTF_8);
    return this;
  }

  public OutputFixture tasks(String mode, String header, String... rows) throws IOException {
    Files.createDirectories(dir.resolve(mode));
    StringBuilder b = new StringBuilder(header).append('\n');
    for (String r : rows) b.append(r).append('\n');
    Files.writeString(dir.resolve(mode).resolve(ScenarioFiles.TASKS), b.toString(), StandardCharsets.UTF_8);
    return this;
  }

  public OutputFixture events(String mode, String... lines) throws IOException {
    Files.createDirectories(dir.resolve(mode));
    Files.writeString(dir.resolve(mode).resolve(ScenarioFiles.EVENTS), String.join("\n", lines) + "\n",
        StandardCharsets.UTF_8);
    return this;
  }

  /** Writes summary.json and opens the folder. */
  public ScenarioFiles open() throws IOException {
    Files.createDirectories(dir);
    Summary s = new Summary(scenario, seed, "test", runs, aggregates, modes, replications);
    new ObjectMapper().writeValue(dir.resolve(ScenarioFiles.SUMMARY).toFile(), s);
    return ScenarioFiles.open(dir);
  }
}
