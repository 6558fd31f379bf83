package dev.barriersim.report.output;

import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.html.ReportPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.html}: the scenario's page. It shows the charts of the registry that exist, in
 * registry order (none after {@code --no-charts}), so it is rendered after them.
 */
final class HtmlReportOutput implements RenderedOutput {
  private final List<String> chartNames;

  /** A page showing the charts named {@code chartNames} (file base names, in order) that exist. */
  HtmlReportOutput(List<String> chartNames) {
    this.chartNames = List.copyOf(chartNames);
  }

  @Override
  public String name() {
    return "report";
  }

  @Override
  public void render(ScenarioFiles in, Path out) throws IOException {
    List<String> charts = new ArrayList<>();
    List<String> names = chartNames;
    if (in.isSweep()) {
      // During run the sweep's table is only in the folder being written.
      var table = in.sweepTable().isPresent() ? in.sweepTable()
          : new ScenarioFiles(out, in.summary(), in.scenarioYaml()).sweepTable();
      names = table.map(t -> t.metrics().stream().map(m -> "sweep-" + m.name().replace('.', '-')).toList()).orElse(List.of());
    }
    for (String name : names) {
      for (String ext : new String[] {".svg", ".png"}) {
        String file = ScenarioFiles.CHARTS + "/" + name + ext;
        if (Files.isRegularFile(out.resolve(file)) || Files.isRegularFile(in.dir().resolve(file))) charts.add(file);
      }
    }
    Files.writeString(out.resolve(ReportPage.FILE), ReportPage.render(in, charts), StandardCharsets.UTF_8);
  }
}
