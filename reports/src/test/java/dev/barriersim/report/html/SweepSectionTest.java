package dev.barriersim.report.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.sweep.SweepFiles.Cell;
import dev.barriersim.report.sweep.SweepFiles.Difference;
import dev.barriersim.report.sweep.SweepFiles.Document;
import dev.barriersim.report.sweep.SweepFiles.MetricJson;
import dev.barriersim.report.sweep.SweepFiles.ParameterJson;
import dev.barriersim.report.sweep.SweepFiles.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The sweep section says how to read its charts: lines with bands, or a grid of paired differences. */
class SweepSectionTest {
  private static final MetricJson MAKESPAN = new MetricJson("makespanMs", "makespan", "duration");
  private static final List<String> CHARTS = List.of("charts/sweep-makespanMs.svg", "charts/sweep-makespanMs.png");

  private static Document sweep(List<ParameterJson> parameters) {
    List<Row> rows = new ArrayList<>();
    Cell c = new Cell(1000, new double[] {900, 1100}, 3, new Difference(500, new double[] {400, 600}, 3));
    long point = 0;
    for (String a : parameters.get(0).values()) {
      List<String> values = parameters.size() == 1 ? List.of(a) : List.of(a, parameters.get(1).values().get(0));
      for (String mode : List.of("barrier", "non-barrier")) rows.add(new Row(point, values, mode, null, Map.of("makespanMs", c)));
      point++;
    }
    return new Document("s", 1, "t", List.of("barrier", "non-barrier"), 3, List.of(), point, point * 6, parameters,
        List.of(MAKESPAN), rows);
  }

  private static String guide(Document d) {
    return guide(d, CHARTS);
  }

  private static String guide(Document d, List<String> charts) {
    return Jsoup.parse(SweepSection.render(d, charts)).select("#sweep p.small").text();
  }

  @Test
  void aFolderWithoutChartsSaysSoInsteadOfDescribingThem() {
    String text = guide(sweep(List.of(new ParameterJson("a", "a", 0, true, List.of("1", "2")))), List.of());
    assertTrue(text.startsWith("No charts in this folder"), text);
    assertFalse(text.contains("Each chart"), text);
    assertTrue(text.contains("sweep.csv"), "the data files are still linked: " + text);
  }

  @Test
  void aGridOfTwoNumbersIsReadAsPairedDifferencesPerCell() {
    String text = guide(sweep(List.of(new ParameterJson("a", "a", 0, true, List.of("1", "2")),
        new ParameterJson("b", "b", 1, true, List.of("10")))));
    assertTrue(text.contains("each cell holds the paired difference"), text);
    assertFalse(text.contains("as a band"), text);
  }

  @Test
  void oneParameterIsReadAsLinesWithBands() {
    String text = guide(sweep(List.of(new ParameterJson("a", "a", 0, true, List.of("1", "2")))));
    assertTrue(text.contains("95 % interval as a band, per arm"), text);
  }
}
