package dev.barriersim.report.output;

import dev.barriersim.report.ScenarioResult;
import dev.barriersim.report.JsonOutput;
import dev.barriersim.report.SummaryJson;
import dev.barriersim.report.sweep.SweepFiles;
import dev.barriersim.report.sweep.SweepResult;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code summary.json}: every run and the aggregates over replications; for a sweep, every point's aggregates. */
final class SummaryOutput implements ResultOutput, SweepOutput {
  @Override
  public String name() {
    return "summary";
  }

  @Override
  public void write(ScenarioResult result, Path dir) throws IOException {
    Files.writeString(dir.resolve(ScenarioFiles.SUMMARY), SummaryJson.render(result), StandardCharsets.UTF_8);
  }

  @Override
  public void write(SweepResult result, Path dir) throws IOException {
    Files.writeString(dir.resolve(ScenarioFiles.SUMMARY), JsonOutput.render(SweepFiles.summary(result)), StandardCharsets.UTF_8);
  }
}
