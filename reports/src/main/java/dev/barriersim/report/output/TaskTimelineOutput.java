package dev.barriersim.report.output;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.observe.TaskTimelineWriter;
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
    return outputs.withListener(new TaskTimelineWriter(writer));
  }
}
