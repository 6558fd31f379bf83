package dev.barriersim.report.chart;

import static dev.barriersim.report.data.OutputFixture.job;
import static dev.barriersim.report.data.OutputFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.Stats;
import dev.barriersim.report.SummaryJson.Job;
import dev.barriersim.report.data.OutputFixture;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonChartTest {
  @TempDir Path tmp;

  /** Three replications per mode; job times chosen so that every mean and difference is known. */
  private ScenarioFiles folder() throws IOException {
    return folder(true);
  }

  /** As {@link #folder()}; the barrier train job fails in replication 1 only when {@code trainFails}. */
  private ScenarioFiles folder(boolean trainFails) throws IOException {
    OutputFixture f = new OutputFixture(tmp).scenario("cmp", 3).replications(3);
    for (int r = 0; r < 3; r++) {
      List<Job> barrier = new ArrayList<>(List.of(job("etl#1", "SUCCEEDED", 0, 4000L + 1000 * r),
          job("etl#2", "SUCCEEDED", 1000, 3000L + 1000 * r)));
      barrier.add(r == 1 && trainFails ? job("train", "FAILED", 0, 500L)
          : job("train", "SUCCEEDED", 0, 10000L + 1000 * r));
      f.run(run("barrier", r, 10000 + 2000 * r, barrier, List.of(), 8, 0));
      f.run(run("non-barrier", r, 9000 + 1000 * r, List.of(job("etl#1", "SUCCEEDED", 0, 3000L + 500 * r),
          job("etl#2", "SUCCEEDED", 1000, 3000L), job("train", "SUCCEEDED", 0, 9000L)), List.of(), 8, 0));
    }
    return f.aggregate("barrier", "makespanMs", 12000, 7031.6, 16968.4, 3)
        .aggregate("barrier", "cores.wastedCoreMs", 60000, 30000, 90000, 3)
        .aggregate("barrier", "cores.utilization", 0.5, 0.45, 0.55, 3)
        .aggregate("barrier", "barrier.waitMs", 3000, 1000, 5000, 3)
        .aggregate("barrier", "barrier.slotCheckWaitMs", 0, 0, 0, 3)
        .aggregate("barrier", "resources.gpu.utilization", 0.8, 0.7, 0.9, 3)
        .aggregate("non-barrier", "makespanMs", 10000, 7515.8, 12484.2, 3)
        .aggregate("non-barrier", "cores.wastedCoreMs", 6000, 3000, 9000, 3)
        .aggregate("non-barrier", "cores.utilization", 0.4, 0.35, 0.45, 3)
        .aggregate("non-barrier", "barrier.waitMs", 0, 0, 0, 3)
        .aggregate("non-barrier", "barrier.slotCheckWaitMs", 0, 0, 0, 3)
        .aggregate("non-barrier", "resources.gpu.utilization", 0.6, 0.5, 0.7, 3)
        .aggregate("paired", "makespanMs", 2000, -484.2, 4484.2, 3)
        .aggregate("paired", "cores.wastedCoreMs", 54000, 20000, 88000, 3)
        .aggregate("paired", "cores.utilization", 0.1, 0.05, 0.15, 3)
        .aggregate("paired", "barrier.waitMs", 3000, 1000, 5000, 3)
        .aggregate("paired", "barrier.slotCheckWaitMs", 0, 0, 0, 3)
        .aggregate("paired", "resources.gpu.utilization", 0.2, 0.1, 0.3, 3)
        .open();
  }

  @Test
  void metricsAreGroupedByUnitAndZeroOnlyBarrierMetricsAreLeftOut() throws IOException {
    ComparisonData d = ComparisonChart.data(folder());
    assertEquals(List.of("barrier", "non-barrier"), d.modes());
    assertEquals(3, d.replications());
    assertEquals(List.of("Time", "Core time", "Utilization"), d.panels().stream().map(ComparisonData.Panel::title).toList());
    assertEquals(List.of("makespan: not compared, a job failed", "job etl (2 instances)", "job train",
        "barrier TaskSets waiting for slots"), labels(d.panels().get(0)), "slot-check wait is 0 everywhere: no row");
    assertEquals(List.of("wasted (failed or killed attempts)"), labels(d.panels().get(1)));
    assertEquals(List.of("core utilization", "GPU utilization"), labels(d.panels().get(2)));
  }

  @Test
  void aFailedJobKeepsTheMakespansButDropsTheirDifference() throws IOException {
    ComparisonData.Row makespan = ComparisonChart.data(folder(true)).panels().get(0).rows().get(0);
    assertEquals(12000, makespan.byMode().get("barrier").mean(), 1e-9, "the bars stay: they are what happened");
    assertNull(makespan.paired(), "a failed job ends its run early, so the difference would flatter that arm");
    assertEquals("makespan", ComparisonChart.data(folder(false)).panels().get(0).rows().get(0).label());
  }

  @Test
  void modeMeansAndPairedDifferencesComeFromTheAggregates() throws IOException {
    ComparisonData.Row makespan = ComparisonChart.data(folder(false)).panels().get(0).rows().get(0);
    assertEquals(new ComparisonData.Estimate(12000, 7031.6, 16968.4, 3), makespan.byMode().get("barrier"));
    assertEquals(new ComparisonData.Estimate(10000, 7515.8, 12484.2, 3), makespan.byMode().get("non-barrier"));
    assertEquals(new ComparisonData.Estimate(2000, -484.2, 4484.2, 3), makespan.paired());
  }

  @Test
  void jobRowsAverageSucceededInstancesPerRunThenEstimateOverReplications() throws IOException {
    List<ComparisonData.Row> rows = ComparisonChart.data(folder()).panels().get(0).rows();
    ComparisonData.Row etl = rows.get(1);
    // barrier per run: (4000 + 2000) / 2, (5000 + 3000) / 2, (6000 + 4000) / 2 = 3000, 4000, 5000
    assertEquals(ComparisonData.Estimate.of(Stats.of(3000, 4000, 5000)), etl.byMode().get("barrier"));
    assertEquals(4000, etl.byMode().get("barrier").mean(), 1e-9);
    assertEquals(ComparisonData.Estimate.of(Stats.of(2500, 2750, 3000)), etl.byMode().get("non-barrier"));
    assertEquals(ComparisonData.Estimate.of(Stats.of(500, 1250, 2000)), etl.paired());
    ComparisonData.Row train = rows.get(2);
    assertEquals(2, train.byMode().get("barrier").n(), "replication 1 failed the job: left out");
    assertEquals(11000, train.byMode().get("barrier").mean(), 1e-9);
    assertEquals(ComparisonData.Estimate.of(Stats.of(1000, 3000)), train.paired());
  }

  @Test
  void theChartShowsMeansWithIntervalHalfWidthsInHumanUnits() throws IOException {
    ScenarioFiles in = folder(false);
    JFreeChart c = new ComparisonChart().build(in).orElseThrow();
    ChartGrid grid = (ChartGrid) c.getPlot();
    assertEquals(3, grid.rows().size());
    assertEquals(2, grid.rows().get(0).cells().size());
    DefaultStatisticalCategoryDataset time =
        (DefaultStatisticalCategoryDataset) grid.rows().get(0).cells().get(0).getCategoryPlot().getDataset();
    assertEquals(12.0, time.getMeanValue("barrier", "makespan").doubleValue(), 1e-9, "seconds");
    assertEquals((16968.4 - 7031.6) / 2 / 1000, time.getStdDevValue("barrier", "makespan").doubleValue(), 1e-9);
    assertEquals("time (s)", grid.rows().get(0).cells().get(0).getCategoryPlot().getRangeAxis().getLabel());
    DefaultStatisticalCategoryDataset diff =
        (DefaultStatisticalCategoryDataset) grid.rows().get(0).cells().get(1).getCategoryPlot().getDataset();
    assertEquals(2.0, diff.getMeanValue(ComparisonChart.DIFFERENCE, "makespan").doubleValue(), 1e-9);
    DefaultStatisticalCategoryDataset core =
        (DefaultStatisticalCategoryDataset) grid.rows().get(1).cells().get(0).getCategoryPlot().getDataset();
    assertEquals(60.0, core.getMeanValue("barrier", "wasted (failed or killed attempts)").doubleValue(), 1e-9,
        "60,000 core-ms in core-seconds: the largest bound, 90 core-s, is under 10 minutes");
    assertEquals("core time (core·s)", grid.rows().get(1).cells().get(0).getCategoryPlot().getRangeAxis().getLabel());
    DefaultStatisticalCategoryDataset util =
        (DefaultStatisticalCategoryDataset) grid.rows().get(2).cells().get(0).getCategoryPlot().getDataset();
    assertEquals(80.0, util.getMeanValue("barrier", "GPU utilization").doubleValue(), 1e-9, "percent");
    assertTrue(GanttChartTest.subtitles(c).contains("scenario cmp · seed 3 · 3 replications · barrier vs non-barrier"));
  }

  @Test
  void oneReplicationDrawsNoIntervals() throws IOException {
    OutputFixture f = new OutputFixture(tmp).modes("barrier")
        .run(run("barrier", 0, 5000, List.of(job("a", "SUCCEEDED", 0, 5000L)), List.of(), 4, 0))
        .aggregate("barrier", "makespanMs", 5000, 5000, 5000, 1)
        .aggregate("barrier", "cores.utilization", 0.25, 0.25, 0.25, 1);
    ScenarioFiles in = f.open();
    ComparisonData d = ComparisonChart.data(in);
    assertNull(d.panels().get(0).rows().get(0).paired(), "one mode: nothing to pair");
    ChartGrid grid = (ChartGrid) ComparisonChart.chart(in, d).getPlot();
    assertEquals(1, grid.rows().get(0).cells().size(), "no difference panel");
    DefaultStatisticalCategoryDataset time =
        (DefaultStatisticalCategoryDataset) grid.rows().get(0).cells().get(0).getCategoryPlot().getDataset();
    assertEquals(5.0, time.getMeanValue("barrier", "makespan").doubleValue(), 1e-9);
    assertNull(time.getStdDevValue("barrier", "makespan"));
  }

  @Test
  void valueLabelsSayDurationsInHumanUnitsAndSignDifferences() {
    ComparisonChart.Unit minutes = new ComparisonChart.Unit("min", 60_000, " min");
    ComparisonChart.ValueLabels perMode = new ComparisonChart.ValueLabels(ComparisonData.Kind.DURATION, minutes, false);
    assertEquals("30m 42s", perMode.text(30.7), "not 30.7 min, and never 0.5 h");
    ComparisonChart.Unit hours = new ComparisonChart.Unit("h", 3_600_000, " h");
    assertEquals("50h 32m", new ComparisonChart.ValueLabels(ComparisonData.Kind.DURATION, hours, false).text(50.53));
    ComparisonChart.Unit seconds = new ComparisonChart.Unit("s", 1000, " s");
    ComparisonChart.ValueLabels diff = new ComparisonChart.ValueLabels(ComparisonData.Kind.DURATION, seconds, true);
    assertEquals("+2m 18s", diff.text(138.0));
    assertEquals("-0.8s", diff.text(-0.8));
    assertEquals("0", diff.text(0));
    assertEquals("0.9s", perMode.text(0.85 / 60));
    assertEquals("40ms", perMode.text(0.04 / 60));
    ComparisonChart.Unit percent = new ComparisonChart.Unit("%", 0.01, " %");
    assertEquals("+6.6 pp", new ComparisonChart.ValueLabels(ComparisonData.Kind.FRACTION, percent, true).text(6.6));
    assertEquals("48.9 %", new ComparisonChart.ValueLabels(ComparisonData.Kind.FRACTION, percent, false).text(48.9));
    ComparisonChart.Unit coreMin = new ComparisonChart.Unit("core·min", 60_000, " core·min");
    assertEquals("+403 core·min", new ComparisonChart.ValueLabels(ComparisonData.Kind.CORE_TIME, coreMin, true).text(403.04));
    assertEquals("14.1 core·min", new ComparisonChart.ValueLabels(ComparisonData.Kind.CORE_TIME, coreMin, false).text(14.1));
  }

  @Test
  void aMakespanOfDaysBesideJobsOfMinutesGetsItsOwnPanel() throws IOException {
    long day = 86_400_000;
    OutputFixture f = new OutputFixture(tmp).modes("barrier", "non-barrier");
    f.run(run("barrier", 0, 2 * day, List.of(job("nightly#1", "SUCCEEDED", 0, 1_800_000L),
        job("nightly#2", "SUCCEEDED", day, day + 1_900_000L)), List.of(), 8, 0));
    f.run(run("non-barrier", 0, 2 * day, List.of(job("nightly#1", "SUCCEEDED", 0, 1_700_000L),
        job("nightly#2", "SUCCEEDED", day, day + 1_750_000L)), List.of(), 8, 0));
    for (String group : List.of("barrier", "non-barrier", "paired")) {
      f.aggregate(group, "makespanMs", group.equals("paired") ? 0 : 2 * day, 0, 2 * day, 1);
      f.aggregate(group, "cores.utilization", 0.02, 0.02, 0.02, 1);
    }
    ComparisonData d = ComparisonChart.data(f.open());
    assertEquals(List.of("Makespan", "Time", "Utilization"), d.panels().stream().map(ComparisonData.Panel::title).toList());
    assertEquals(List.of("job nightly (2 instances)"), labels(d.panels().get(1)));
  }

  @Test
  void aJobThatNeverSucceededInAModeSaysSoInsteadOfShowingAnEmptyBar() throws IOException {
    OutputFixture f = new OutputFixture(tmp)
        .run(run("barrier", 0, 45_000, List.of(job("waves", "FAILED", 0, 45_000L)), List.of(), 4, 0))
        .run(run("non-barrier", 0, 2_000, List.of(job("waves", "SUCCEEDED", 0, 2_000L)), List.of(), 4, 0))
        .aggregate("barrier", "makespanMs", 45_000, 45_000, 45_000, 1)
        .aggregate("non-barrier", "makespanMs", 2_000, 2_000, 2_000, 1)
        .aggregate("paired", "makespanMs", 43_000, 43_000, 43_000, 1);
    List<ComparisonData.Row> rows = ComparisonChart.data(f.open()).panels().stream()
        .filter(p -> p.kind() == ComparisonData.Kind.DURATION).flatMap(p -> p.rows().stream()).toList();
    assertEquals(List.of("makespan: not compared, a job failed", "job waves (did not succeed in any barrier run)"),
        rows.stream().map(ComparisonData.Row::label).toList());
    assertNull(rows.get(0).paired(), "45 s against 2 s would say barrier is slower, when its job failed");
  }

  private static List<String> labels(ComparisonData.Panel p) {
    return p.rows().stream().map(ComparisonData.Row::label).toList();
  }
}
