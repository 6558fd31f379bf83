package dev.barriersim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.data.Interval;
import dev.barriersim.report.data.OutputFixture;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.data.TaskStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GanttChartTest {
  @TempDir Path tmp;

  @Test
  void oneLanePerExecutorSlotAndOneBarPerAttempt() throws IOException {
    GanttData d = GanttChart.data(TinyFolder.write(tmp));
    assertFalse(d.heat());
    assertEquals(6000, d.spanMs());
    assertEquals(List.of("train/prep", "train/fit", "gang/all"), d.stages(), "declaration order of the scenario");
    assertEquals(2, d.arms().size());
    GanttData.Arm barrier = d.arms().get(0);
    assertEquals("barrier", barrier.mode());
    assertEquals(List.of(new GanttData.Lane("0", 0), new GanttData.Lane("0", 1), new GanttData.Lane("1", 0),
        new GanttData.Lane("1", 1)), barrier.lanes(), "4 cores / spark.task.cpus 2 = 2 lanes per executor");
    assertEquals(7, barrier.bars().size());
    assertEquals(7, barrier.attempts());
    GanttData.Arm plain = d.arms().get(1);
    assertEquals(4, plain.lanes().size());
    assertEquals(4, plain.bars().size());
  }

  @Test
  void barsCarryStatusStageBarrierWaitsAndGpus() throws IOException {
    List<GanttData.Bar> bars = GanttChart.data(TinyFolder.write(tmp)).arms().get(0).bars();
    GanttData.Bar failedPrep = bars.get(1);
    assertEquals(TaskStatus.FAILED, failedPrep.status());
    assertEquals(ChartStyle.FAILED, GanttRenderer.fill(failedPrep), "failed attempts are red whatever their stage");
    assertEquals(2, failedPrep.lane(), "exec 1 slot 0");
    assertFalse(failedPrep.barrierStage());
    GanttData.Bar killed = bars.get(3);
    assertEquals(ChartStyle.KILLED, GanttRenderer.fill(killed));
    assertTrue(killed.barrierStage());
    assertEquals(List.of(new Interval(2500, 3000)), killed.barrierWaits());
    assertEquals("gpu 0", killed.gpus());
    GanttData.Bar ok = bars.get(5);
    assertEquals(1, ok.stage());
    assertEquals(StagePalette.color(1), GanttRenderer.fill(ok), "a successful attempt has its stage's colour");
    GanttData.Bar running = bars.get(6);
    assertEquals(TaskStatus.RUNNING, running.status());
    assertEquals(3200, running.startMs());
    assertEquals(6000, running.endMs(), "still running: drawn to the end of the run");
    assertEquals(2, running.lane());
    assertNull(bars.get(0).gpus());
  }

  @Test
  void theNonBarrierModeGetsDerivedSlotsAndNoBarrierOutline() throws IOException {
    GanttData.Arm plain = GanttChart.data(TinyFolder.write(tmp)).arms().get(1);
    assertEquals(List.of(0, 1, 2, 3), plain.bars().stream().map(GanttData.Bar::lane).toList());
    assertTrue(plain.bars().stream().noneMatch(GanttData.Bar::barrierStage));
  }

  @Test
  void lostExecutorsAndSlotChecksAreShown() throws IOException {
    GanttData d = GanttChart.data(TinyFolder.write(tmp));
    assertEquals(List.of(new GanttData.Absence(2, 3, new Interval(5500, 6000), true)), d.arms().get(0).absences());
    assertEquals(List.of(100L, 600L), d.arms().get(0).slotChecks());
    assertEquals(List.of(), d.arms().get(1).absences());
  }

  @Test
  void anExecutorAddedLateIsNotYetThereRatherThanLost() throws IOException {
    ScenarioFiles in = new OutputFixture(tmp).modes("barrier")
        .run(OutputFixture.run("barrier", 0, 10_000, List.of(), List.of(), 4, 0))
        .tasks("barrier", OutputFixture.NEW_HEADER, "j,s,0,0,0,1,h,2000,9000,SUCCESS,,0,0,,")
        .events("barrier",
            "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"0\",\"host\":\"h\",\"cores\":2}",
            "{\"t\":2000,\"type\":\"ExecutorAdded\",\"executor\":\"1\",\"host\":\"h\",\"cores\":2}",
            "{\"t\":9500,\"type\":\"ExecutorLost\",\"executor\":\"0\",\"reason\":\"x\"}",
            "{\"t\":10000,\"type\":\"JobEnded\",\"job\":\"j\",\"status\":\"SUCCEEDED\"}")
        .open();
    GanttData d = GanttChart.data(in);
    assertEquals(List.of(new GanttData.Absence(2, 3, new Interval(0, 2000), false),
        new GanttData.Absence(0, 1, new Interval(9500, 10_000), true)).stream().sorted(
            java.util.Comparator.comparingInt(GanttData.Absence::first)).toList(), d.arms().get(0).absences());
    assertEquals(List.of("j/s", "executor not yet added", "executor lost (red line: when)"),
        legend(((CombinedDomainXYPlot) GanttChart.chart(in, d).getPlot()).getLegendItems()));
  }

  @Test
  void theChartHasOneSubplotPerModeOnOneTimeAxisAndSaysWhatItShows() throws IOException {
    ScenarioFiles in = TinyFolder.write(tmp);
    JFreeChart c = new GanttChart().build(in).orElseThrow();
    CombinedDomainXYPlot plot = (CombinedDomainXYPlot) c.getPlot();
    assertEquals(2, plot.getSubplots().size());
    assertEquals("time since the run started (s)", plot.getDomainAxis().getLabel());
    XYPlot barrier = (XYPlot) plot.getSubplots().get(0);
    assertTrue(barrier.getRangeAxis().getLabel().startsWith("barrier"));
    assertEquals(7, barrier.getDataset().getItemCount(0));
    assertTrue(subtitles(c).contains("scenario tiny · seed 7 · replication 0 of 1 · barrier vs non-barrier"));
    XYPlot plain = (XYPlot) plot.getSubplots().get(1);
    List<String> ended = new ArrayList<>();
    for (Object m : plain.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
      org.jfree.chart.plot.ValueMarker v = (org.jfree.chart.plot.ValueMarker) m;
      ended.add(v.getLabel() + " at " + v.getValue());
    }
    assertEquals(List.of("run ended at 4.0"), ended, "the non-barrier run ended 2 s before the barrier one");
    assertEquals(List.of("train/prep", "train/fit", "failed attempt", "killed attempt (hatched)",
        "barrier stage (dark outline)", "waiting inside barrier() (lighter)", "executor lost (red line: when)",
        "barrier job's slot check failed (SPARK-24819)"), legend(plot.getLegendItems()));
  }

  @Test
  void lanesAreLabelledOneByOneOrPerExecutorWhenThereAreTooMany() {
    List<GanttData.Lane> few = List.of(new GanttData.Lane("0", 0), new GanttData.Lane("0", 1));
    assertEquals(List.of("exec 0 · slot 0", "exec 0 · slot 1"), Arrays.asList(GanttChart.laneLabels(few)));
    List<GanttData.Lane> many = new ArrayList<>();
    for (int e = 0; e < 100; e++) {
      for (int s = 0; s < 8; s++) many.add(new GanttData.Lane(String.valueOf(e), s));
    }
    String[] labels = GanttChart.laneLabels(many);
    long shown = Arrays.stream(labels).filter(l -> !l.isEmpty()).count();
    assertTrue(shown <= GanttChart.MAX_LABELS && shown >= GanttChart.MAX_LABELS / 2, "shown " + shown);
    assertEquals("exec 0", labels[3], "at the executor's middle lane");
  }

  /** 20,000 attempts: 4 executors x 4 lanes busy back to back, 1,250 attempts of 1 s per lane. */
  @Test
  void aLargeRunBecomesHeatStripsOfMeanBusySlots() throws IOException {
    OutputFixture f = new OutputFixture(tmp).modes("barrier")
        .run(OutputFixture.run("barrier", 0, 1_250_000, List.of(), List.of(), 16, 0));
    Path csv = tmp.resolve("barrier").resolve("tasks.csv");
    Files.createDirectories(csv.getParent());
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write(OutputFixture.OLD_HEADER + "\n");
      int id = 0;
      for (int k = 0; k < 1250; k++) {
        for (int e = 0; e < 4; e++) {
          for (int s = 0; s < 4; s++) {
            w.write("etl,scan,0," + id + ",0," + e + ",h," + k * 1000 + "," + (k + 1) * 1000 + ",SUCCESS,,"
                + id++ + "\n");
          }
        }
      }
    }
    f.events("barrier",
        "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"0\",\"host\":\"h\",\"cores\":4}",
        "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"1\",\"host\":\"h\",\"cores\":4}",
        "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"2\",\"host\":\"h\",\"cores\":4}",
        "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"3\",\"host\":\"h\",\"cores\":4}",
        "{\"t\":1250000,\"type\":\"JobEnded\",\"job\":\"etl\",\"status\":\"SUCCEEDED\"}");
    ScenarioFiles in = f.open();
    GanttData d = GanttChart.data(in);
    assertTrue(d.heat());
    GanttData.Arm arm = d.arms().get(0);
    assertEquals(20_000, arm.attempts());
    assertTrue(arm.bars().isEmpty(), "no bar is kept past the limit");
    GanttData.Heat h = arm.heat();
    assertEquals(List.of("0", "1", "2", "3"), h.rows());
    assertEquals(1, h.executorsPerRow());
    assertEquals(4, h.maxLanes());
    assertEquals((1_250_000 + GanttData.HEAT_BUCKETS - 1) / GanttData.HEAT_BUCKETS, h.bucketMs());
    for (double[] row : h.meanBusy()) {
      // The last bucket reaches past the end of the run (1,250,000 ms is not a multiple of the bucket).
      for (int b = 0; b < row.length - 1; b++) assertEquals(4.0, row[b], 1e-9, "every lane busy all the time");
      assertTrue(row[row.length - 1] > 0 && row[row.length - 1] <= 4.0);
    }
    JFreeChart c = GanttChart.chart(in, d);
    XYPlot sub = (XYPlot) ((CombinedDomainXYPlot) c.getPlot()).getSubplots().get(0);
    assertTrue(sub.getRenderer() instanceof HeatCells.Renderer);
    assertEquals(4, sub.getDataset().getItemCount(0), "one cell per row: every bucket is at the darkest level");
    assertTrue(subtitles(c).stream().anyMatch(s -> s.startsWith("More than 3,000 task attempts in a mode")),
        subtitles(c).toString());
  }

  @Test
  void heatBucketsSplitPartlyCoveredBuckets() throws IOException {
    // One attempt from 1.5 to 3.5 buckets on a 2-lane executor, limit 0 forces heat.
    OutputFixture f = new OutputFixture(tmp).modes("barrier")
        .run(OutputFixture.run("barrier", 0, 10L * GanttData.HEAT_BUCKETS, List.of(), List.of(), 2, 0))
        .tasks("barrier", OutputFixture.OLD_HEADER, "j,s,0,0,0,0,h,15,35,SUCCESS,,0")
        .events("barrier", "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"0\",\"host\":\"h\",\"cores\":2}");
    ScenarioFiles in = f.open();
    GanttData d = GanttData.read(in, 0);
    GanttData.Heat h = d.arms().get(0).heat();
    assertEquals(10, h.bucketMs());
    double[] row = h.meanBusy()[0];
    assertEquals(0.0, row[0], 1e-9);
    assertEquals(0.5, row[1], 1e-9);
    assertEquals(1.0, row[2], 1e-9);
    assertEquals(0.5, row[3], 1e-9);
    assertEquals(0.0, row[4], 1e-9);
  }

  @Test
  void manyExecutorsShareHeatRowsAndCellsMergeEqualShades() throws IOException {
    String[] events = new String[250];
    for (int e = 0; e < 250; e++) {
      events[e] = "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"" + e + "\",\"host\":\"h\",\"cores\":2}";
    }
    long span = 10L * GanttData.HEAT_BUCKETS;
    OutputFixture f = new OutputFixture(tmp).modes("barrier")
        .run(OutputFixture.run("barrier", 0, span, List.of(), List.of(), 500, 0))
        .tasks("barrier", OutputFixture.OLD_HEADER,
            "j,s,0,0,0,0,h,0," + span + ",SUCCESS,,0",        // exec 0: 1 of 2 slots for the whole run
            "j,s,0,1,0,4,h,0," + span / 2 + ",SUCCESS,,1",    // exec 4 (row 1): 2 of 2 slots for half of it
            "j,s,0,2,0,4,h,0," + span / 2 + ",SUCCESS,,2")
        .events("barrier", events);
    ScenarioFiles in = f.open();
    GanttData.Heat h = GanttData.read(in, 0).arms().get(0).heat();
    assertEquals(4, h.executorsPerRow(), "250 executors over at most 80 rows");
    assertEquals(63, h.rows().size());
    assertEquals("0–3", h.rows().get(0));
    assertEquals("248–249", h.rows().get(62));
    assertEquals(0.25, h.meanBusy()[0][0], 1e-9, "one busy slot among four executors");
    assertEquals(0.5, h.meanBusy()[1][0], 1e-9);
    assertEquals(0.0, h.meanBusy()[1][GanttData.HEAT_BUCKETS - 1], 1e-9);
    BusyPaintScale paints = new BusyPaintScale(h.maxLanes());
    List<HeatCells.Cell> cells = HeatCells.of(h, paints);
    assertEquals(List.of(new HeatCells.Cell(0, 0, span, 1), new HeatCells.Cell(1, 0, span / 2, 2)), cells,
        "1/4 of 2 slots is level 1 of 8, 2/4 is level 2; idle buckets have no cell");
  }

  static List<String> legend(LegendItemCollection items) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.getItemCount(); i++) out.add(items.get(i).getLabel());
    return out;
  }

  static List<String> subtitles(JFreeChart c) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < c.getSubtitleCount(); i++) {
      if (c.getSubtitle(i) instanceof TextTitle t) out.add(t.getText());
    }
    return out;
  }
}
