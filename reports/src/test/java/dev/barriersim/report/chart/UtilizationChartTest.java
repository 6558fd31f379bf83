package dev.barriersim.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.data.Interval;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UtilizationChartTest {
  @TempDir Path tmp;

  @Test
  void busyCoresCountRunningAttemptsTimesTaskCpus() throws IOException {
    UtilizationData d = UtilizationChart.data(TinyFolder.write(tmp));
    assertEquals(2, d.taskCpus());
    assertFalse(d.taskCpusInferred());
    StepCurve.Points busy = d.modes().get(0).busyCores();
    long[] at = {0, 999, 1000, 1500, 1999, 2000, 2600, 3000, 3100, 3200, 5200, 5999};
    double[] expected = {4, 4, 2, 2, 2, 4, 2, 0, 0, 4, 2, 2};
    for (int i = 0; i < at.length; i++) assertEquals(expected[i], busy.at(at[i]), "at " + at[i]);
    assertFalse(busy.bucketed());
    StepCurve.Points plain = d.modes().get(1).busyCores();
    assertEquals(4, plain.at(0));
    assertEquals(2, plain.at(1200));
    assertEquals(4, plain.at(1500), "one ends and two launch at 1,500");
    assertEquals(0, plain.at(4000));
  }

  @Test
  void gpusAndCapacityFollowTheExecutors() throws IOException {
    UtilizationData d = UtilizationChart.data(TinyFolder.write(tmp));
    assertTrue(d.gpus());
    UtilizationData.Mode barrier = d.modes().get(0);
    assertEquals(0, barrier.busyGpus().at(1999));
    assertEquals(2, barrier.busyGpus().at(2000));
    assertEquals(1, barrier.busyGpus().at(2600));
    assertEquals(0, barrier.busyGpus().at(3000));
    assertEquals(2, barrier.busyGpus().at(3200));
    assertEquals(1, barrier.busyGpus().at(5200));
    assertEquals(8, barrier.totalCores().at(5499));
    assertEquals(4, barrier.totalCores().at(5500), "executor 1 lost at 5,500");
    assertEquals(4, barrier.totalGpus().at(0));
    assertEquals(2, barrier.totalGpus().at(5500));
    assertEquals(0, d.modes().get(1).totalGpus().at(0), "old events have no resources");
  }

  @Test
  void waitsAndSlotChecksAreShadedAndMarked() throws IOException {
    ScenarioFiles in = TinyFolder.write(tmp);
    UtilizationData d = UtilizationChart.data(in);
    assertEquals(List.of(new Interval(100, 600), new Interval(1800, 2000), new Interval(2700, 3200)),
        d.modes().get(0).waits(), "the gang job in failed slot checks, then the fit TaskSets waiting for slots");
    assertEquals(List.of(100L, 600L), d.modes().get(0).slotChecks());
    assertEquals(List.of(), d.modes().get(1).waits());

    JFreeChart c = UtilizationChart.chart(in, d);
    CombinedDomainXYPlot plot = (CombinedDomainXYPlot) c.getPlot();
    assertEquals(2, plot.getSubplots().size(), "cores and GPUs");
    XYPlot cores = (XYPlot) plot.getSubplots().get(0);
    List<double[]> shaded = new ArrayList<>();
    for (Marker m : markers(cores.getDomainMarkers(Layer.BACKGROUND))) {
      IntervalMarker im = (IntervalMarker) m;
      shaded.add(new double[] {im.getStartValue(), im.getEndValue()});
    }
    assertEquals(3, shaded.size());
    assertArrayEquals(new double[] {0.1, 0.6}, shaded.get(0), 1e-9, "seconds: the span is 6 s");
    assertArrayEquals(new double[] {1.8, 2.0}, shaded.get(1), 1e-9);
    assertArrayEquals(new double[] {2.7, 3.2}, shaded.get(2), 1e-9);
    List<Double> lines = new ArrayList<>();
    List<String> lineLabels = new ArrayList<>();
    for (Marker m : markers(cores.getDomainMarkers(Layer.FOREGROUND))) {
      lines.add(((ValueMarker) m).getValue());
      lineLabels.add(m.getLabel());
    }
    assertEquals(List.of(0.1, 0.6, 4.0), lines, "two failed slot checks, and where the shorter run ended");
    assertEquals("non-barrier run ended", lineLabels.get(2));
    // Series: busy outside barrier() for the mode that has barrier() waits (under the rest), busy per
    // mode, then the total capacity per mode (they differ: only the barrier run lost an executor), on top.
    assertEquals(5, cores.getDataset().getSeriesCount());
    assertEquals("barrier · busy cores outside barrier()", cores.getDataset().getSeriesKey(0));
    assertEquals("barrier · busy cores", cores.getDataset().getSeriesKey(1));
    assertEquals("total cores · barrier", cores.getDataset().getSeriesKey(3));
    assertEquals(0.0, cores.getDataset().getXValue(1, 0), 1e-9);
    assertEquals(4.0, cores.getDataset().getYValue(1, 0), 1e-9, "4 cores busy from t = 0");
    int last = cores.getDataset().getItemCount(1) - 1;
    assertEquals(6.0, cores.getDataset().getXValue(1, last), 1e-9, "the last value is drawn to the end of the run");
    int plainLast = cores.getDataset().getItemCount(2) - 1;
    assertEquals(4.0, cores.getDataset().getXValue(2, plainLast), 1e-9, "the non-barrier run ended at 4 s: so does its curve");
  }

  @Test
  void coresWaitingInsideBarrierAreLeftOutOfTheSecondCurve() throws IOException {
    UtilizationData.Mode barrier = UtilizationChart.data(TinyFolder.write(tmp)).modes().get(0);
    assertTrue(barrier.syncWaits());
    StepCurve.Points busy = barrier.busyCores();
    StepCurve.Points working = barrier.coresOutsideSync();
    assertEquals(2, busy.at(2700), "the killed fit attempt, 2,000 to 3,000");
    assertEquals(0, working.at(2700), "it waits inside barrier() from 2,500");
    assertEquals(4, busy.at(4200));
    assertEquals(0, working.at(4200), "both attempts of the rerun wait (4,000-4,400 and 4,100-5,000)");
    assertEquals(2, working.at(4500));
    assertEquals(4, working.at(5000), "the second wait ended at 5,000");
    assertEquals(2, working.at(5200), "one attempt ended at 5,200, the other still runs");
    assertEquals(0, barrier.gpusOutsideSync().at(4200));
    assertEquals(2, barrier.busyGpus().at(4200));
    assertFalse(UtilizationChart.data(TinyFolder.write(tmp)).modes().get(1).syncWaits());
  }

  @Test
  void aStepCurveIsExactUpToItsLimitThenKeepsBucketMaxima() {
    StepCurve exact = new StepCurve(100, 1000, 10);
    exact.set(0, 1);
    exact.set(5, 3);
    exact.set(5, 2); // same instant: the last value counts
    exact.set(7, 2); // no change
    exact.set(20, 0);
    StepCurve.Points p = exact.finish();
    assertArrayEquals(new long[] {0, 5, 20}, p.timesMs());
    assertArrayEquals(new double[] {1, 2, 0}, p.values());

    StepCurve bucketed = new StepCurve(100, 3, 10);
    bucketed.set(0, 1);
    bucketed.set(12, 5);
    bucketed.set(14, 2);
    bucketed.set(31, 7);
    bucketed.set(32, 0);
    bucketed.set(95, 4);
    StepCurve.Points b = bucketed.finish();
    assertTrue(b.bucketed());
    assertArrayEquals(new long[] {0, 10, 20, 30, 40, 50, 60, 70, 80, 90}, b.timesMs());
    assertArrayEquals(new double[] {1, 5, 2, 7, 0, 0, 0, 0, 0, 4}, b.values());
  }

  @Test
  void occupancyReleasesEndsBeforeALaunchAtTheSameInstant() {
    Occupancy o = new Occupancy(new StepCurve(100, 1000, 10));
    o.launch(0, 10, true, 1);
    o.launch(0, 20, true, 1);
    o.launch(10, 30, true, 1); // takes the place of the first at 10: still 2
    o.launch(15, 0, false, 1); // never ends
    StepCurve.Points p = o.finish();
    assertArrayEquals(new long[] {0, 15, 20, 30}, p.timesMs());
    assertArrayEquals(new double[] {2, 3, 2, 1}, p.values());

    // Bucket maxima count no phantom peak when one attempt ends and the next launches at the same instant.
    Occupancy relay = new Occupancy(new StepCurve(40, 1, 4));
    for (int k = 0; k < 4; k++) relay.launch(k * 10, (k + 1) * 10, true, 1);
    StepCurve.Points r = relay.finish();
    assertTrue(r.bucketed());
    assertArrayEquals(new double[] {1, 1, 1, 1}, r.values());
  }

  private static List<Marker> markers(Collection<?> c) {
    List<Marker> out = new ArrayList<>();
    if (c != null) c.forEach(m -> out.add((Marker) m));
    return out;
  }
}
