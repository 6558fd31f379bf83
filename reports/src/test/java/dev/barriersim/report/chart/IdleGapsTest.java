package dev.barriersim.report.chart;

import static dev.barriersim.report.data.OutputFixture.job;
import static dev.barriersim.report.data.OutputFixture.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.data.Interval;
import dev.barriersim.report.data.OutputFixture;
import dev.barriersim.report.data.ScenarioFiles;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two bursts of work an hour apart: the hour between them is cut from the Gantt and utilization time axis. */
class IdleGapsTest {
  @TempDir Path tmp;

  private static final String YAML = """
      name: bursts
      seed: 3
      cluster:
        executors:
          - {count: 1, cores: 2}
      jobs:
        - name: etl
          repeat: {count: 2, every: 1h}
          stages:
            - {name: scan, tasks: 2, duration: 4s}
      """;

  /** Bursts at 1-5 s and 3,600-3,604 s with barrier, 1-4 s and 3,600-3,603 s without; {@code extra} rows added. */
  private OutputFixture bursts(Path dir, String... extraPlainRows) throws IOException {
    List<String> plain = new ArrayList<>(List.of(
        "etl#1,scan,0,0,0,0,h,1000,4000,SUCCESS,,0,0,,",
        "etl#1,scan,0,1,0,0,h,1000,4000,SUCCESS,,1,1,,"));
    plain.addAll(List.of(extraPlainRows));
    plain.add("etl#2,scan,0,0,0,0,h,3600000,3603000,SUCCESS,,2,0,,");
    plain.add("etl#2,scan,0,1,0,0,h,3600000,3603000,SUCCESS,,3,1,,");
    return new OutputFixture(dir).scenario("bursts", 3).yaml(YAML)
        .run(run("barrier", 0, 3_604_000, List.of(job("etl#1", "SUCCEEDED", 1000, 5000L),
            job("etl#2", "SUCCEEDED", 3_600_000, 3_604_000L)), List.of(), 2, 16_000))
        .run(run("non-barrier", 0, 3_603_000, List.of(job("etl#1", "SUCCEEDED", 1000, 4000L),
            job("etl#2", "SUCCEEDED", 3_600_000, 3_603_000L)), List.of(), 2, 12_000))
        .tasks("barrier", OutputFixture.NEW_HEADER,
            "etl#1,scan,0,0,0,0,h,1000,5000,SUCCESS,,0,0,,",
            "etl#1,scan,0,1,0,0,h,1000,5000,SUCCESS,,1,1,,",
            "etl#2,scan,0,0,0,0,h,3600000,3604000,SUCCESS,,2,0,,",
            "etl#2,scan,0,1,0,0,h,3600000,3604000,SUCCESS,,3,1,,")
        .events("barrier", "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"0\",\"host\":\"h\",\"cores\":2}")
        .tasks("non-barrier", OutputFixture.NEW_HEADER, plain.toArray(String[]::new))
        .events("non-barrier", "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"0\",\"host\":\"h\",\"cores\":2}");
  }

  private ScenarioFiles bursts() throws IOException {
    return bursts(tmp).open();
  }

  @Test
  void theHourIdleInBothModesIsTheGap() throws IOException {
    FolderReads reads = FolderReads.of(bursts());
    assertEquals(3_604_000, reads.spanMs());
    CutTimeline t = reads.timeline();
    assertEquals(1, t.cuts().size());
    CutTimeline.Cut c = t.cuts().get(0);
    assertEquals(3_595_000, c.idleMs(), "from the barrier burst's end at 5 s to the next launch at 3,600 s");
    assertTrue(c.startMs() > 5_000 && c.endMs() < 3_600_000, "a margin of idle time stays on each side");
  }

  @Test
  void idleInOneModeOnlyIsNotAGap() throws IOException {
    ScenarioFiles in = bursts(tmp, "etl#1,scan,0,2,0,0,h,4000,3600000,SUCCESS,,9,0,,").open();
    assertFalse(FolderReads.of(in).timeline().hasCuts());
  }

  @Test
  void aGangWaitingForSlotsIsNotIdle() throws IOException {
    ScenarioFiles in = bursts(tmp)
        .events("barrier", "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"0\",\"host\":\"h\",\"cores\":2}",
            "{\"t\":6000,\"type\":\"StageSubmitted\",\"job\":\"gang\",\"stage\":\"all\",\"stageId\":1,\"stageAttempt\":0,"
                + "\"tasks\":4,\"barrier\":true}",
            "{\"t\":3600000,\"type\":\"StageCompleted\",\"job\":\"gang\",\"stage\":\"all\",\"stageId\":1,"
                + "\"stageAttempt\":0,\"status\":\"FAILED\"}")
        .open();
    assertFalse(FolderReads.of(in).timeline().hasCuts(), "the wait from 6 s to 3,600 s is what the chart must show");
  }

  @Test
  void gapsAreChosenAgainstWhatIsLeftShown() {
    // Two days cut first; then the two hours before the first burst are long next to the 30 minutes left.
    long h = 3_600_000;
    List<Interval> gaps = List.of(new Interval(0, 2 * h), new Interval(2 * h + 10 * 60_000, 26 * h),
        new Interval(26 * h + 10 * 60_000, 50 * h), new Interval(50 * h + 2 * 60_000, 50 * h + 3 * 60_000));
    assertEquals(gaps.subList(0, 3), IdleGaps.select(gaps, 50 * h + 10 * 60_000),
        "the one-minute pause within the last burst stays: it is under 10 % of what is shown");
    assertEquals(List.of(), IdleGaps.select(List.of(new Interval(0, 4_000)), 20_000), "never a gap of a few seconds");
  }

