package dev.barriersim.report.output;

import dev.barriersim.report.chart.ChartFiles;
import dev.barriersim.report.chart.SweepChart;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.sweep.SweepFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/** {@code charts/sweep-<metric>.png} and {@code .svg}: each headline metric against the swept parameter (sweeps only). */
final class SweepChartOutput implements RenderedOutput {
  @Override
  public String name() {
    return "sweep charts";
  }

  @Override
  public boolean isChart() {
    return true;
  }

  @Override
  public void render(ScenarioFiles in, Path out) throws IOException {
    Optional<SweepFiles.Document> table = in.sweepTable();
    if (table.isEmpty()) {
      // During run the table is only in the folder being written.
      Path written = out.resolve(SweepFiles.JSON);
      if (!in.isSweep() || !java.nio.file.Files.isRegularFile(written)) return;
      table = new ScenarioFiles(out, in.summary(), in.scenarioYaml()).sweepTable();
    }
    for (SweepFiles.MetricJson m : table.get().metrics()) {
      Optional<JFreeChart> chart = SweepChart.build(table.get(), m);
      if (chart.isPresent()) {
        String name = "sweep-" + m.name().replace('.', '-');
        ChartFiles.write(chart.get(), out.resolve(ScenarioFiles.CHARTS), name, SweepChart.WIDTH, SweepChart.HEIGHT);
      }
    }
  }
}
