package dev.barriersim.report.output;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.Writer;

/** {@code <mode>/tasks.csv}: one row per task attempt, in launch order. */
final class TaskTimelineOutput implements RunOutput {
  @Override
  public String name() {
    return "tasks";
  }

  @Override
  public String file() {
    return ScenarioFiles.TASKS;
  }

  @Override
  public RunOutputs attach(RunOutputs outputs, Writer writer) {
    return outputs.withTaskTimeline(writer); // written on a thread of its own, beside the event log
  }
}
