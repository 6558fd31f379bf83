package dev.barriersim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.sweep.SweepFiles;
import dev.barriersim.report.sweep.SweepFiles.Cell;
import dev.barriersim.report.sweep.SweepFiles.Difference;
import dev.barriersim.report.sweep.SweepFiles.Document;
import dev.barriersim.report.sweep.SweepFiles.MetricJson;
import dev.barriersim.report.sweep.SweepFiles.ParameterJson;
import dev.barriersim.report.sweep.SweepFiles.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;

/** Which chart a sweep gets: lines with bands per arm (and per value of a second key), or a heat map of two numbers. */
class SweepChartTest {
  private static final MetricJson MAKESPAN = new MetricJson("makespanMs", "makespan", "duration");

  private static Document grid(ParameterJson a, ParameterJson b) {
    List<Row> rows = new ArrayList<>();
    long point = 0;
    for (String x : a.values()) {
      for (String y : b.values()) {
        for (String mode : List.of("barrier", "non-barrier")) {
          double v = 1000 * a.values().indexOf(x) + 10 * b.values().indexOf(y) + (mode.equals("barrier") ? 500 : 0);
          Cell c = new Cell(v, new double[] {v - 100, v + 100}, 3, new Difference(500, new double[] {400, 600}, 3));
          rows.add(new Row(point, List.of(x, y), mode, null, Map.of("makespanMs", c)));
        }
        point++;
      }
    }
    return new Document("s", 1, "t", List.of("barrier", "non-barrier"), 3, List.of(), point, point * 6, List.of(a, b),
        List.of(MAKESPAN), rows);
  }

  @Test
  void twoNumericKeysMakeAHeatMapOfThePairedDifference() {
    Document d = grid(new ParameterJson("a", "a", 0, true, List.of("1", "2", "4")),
        new ParameterJson("b", "b", 1, true, List.of("10", "20")));
    JFreeChart c = SweepChart.build(d, MAKESPAN).orElseThrow();
    XYPlot plot = (XYPlot) c.getPlot();
    assertInstanceOf(XYBlockRenderer.class, plot.getRenderer());
    assertEquals(6, plot.getDataset().getItemCount(0), "one cell per point");
    assertEquals(0.5, ((org.jfree.data.xy.XYZDataset) plot.getDataset()).getZValue(0, 0), 1e-9,
        "each cell is the paired difference (500 ms, in seconds), not an arm's mean");
  }

  @Test
  void everyHeatMapCellCarriesItsValueInTheUnitOfTheScale() {
    Document d = grid(new ParameterJson("a", "a", 0, true, List.of("1", "2", "4")),
        new ParameterJson("b", "b", 1, true, List.of("10", "20")));
    XYPlot plot = (XYPlot) SweepChart.build(d, MAKESPAN).orElseThrow().getPlot();
    List<XYTextAnnotation> labels = plot.getAnnotations().stream().map(XYTextAnnotation.class::cast).toList();
    assertEquals(6, labels.size(), "one label per cell");
    assertTrue(labels.stream().allMatch(l -> l.getText().equals("+0.50")), "500 ms in seconds, signed: a difference");
    assertEquals(0.0, labels.get(0).getX());
    assertEquals(1.0, labels.get(1).getY(), "at the cell's own grid position");
  }

  @Test
  void aMetricEqualAtEveryPointHasAScaleOfOneUnitEitherWay() {
    Document d = grid(new ParameterJson("a", "a", 0, true, List.of("1", "2")),
        new ParameterJson("b", "b", 1, true, List.of("10", "20")));
    MetricJson failed = new MetricJson("jobsFailed", "jobs failed", "count");
    List<Row> zero = d.rows().stream().map(r -> new Row(r.point(), r.values(), r.mode(), r.folder(),
        Map.of("jobsFailed", new Cell(0, new double[] {0, 0}, 3, new Difference(0, new double[] {0, 0}, 3))))).toList();
    Document none = new Document(d.scenario(), d.seed(), d.version(), d.modes(), d.replications(), d.overrides(),
        d.points(), d.runs(), d.parameters(), List.of(failed), zero);
    JFreeChart c = SweepChart.build(none, failed).orElseThrow();
    PaintScaleLegend legend = (PaintScaleLegend) c.getSubtitles().stream().filter(PaintScaleLegend.class::isInstance)
        .findFirst().orElseThrow();
    assertEquals(-1.0, legend.getAxis().getLowerBound());
    assertEquals(1.0, legend.getAxis().getUpperBound());
    assertTrue(((XYPlot) c.getPlot()).getAnnotations().stream().allMatch(a -> ((XYTextAnnotation) a).getText().equals("0")));
  }

  /** {@code d} with a job failed in the barrier arm at point {@code failedPoint} and none elsewhere. */
  private static Document withJobsFailedAt(Document d, long failedPoint) {
    List<Row> rows = d.rows().stream().map(r -> {
      Map<String, Cell> m = new java.util.HashMap<>(r.metrics());
      double failed = r.point() == failedPoint && r.mode().equals("barrier") ? 1 : 0;
      m.put("jobsFailed", new Cell(failed, new double[] {failed, failed}, 3, null));
      return new Row(r.point(), r.values(), r.mode(), r.folder(), m);
    }).toList();
    return new Document(d.scenario(), d.seed(), d.version(), d.modes(), d.replications(), d.overrides(), d.points(),
        d.runs(), d.parameters(), d.metrics(), rows);
  }

