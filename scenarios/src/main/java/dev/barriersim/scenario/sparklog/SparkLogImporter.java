package dev.barriersim.scenario.sparklog;

import dev.barriersim.scenario.Problem;
import dev.barriersim.scenario.ScenarioException;
import dev.barriersim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports a Spark event log as a scenario: streams the log (plain or compressed, one file or a
 * rolling log's folder), keeps what scheduling depends on, and writes a scenario YAML that {@code
 * run} accepts and that replays the recorded timeline, with comments naming the log lines behind
 * every part and a list of what cannot be replayed.
 */
public final class SparkLogImporter {
  /** The loader refuses larger scenarios (see docs/scenario-format.md, section 11). */
  static final int MAX_SCENARIO_BYTES = 4 * 1024 * 1024;

  private SparkLogImporter() {}

  /** Imports {@code log}; a log that cannot be imported, or a job id it does not hold, is an {@link EventLogException}. */
  public static ImportResult importLog(Path log, ImportOptions options) throws EventLogException {
    RecordedApplication app = read(log, options.jobs(), options.recordedFile() != null);
    List<RecordedJob> jobs = select(app, options.jobs());
    ScenarioBuilder builder = new ScenarioBuilder(app, options, jobs);
    String yaml = builder.build();
    List<String> notReplayed = new ArrayList<>();
    for (ReplayGaps.Gap g : builder.gaps().all()) notReplayed.add(g.describe());
    int bytes = yaml.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_SCENARIO_BYTES) {
      String gap = "scenario size: the scenario is " + bytes + " bytes, more than the 4 MiB that run accepts; import"
          + " fewer jobs with --jobs, or use --as-distribution (at most " + ImportOptions.MAX_EMPIRICAL
          + " values per stage)";
      notReplayed.add(gap);
      yaml = "# " + gap + "\n" + yaml;
    } else {
      selfCheck(yaml);
    }
    long tasks = 0;
    for (RecordedJob j : jobs) {
      for (int sid : j.stageIds) {
        RecordedStage s = app.stages.get(sid);
        if (s != null && s.owner == j) for (RecordedStage.Attempt a : s.attempts.values()) tasks += a.taskCount;
      }
    }
    String summary = "imported " + jobs.size() + " of " + app.jobs.size() + " jobs (" + tasks + " task attempts) of "
        + app.appId + " (Spark " + app.sparkVersion + ") from " + app.events + " events";
    RecordedTimeline recorded = app.tasks == null ? null
        : new RecordedTimeline(app.tasks, app.stages, builder.origin(), builder.executorIds(), lanes(app));
    return new ImportResult(yaml, notReplayed, summary, recorded);
  }

  /** Task slots per Spark executor: its cores over spark.task.cpus. */
  private static java.util.Map<String, Integer> lanes(RecordedApplication app) {
    int cpus = 1;
    try {
      cpus = Math.max(1, Integer.parseInt(app.properties.getOrDefault("spark.task.cpus", "1").strip()));
    } catch (NumberFormatException e) {
      // an unreadable setting: one core per task, Spark's default
    }
    java.util.Map<String, Integer> out = new java.util.TreeMap<>();
    for (RecordedExecutor e : app.executors.values()) out.put(e.id, Math.max(1, e.cores / cpus));
    return out;
  }

  private static RecordedApplication read(Path log, Set<Integer> selected, boolean keepTasks) throws EventLogException {
    List<Path> files = EventLogFiles.of(log);
    RecordedApplication app = new RecordedApplication();
    if (keepTasks) app.tasks = new RecordedTasks();
    app.file = EventLogFiles.display(log);
    app.messageName = log.toString();
    long lineOffset = 0; // a rolling log's parts count their lines on, so the scenario's comments stay unambiguous
    for (int i = 0; i < files.size(); i++) {
      // Messages name the path as the user gave it; the scenario's comments only the file's name (no machine paths).
      String name = files.size() == 1 ? log.toString() : log.resolve(files.get(i).getFileName()).toString();
      ApplicationRecorder recorder = new ApplicationRecorder(app, name, selected, lineOffset);
      if (i > 0) recorder.continuing();
      lineOffset += EventReader.read(files.get(i), name, recorder).lastLine();
    }
    if (app.tasks != null) app.tasks.closeRunning();
    return app;
  }

  private static List<RecordedJob> select(RecordedApplication app, Set<Integer> wanted) throws EventLogException {
    if (app.jobs.isEmpty()) {
      throw new EventLogException(app.messageName, 0, "the log holds no job (no SparkListenerJobStart)",
          "a scenario needs at least one job: record an application that runs one");
    }
    List<RecordedJob> jobs = new ArrayList<>();
    Set<Integer> missing = new TreeSet<>(wanted);
    for (RecordedJob j : app.jobs.values()) {
      if (wanted.isEmpty() || wanted.contains(j.id)) {
        jobs.add(j);
        missing.remove(j.id);
      }
    }
    if (!missing.isEmpty()) {
      throw new EventLogException(app.messageName, 0, "no job " + missing + " in the log; its jobs are " + app.jobs.keySet(),
          "give --jobs a comma-separated list of Spark job ids from the log");
    }
    jobs.sort((a, b) -> a.submitted != b.submitted ? Long.compare(a.submitted, b.submitted) : Integer.compare(a.id, b.id));
    return jobs;
  }

  /** The text must load: a scenario the loader refuses is a bug of the importer, never the user's. */
  private static void selfCheck(String yaml) {
    try {
      ScenarioLoader.load("imported.yaml", yaml);
    } catch (ScenarioException e) {
      StringBuilder s = new StringBuilder("the imported scenario does not load:");
      for (Problem p : e.problems()) s.append('\n').append(p);
      throw new IllegalStateException(s.toString());
    }
  }
}