  @Test
  void ganttBarsAndUtilizationCurvesSitOnTheCutAxis() throws IOException {
    ScenarioFiles in = bursts();
    GanttData g = GanttChart.data(in);
    CutTimeline t = g.timeline();
    GanttDataset bars = new GanttDataset("barrier", g.arms().get(0).bars(), t);
    assertEquals(1.0, bars.getStartXValue(0, 0), 1e-9, "seconds, before the cut: as they are");
    assertEquals(t.toDisplayMs(3_600_000) / 1000.0, bars.getStartXValue(0, 2), 1e-9);
    assertTrue(bars.getStartXValue(0, 2) < 10, "the second burst starts a few seconds after the first, not an hour");

    JFreeChart gantt = GanttChart.chart(in, g);
    CombinedDomainXYPlot plot = (CombinedDomainXYPlot) gantt.getPlot();
    assertTrue(plot.getDomainAxis() instanceof CutTimeAxis);
    assertEquals("time since the run started (tick labels in real time; idle gaps cut)", plot.getDomainAxis().getLabel());
    for (Object sub : plot.getSubplots()) assertEquals(1, breaks((XYPlot) sub).size(), "a break marker in each panel");
    assertTrue(GanttChartTest.subtitles(gantt).stream().anyMatch(s -> s.startsWith("1 idle gap cut from the time axis")
        && s.contains("≈ 59m 55s in all")), GanttChartTest.subtitles(gantt).toString());

    UtilizationData u = UtilizationChart.data(in);
    XYPlot cores = (XYPlot) ((CombinedDomainXYPlot) UtilizationChart.chart(in, u).getPlot()).getSubplots().get(0);
    XYDataset busy = cores.getDataset();
    List<Double> xs = new ArrayList<>();
    for (int i = 0; i < busy.getItemCount(0); i++) xs.add(busy.getXValue(0, i));
    assertEquals(List.of(0.0, 1.0, 1.0, 5.0, 5.0, t.x(3_600_000), t.x(3_600_000), t.x(3_604_000), t.x(3_604_000)), xs,
        "steps at 1 s, 5 s, then the second burst just past the band");
  }

  @Test
  void ticksAreRealTimeAndNeverInsideTheBand() throws IOException {
    ScenarioFiles in = bursts();
    JFreeChart c = new GanttChart().build(in).orElseThrow();
    CutTimeAxis axis = (CutTimeAxis) ((CombinedDomainXYPlot) c.getPlot()).getDomainAxis();
    BufferedImage img = new BufferedImage(1400, 900, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = img.createGraphics();
    Rectangle2D area = new Rectangle2D.Double(100, 50, 1200, 700);
    List<?> ticks = axis.refreshTicks(g2, new AxisState(), area, RectangleEdge.BOTTOM);
    g2.dispose();
    CutTimeline t = FolderReads.of(in).timeline();
    CutTimeline.Cut cut = t.cuts().get(0);
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (Object o : ticks) {
      NumberTick tick = (NumberTick) o;
      assertFalse(tick.getValue() > t.x(cut.startMs()) && tick.getValue() < t.x(cut.endMs()), tick.getText());
      (tick.getValue() < t.x(cut.startMs()) ? before : after).add(tick.getText());
    }
    assertTrue(before.contains("1s") && before.contains("5s"), before.toString());
    assertTrue(after.contains("1h 00m 00s") && after.contains("1h 00m 04s"), after.toString());
  }

  @Test
  void heatStripsBucketDisplayTimeSoACutLeavesNoEmptyBuckets() throws IOException {
    GanttData g = GanttData.read(bursts(), 0);
    assertTrue(g.heat());
    GanttData.Heat h = g.arms().get(0).heat();
    assertEquals((g.timeline().displaySpanMs() + GanttData.HEAT_BUCKETS - 1) / GanttData.HEAT_BUCKETS, h.bucketMs(),
        "about 40 ms, not the 15 s an hour would give");
    long secondBurst = g.timeline().toDisplayMs(3_600_000) / h.bucketMs() + 2;
    assertEquals(2.0, h.meanBusy()[0][(int) secondBurst], 1e-9, "both lanes busy in the second burst");
  }

  @Test
  void theSameFolderGivesTheSameBytesWhateverTheLocale() throws IOException {
    ScenarioFiles in = bursts();
    java.util.Locale before = java.util.Locale.getDefault();
    for (Chart chart : List.of(new GanttChart(), new UtilizationChart())) {
      try {
        java.util.Locale.setDefault(java.util.Locale.US);
        ChartFiles.write(chart.build(in).orElseThrow(), tmp.resolve("a"), chart.name(), chart.width(), chart.height());
        java.util.Locale.setDefault(java.util.Locale.GERMANY); // decimal comma: must not reach tick labels
        ChartFiles.write(chart.build(ScenarioFiles.open(in.dir())).orElseThrow(), tmp.resolve("b"), chart.name(),
            chart.width(), chart.height());
      } finally {
        java.util.Locale.setDefault(before);
      }
      for (String ext : List.of(".png", ".svg")) {
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(chart.name() + ext)),
            Files.readAllBytes(tmp.resolve("b").resolve(chart.name() + ext)), chart.name() + ext);
      }
    }
  }

  private static List<XYAnnotation> breaks(XYPlot p) {
    List<XYAnnotation> out = new ArrayList<>();
    for (Object a : p.getAnnotations()) if (a instanceof IdleGapBreak b) out.add(b);
    return out;
  }
}
