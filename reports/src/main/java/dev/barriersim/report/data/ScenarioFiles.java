package dev.barriersim.report.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.barriersim.report.SummaryJson.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of one scenario's output folder, as the charts and pages read them: the parsed
 * {@code summary.json}, the scenario text, and the per-mode {@code tasks.csv} and
 * {@code events.jsonl} of replication 0. Reports read outputs, never engine objects, so that
 * {@code barriersim report OUTDIR} renders exactly what {@code run} rendered.
 */
public record ScenarioFiles(Path dir, Summary summary, Optional<String> scenarioYaml) {
  /** The copy of the scenario file inside the folder. */
  public static final String SCENARIO = "scenario.yaml";
  /** The summary inside the folder. */
  public static final String SUMMARY = "summary.json";
  /** Per-mode task rows. */
  public static final String TASKS = "tasks.csv";
  /** Per-mode event log. */
  public static final String EVENTS = "events.jsonl";
  /** Folder of the recorded run of an imported scenario ({@code recorded/tasks.csv}). */
  public static final String RECORDED = "recorded";
  /** Folder of the charts. */
  public static final String CHARTS = "charts";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Reads {@code summary.json} (and {@code scenario.yaml} when present) of {@code dir}. */
  public static ScenarioFiles open(Path dir) throws IOException {
    Summary summary = MAPPER.readValue(dir.resolve(SUMMARY).toFile(), Summary.class);
    Path yaml = dir.resolve(SCENARIO);
    Optional<String> text = Files.isRegularFile(yaml)
        ? Optional.of(Files.readString(yaml, StandardCharsets.UTF_8)) : Optional.empty();
    return new ScenarioFiles(dir, summary, text);
  }

  /** The modes that ran, in summary order ({@code barrier} before {@code non-barrier} by default). */
  public List<String> modes() {
    if (summary.modes() != null) return summary.modes();
    // Summaries written before the field existed: the modes of the runs, in order of appearance.
    return summary.runs() == null ? List.of()
        : summary.runs().stream().map(dev.barriersim.report.SummaryJson.Run::mode).distinct().toList();
  }

  /** {@code tasks.csv} of {@code mode}. */
  public Path tasks(String mode) {
    return dir.resolve(mode).resolve(TASKS);
  }

  /** {@code events.jsonl} of {@code mode}. */
  public Path events(String mode) {
    return dir.resolve(mode).resolve(EVENTS);
  }

  /** {@code recorded/tasks.csv}: the recorded task attempts of an imported scenario (present only for those). */
  public Path recordedTasks() {
    return dir.resolve(RECORDED).resolve(TASKS);
  }

  /** The charts folder. */
  public Path charts() {
    return dir.resolve(CHARTS);
  }

  /** True for the folder of a sweep (its summary has a {@code sweep} part and no runs). */
  public boolean isSweep() {
    return summary.sweep() != null;
  }

  /** The folder's {@code sweep.json}, when it is a sweep's folder and has one. */
  public Optional<dev.barriersim.report.sweep.SweepFiles.Document> sweepTable() throws IOException {
    Path f = dir.resolve(dev.barriersim.report.sweep.SweepFiles.JSON);
    if (!isSweep() || !Files.isRegularFile(f)) return Optional.empty();
    return Optional.of(MAPPER.readValue(f.toFile(), dev.barriersim.report.sweep.SweepFiles.Document.class));
  }

  /** Replication 0 of {@code mode}, if it ran. */
  public Optional<dev.barriersim.report.SummaryJson.Run> first(String mode) {
    return summary.runs().stream().filter(r -> r.mode().equals(mode) && r.replication() == 0).findFirst();
  }
}
