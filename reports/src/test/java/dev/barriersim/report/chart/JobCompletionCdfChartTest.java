package dev.barriersim.report.chart;

import static dev.barriersim.report.data.OutputFixture.job;
import static dev.barriersim.report.data.OutputFixture.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.data.OutputFixture;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobCompletionCdfChartTest {
  @TempDir Path tmp;

  @Test
  void aLongCdfKeepsOnlyTheTimesWhereItCrossesAStep() {
    long[] sorted = new long[10_000];
    for (int i = 0; i < sorted.length; i++) sorted[i] = i + 1;
    org.jfree.data.xy.XYSeries s = JobCompletionCdfChart.cdfSeries("x", sorted, TimeScale.SECONDS);
    assertEquals(2 * (JobCompletionCdfChart.MAX_CDF_STEPS + 1), s.getItemCount(), "the first time, then one per step");
    assertEquals(100.0, s.getY(s.getItemCount() - 1).doubleValue(), 1e-9);
    assertEquals(10.0, s.getX(s.getItemCount() - 1).doubleValue(), 1e-9, "the last job's time, in seconds");
    for (int i = 1; i < s.getItemCount(); i++) {
      assertTrue(s.getY(i).doubleValue() - s.getY(i - 1).doubleValue() <= 100.0 / JobCompletionCdfChart.MAX_CDF_STEPS + 1e-9);
    }
  }

  @Test
  void oneJobGivesNoChart() throws IOException {
    ScenarioFiles in = new OutputFixture(tmp)
        .run(run("barrier", 0, 5000, List.of(job("a", "SUCCEEDED", 0, 5000L)), List.of(), 4, 0))
        .run(run("non-barrier", 0, 4000, List.of(job("a", "SUCCEEDED", 0, 4000L)), List.of(), 4, 0))
        .open();
    assertFalse(JobCompletionCdfChart.data(in).applies());
    assertTrue(new JobCompletionCdfChart().build(in).isEmpty());
  }

  @Test
  void succeededJobsOnlyAndSlowdownsOfJobsThatSucceededInBothModes() throws IOException {
    JobCompletionData d = JobCompletionCdfChart.data(TinyFolder.write(tmp));
    assertTrue(d.applies());
    assertEquals(2, d.cdfs().size());
    assertArrayEquals(new long[] {5600}, d.cdfs().get(0).sortedMs(), "gang failed in the barrier mode");
    assertArrayEquals(new long[] {800, 4000}, d.cdfs().get(1).sortedMs());
    assertEquals(0.5, d.cdfs().get(1).at(3999));
    assertEquals(1.0, d.cdfs().get(1).at(4000));
    assertEquals(2, d.jobs().get("barrier"));
    assertEquals(List.of(new JobCompletionData.Slowdown("train", 0, 4000, 5600)), d.slowdowns());
    assertEquals(1.4, d.slowdowns().get(0).ratio(), 1e-9);
  }

  @Test
  void aJobsSlowdownPointsTakeTheColourOfItsFirstStageOnTheGantt() throws IOException {
    ScenarioFiles in = TinyFolder.write(tmp);
    JFreeChart c = new JobCompletionCdfChart().build(in).orElseThrow();
    XYPlot slow = (XYPlot) ((CombinedDomainXYPlot) c.getPlot()).getSubplots().get(1);
    assertEquals("slowdown · job train", slow.getDataset().getSeriesKey(0));
    java.awt.Color paint = (java.awt.Color) slow.getRenderer().getSeriesPaint(0);
    assertEquals(StagePalette.color(0).getRGB() & 0xffffff, paint.getRGB() & 0xffffff, "train/prep is the first stage declared");
    assertEquals(StagePalette.color(2), JobColors.of(in, dev.barriersim.report.data.ScenarioConf.of(in)).of("gang"),
        "gang/all comes after train's two stages");
  }

  @Test
  void theCdfIsAStepFromZeroToOneHundredPercentAndSaysWhatIsPooled() throws IOException {
    OutputFixture f = new OutputFixture(tmp).replications(2);
    for (int r = 0; r < 2; r++) {
      f.run(run("barrier", r, 9000, List.of(job("a#1", "SUCCEEDED", 0, 3000L + r * 1000),
          job("a#2", "SUCCEEDED", 1000, 9000L)), List.of(), 4, 0));
      f.run(run("non-barrier", r, 8000, List.of(job("a#1", "SUCCEEDED", 0, 2000L),
          job("a#2", "FAILED", 1000, 2000L)), List.of(), 4, 0));
    }
    ScenarioFiles in = f.open();
    JobCompletionData d = JobCompletionCdfChart.data(in);
    assertArrayEquals(new long[] {3000, 4000, 8000, 8000}, d.cdfs().get(0).sortedMs(), "both replications pooled");
    assertEquals(2, d.slowdowns().size(), "a#1 of each replication; a#2 failed without barrier");
    JFreeChart c = JobCompletionCdfChart.chart(in, d);
    XYPlot cdf = (XYPlot) ((CombinedDomainXYPlot) c.getPlot()).getSubplots().get(0);
    XYDataset ds = cdf.getDataset();
    double[][] expected = {{3, 0}, {3, 25}, {4, 25}, {4, 50}, {8, 50}, {8, 100}};
    assertEquals(expected.length, ds.getItemCount(0));
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i][0], ds.getXValue(0, i), 1e-9);
      assertEquals(expected[i][1], ds.getYValue(0, i), 1e-9);
    }
    XYPlot slow = (XYPlot) ((CombinedDomainXYPlot) c.getPlot()).getSubplots().get(1);
    assertEquals("slowdown · job a", slow.getDataset().getSeriesKey(0));
    assertEquals(1.5, slow.getDataset().getYValue(0, 0), 1e-9);
    assertEquals(2.0, slow.getDataset().getYValue(0, 1), 1e-9);
    assertTrue(GanttChartTest.subtitles(c).stream().anyMatch(s -> s.startsWith("succeeded jobs only, all 2 replications pooled")
        && s.contains("non-barrier: 2 of 4 jobs succeeded")), GanttChartTest.subtitles(c).toString());
  }
}
