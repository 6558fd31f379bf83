package dev.barriersim.report.output;

import dev.barriersim.report.ScenarioResult;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code recorded/tasks.csv}: the recorded task attempts of an imported scenario (its
 * {@code recorded} file), copied so the folder holds the recorded run beside the simulated ones
 * and the chart and page can be rendered again from the folder alone.
 */
final class RecordedTimelineOutput implements ResultOutput {
  @Override
  public String name() {
    return "recorded";
  }

  @Override
  public void write(ScenarioResult result, Path dir) throws IOException {
    Path source = result.plan().recorded();
    if (source == null) return;
    Path target = dir.resolve(ScenarioFiles.RECORDED).resolve(ScenarioFiles.TASKS);
    Files.createDirectories(target.getParent());
    Files.copy(source, target);
  }
}
