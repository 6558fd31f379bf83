package dev.barriersim.report.output;

import dev.barriersim.report.sweep.SweepFiles;
import dev.barriersim.report.sweep.SweepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code sweep.csv} and {@code sweep.json}: one row per point and mode with every headline metric. */
final class SweepTableOutput implements SweepOutput {
  @Override
  public String name() {
    return "sweep";
  }

  @Override
  public void write(SweepResult result, Path dir) throws IOException {
    Files.writeString(dir.resolve(SweepFiles.CSV), SweepFiles.csv(result), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(SweepFiles.JSON), SweepFiles.json(result), StandardCharsets.UTF_8);
  }
}
