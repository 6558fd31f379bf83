package dev.barriersim.report.output;

import dev.barriersim.report.ScenarioResult;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.sweep.SweepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code scenario.yaml}: the scenario file as given, so the folder says what was simulated. */
final class ScenarioCopyOutput implements ResultOutput, SweepOutput {
  @Override
  public String name() {
    return "scenario";
  }

  @Override
  public void write(ScenarioResult result, Path dir) throws IOException {
    String text = result.plan().source();
    if (text != null) Files.writeString(dir.resolve(ScenarioFiles.SCENARIO), text, StandardCharsets.UTF_8);
  }

  @Override
  public void write(SweepResult result, Path dir) throws IOException {
    String text = result.plan().source();
    if (text != null) Files.writeString(dir.resolve(ScenarioFiles.SCENARIO), text, StandardCharsets.UTF_8);
  }
}
