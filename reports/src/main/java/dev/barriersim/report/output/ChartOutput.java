package dev.barriersim.report.output;

import dev.barriersim.report.chart.Chart;
import dev.barriersim.report.chart.ChartFiles;
import dev.barriersim.report.chart.ChartKind;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/** {@code charts/<name>.png} and {@code .svg} of one chart kind, when it applies to the scenario. */
final class ChartOutput implements RenderedOutput {
  private final ChartKind kind;

  ChartOutput(ChartKind kind) {
    this.kind = kind;
  }

  @Override
  public String name() {
    return kind.chart().name();
  }

  @Override
  public boolean isChart() {
    return true;
  }

  @Override
  public void render(ScenarioFiles in, Path out) throws IOException {
    if (in.isSweep()) return; // a sweep's folder has no runs of its own: its charts are the sweep charts
    Chart chart = kind.chart();
    Optional<JFreeChart> built = chart.build(in);
    if (built.isPresent()) {
      ChartFiles.write(built.get(), out.resolve(ScenarioFiles.CHARTS), chart.name(), chart.width(), chart.height());
    }
  }
}
