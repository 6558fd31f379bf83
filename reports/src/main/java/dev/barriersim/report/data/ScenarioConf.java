package dev.barriersim.report.data;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import dev.barriersim.report.SummaryJson;
import dev.barriersim.scenario.ScenarioException;
import dev.barriersim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the charts take from the scenario itself: {@code spark.task.cpus} (no output file carries
 * it) and the declared order of jobs and stages (for a stable stage palette). Read from the folder's
 * {@code scenario.yaml}; folders written before that copy existed fall back to what the outputs
 * imply.
 */
public record ScenarioConf(Optional<SimulationSpec> spec, int taskCpus, boolean taskCpusInferred) {

  /** Reads {@code in}'s scenario copy, or infers {@code spark.task.cpus} when there is none (or it no longer loads). */
  public static ScenarioConf of(ScenarioFiles in) throws IOException {
    Optional<SimulationSpec> spec = in.scenarioYaml().flatMap(y -> parse(y, in.summary().overrides()));
    if (spec.isPresent()) return new ScenarioConf(spec, spec.get().conf().taskCpus(), false);
    return new ScenarioConf(Optional.empty(), inferTaskCpus(in), true);
  }

  private static Optional<SimulationSpec> parse(String yaml, List<String> overrides) {
    try {
      return Optional.of(ScenarioLoader.load(ScenarioFiles.SCENARIO, yaml, overrides).spec());
    } catch (ScenarioException e) {
      return Optional.empty(); // e.g. a copy written by a newer version with keys this one does not know
    }
  }

  /**
   * {@code busyCoreMs} of a run counts {@code spark.task.cpus} cores per running attempt, so its
   * ratio to the attempts' summed run time (rounded) recovers the setting; 1 when there is nothing to divide.
   */
  static int inferTaskCpus(ScenarioFiles in) throws IOException {
    for (String mode : in.modes()) {
      Optional<SummaryJson.Run> run = in.first(mode);
      if (run.isEmpty() || !Files.isRegularFile(in.tasks(mode))) continue;
      long makespan = run.get().makespanMs();
      long[] taskMs = {0};
      TasksCsv.forEach(in.tasks(mode), r -> taskMs[0] += r.endOr(makespan) - r.launchMs());
      if (taskMs[0] > 0) return (int) Math.max(1, Math.round((double) run.get().cores().busyCoreMs() / taskMs[0]));
    }
    return 1;
  }

  /** Stage names as the palette keys them ({@code job/stage}, job without its {@code #k}), in declaration order. */
  public List<String> declaredStages() {
    List<String> out = new ArrayList<>();
    spec.ifPresent(s -> {
      for (JobSpec j : s.jobs()) {
        for (StageSpec st : j.stages()) out.add(stageKey(j.name(), st.name()));
      }
    });
    return out;
  }

  /** The palette key of a stage of a job instance: {@code etl#3}, {@code scan} -> {@code etl/scan}. */
  public static String stageKey(String job, String stage) {
    return jobTemplate(job) + "/" + stage;
  }

  /** A job instance's declared name: {@code etl#3} -> {@code etl}. */
  public static String jobTemplate(String job) {
    int hash = job.lastIndexOf('#');
    return hash < 0 ? job : job.substring(0, hash);
  }
}
