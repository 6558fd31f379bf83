package dev.barriersim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.data.OutputFixture;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An imported scenario's folder has {@code recorded/tasks.csv}: the Gantt chart draws it as a panel of its own. */
class GanttRecordedPanelTest {
  @TempDir Path tmp;

  /** The tiny folder plus a recorded run: executors named out of order, one attempt ending after the simulated runs. */
  private ScenarioFiles withRecorded() throws IOException {
    return TinyFolder.fixture(tmp).yaml(TinyFolder.YAML)
        .tasks("recorded", OutputFixture.NEW_HEADER,
            "train,prep,0,0,0,1,localhost,10,1010,SUCCESS,,0,0,,",
            "train,prep,0,1,0,0,localhost,12,1600,SUCCESS,,1,0,,",
            "train,fit,0,0,0,0,localhost,2000,4100,SUCCESS,,2,0,,",
            "train,fit,0,1,0,1,localhost,2000,6500,SUCCESS,,3,1,,")
        .open();
  }

  @Test
  void theRecordedRunIsAPanelAboveTheSimulatedArms() throws IOException {
    GanttData d = GanttChart.data(withRecorded());
    assertEquals(List.of(GanttData.RECORDED, "barrier", "non-barrier"), d.arms().stream().map(GanttData.Arm::mode).toList());
    GanttData.Arm recorded = d.arms().get(0);
    assertEquals(4, recorded.attempts());
    assertEquals(List.of(new GanttData.Lane("0", 0), new GanttData.Lane("1", 0), new GanttData.Lane("1", 1)),
        recorded.lanes(), "executors in id order, lanes as many as the file uses");
    assertEquals(List.of(1, 0, 0, 2), recorded.bars().stream().map(GanttData.Bar::lane).toList());
    assertEquals(List.of(false, false, true, true), recorded.bars().stream().map(GanttData.Bar::barrierStage).toList(),
        "barrier stages as the barrier arm (the scenario as written) has them");
    assertEquals(6500, d.spanMs(), "the time axis reaches the recorded run's last end");
    assertTrue(recorded.slotChecks().isEmpty() && recorded.absences().isEmpty(), "no simulated event in the recorded panel");
  }

  @Test
  void theChartHasThreeSubplotsTheFirstTitledRecorded() throws IOException {
    ScenarioFiles in = withRecorded();
    JFreeChart c = GanttChart.chart(in, GanttChart.data(in));
    @SuppressWarnings("unchecked")
    List<XYPlot> subs = ((CombinedDomainXYPlot) c.getXYPlot()).getSubplots();
    assertEquals(3, subs.size());
    assertEquals("recorded (Spark)  (4 attempts)", subs.get(0).getRangeAxis().getLabel());
    assertEquals(4, subs.get(0).getDataset().getItemCount(0));
  }

  @Test
  void withoutARecordedRunThereAreTwoPanels() throws IOException {
    assertEquals(2, GanttChart.data(TinyFolder.write(tmp)).arms().size());
  }
}