  @Test
  void pointsWhereAJobFailedAreMarkedOnEveryChartButCompletionTimeAndJobsFailed() {
    Document lines = withJobsFailedAt(grid(new ParameterJson("a", "a", 0, true, List.of("1", "2", "4")),
        new ParameterJson("dur", "dur", 1, false, List.of("2s"))), 1);
    JFreeChart c = SweepChart.build(lines, MAKESPAN).orElseThrow();
    XYPlot plot = (XYPlot) c.getPlot();
    DeviationRenderer r = (DeviationRenderer) plot.getRenderer();
    assertTrue(r.getItemShapeFilled(0, 0), "a=1: no job failed");
    assertFalse(r.getItemShapeFilled(0, 1), "a=2: hollow in the barrier line");
    assertFalse(r.getItemShapeFilled(1, 1), "and in the non-barrier line: the point's makespans are not comparable");
    assertTrue(subtitles(c).contains("Hollow markers: a job failed at that point"), subtitles(c));
    MetricJson completion = new MetricJson("completionMs", "completion time", "duration");
    Document completionOnly = withJobsFailedAt(grid(new ParameterJson("a", "a", 0, true, List.of("1", "2")),
        new ParameterJson("dur", "dur", 1, false, List.of("2s"))), 1);
    List<Row> renamed = completionOnly.rows().stream().map(row -> new Row(row.point(), row.values(), row.mode(), row.folder(),
        Map.of("completionMs", row.metrics().get("makespanMs"), "jobsFailed", row.metrics().get("jobsFailed")))).toList();
    Document cd = new Document("s", 1, "t", completionOnly.modes(), 3, List.of(), completionOnly.points(),
        completionOnly.runs(), completionOnly.parameters(), List.of(completion), renamed);
    DeviationRenderer cr = (DeviationRenderer) ((XYPlot) SweepChart.build(cd, completion).orElseThrow().getPlot()).getRenderer();
    assertTrue(cr.getItemShapeFilled(0, 1), "completion time compares the jobs that succeeded in both arms: no mark");

    Document heat = withJobsFailedAt(grid(new ParameterJson("a", "a", 0, true, List.of("1", "2")),
        new ParameterJson("b", "b", 1, true, List.of("10", "20"))), 3);
    List<String> labels = ((XYPlot) SweepChart.build(heat, MAKESPAN).orElseThrow().getPlot()).getAnnotations().stream()
        .map(a -> ((XYTextAnnotation) a).getText()).toList();
    assertEquals(List.of("+0.50", "+0.50", "+0.50", "+0.50*"), labels);
  }

  @Test
  void utilizationSaysItCountsTimeInsideBarrierAsBusy() {
    Document d = grid(new ParameterJson("a", "a", 0, true, List.of("1", "2")), new ParameterJson("b", "b", 1, false, List.of("x")));
    MetricJson util = new MetricJson("makespanMs", "core utilization", "percent"); // the grid's cells, read as a percent
    assertTrue(subtitles(SweepChart.build(d, util).orElseThrow()).contains("time inside barrier() included"));
    assertFalse(subtitles(SweepChart.build(d, MAKESPAN).orElseThrow()).contains("barrier()"));
  }

  private static String subtitles(JFreeChart c) {
    StringBuilder sb = new StringBuilder();
    for (Object t : c.getSubtitles()) if (t instanceof org.jfree.chart.title.TextTitle tt) sb.append(tt.getText()).append('\n');
    return sb.toString();
  }

  @Test
  void cellTextIsShortAndNeverNegativeZero() {
    assertEquals("+83.4", SweepChart.cellText(83.41, true));
    assertEquals("-1.87", SweepChart.cellText(-1.8712, true));
    assertEquals("1234", SweepChart.cellText(1234.4, false));
    assertEquals("0", SweepChart.cellText(-0.001, true));
    assertEquals("0", SweepChart.cellText(0, true));
  }

  @Test
  void aSecondKeyThatIsNotANumberGivesOneLinePerValueAndArm() {
    Document d = grid(new ParameterJson("a", "a", 0, true, List.of("1", "2", "4")),
        new ParameterJson("dur", "dur", 1, false, List.of("2s", "1m")));
    JFreeChart c = SweepChart.build(d, MAKESPAN).orElseThrow();
    XYPlot plot = (XYPlot) c.getPlot();
    assertInstanceOf(DeviationRenderer.class, plot.getRenderer());
    assertEquals(4, plot.getDataset().getSeriesCount());
    assertEquals("barrier, dur=2s", plot.getDataset().getSeriesKey(0));
    assertEquals(0.5, plot.getDataset().getYValue(0, 0), 1e-9, "the barrier mean at a=1, dur=2s: 500 ms, in seconds");
    assertEquals("non-barrier, dur=1m", plot.getDataset().getSeriesKey(3));
    assertEquals(2.01, plot.getDataset().getYValue(3, 2), 1e-9, "non-barrier at a=4, dur=1m: 2,010 ms, in seconds");
  }

  @Test
  void aMetricNoPointHasHasNoChart() {
    Document d = grid(new ParameterJson("a", "a", 0, true, List.of("1")), new ParameterJson("b", "b", 1, false, List.of("x")));
    assertTrue(SweepChart.build(d, new MetricJson("barrierWaitMs", "barrier wait", "duration")).isEmpty());
  }
}
