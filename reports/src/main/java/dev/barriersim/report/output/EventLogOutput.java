package dev.barriersim.report.output;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.Writer;

/** {@code <mode>/events.jsonl}: every event of the run, one JSON object per line. */
final class EventLogOutput implements RunOutput {
  @Override
  public String name() {
    return "events";
  }

  @Override
  public String file() {
    return ScenarioFiles.EVENTS;
  }

  @Override
  public RunOutputs attach(RunOutputs outputs, Writer writer) {
    return outputs.withEventLog(writer);
  }
}
