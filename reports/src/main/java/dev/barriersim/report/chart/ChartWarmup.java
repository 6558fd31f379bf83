package dev.barriersim.report.chart;

import dev.barriersim.report.SummaryJson;
import dev.barriersim.report.data.Interval;
import dev.barriersim.report.data.ScenarioConf;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.data.TaskStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jfree.chart.JFreeChart;

/**
 * Draws one small made-up chart of each kind, to PNG and SVG in memory, on a background daemon
 * thread: the first chart of a JVM pays for loading the font system, Java2D, JFreeChart and
 * JFreeSVG, and a run spends its first seconds simulating, so that cost can be paid while it
 * does. Nothing is written and nothing is shared with real charts but what the JVM caches (classes,
 * fonts, compiled code), so no output depends on whether it ran or finished. Start it only when
 * charts will be drawn.
 */
public final class ChartWarmup {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private ChartWarmup() {}

  /** Starts the warm-up once per JVM; later calls do nothing. */
  public static void start() {
    if (!STARTED.compareAndSet(false, true)) return;
    Thread t = new Thread(ChartWarmup::run, "barriersim-chart-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** Draws the made-up charts; any failure is ignored, since real charts report their own. */
  private static void run() {
    try {
      drawAll();
    } catch (RuntimeException | IOException | LinkageError e) {
      // Warming up is an optimisation only.
    }
  }

  /** Draws one made-up chart of each kind to PNG and SVG in memory. */
  static void drawAll() throws IOException {
    ScenarioFiles in = folder();
    draw(GanttChart.chart(in, gantt()));
    draw(UtilizationChart.chart(in, utilization()));
    draw(ComparisonChart.chart(in, ComparisonData.of(in)));
    JobCompletionData jobs = JobCompletionData.of(in);
    draw(JobCompletionCdfChart.chart(in, jobs, JobColors.of(in, new ScenarioConf(Optional.empty(), 1, true))));
  }

  private static void draw(JFreeChart c) throws IOException {
    PngEncoder.write(ChartFiles.raster(c, 600, 400), OutputStream.nullOutputStream());
    ChartFiles.svg(c, "warmup", 600, 400);
  }

  /** A folder that exists only in memory: a summary of two modes with two jobs each. */
  private static ScenarioFiles folder() {
    List<SummaryJson.Run> runs = new ArrayList<>();
    for (String mode : List.of("barrier", "non-barrier")) {
      long end = mode.equals("barrier") ? 9_000 : 8_000;
      runs.add(new SummaryJson.Run(mode, 0, 1, "COMPLETED", end, 10, "warmup",
          List.of(new SummaryJson.Job("a#1", "SUCCEEDED", 0, 0L, 4_000L, null),
              new SummaryJson.Job("a#2", "SUCCEEDED", 1_000, 1_000L, end, null)),
          List.of(new SummaryJson.Stage("a", "s", mode.equals("barrier"), 1, "SUCCEEDED", 0L, end, 0)),
          new SummaryJson.Tasks(4, 4, 0, 0), new SummaryJson.Cores(4, 20_000, 16_000, 0, 0.5),
          new SummaryJson.Barrier(0, 0, 0, 0, 0, 0), List.of()));
    }
    Map<String, Map<String, SummaryJson.EstimateJson>> agg = new LinkedHashMap<>();
    for (String group : List.of("barrier", "non-barrier", "paired")) {
      Map<String, SummaryJson.EstimateJson> m = new LinkedHashMap<>();
      m.put("makespanMs", new SummaryJson.EstimateJson(8_500, 10, new double[] {8_000, 9_000}, 2));
      m.put("cores.utilization", new SummaryJson.EstimateJson(0.5, 0.01, new double[] {0.4, 0.6}, 2));
      agg.put(group, m);
    }
    SummaryJson.Summary s = new SummaryJson.Summary("warmup", 1, "warmup", runs, agg, List.of("barrier", "non-barrier"), 1);
    return new ScenarioFiles(Path.of("warmup"), s, Optional.empty());
  }

  private static GanttData gantt() {
    List<GanttData.Lane> lanes = List.of(new GanttData.Lane("0", 0), new GanttData.Lane("0", 1));
    List<GanttData.Bar> bars = List.of(
        new GanttData.Bar(0, 0, 3_000, 0, TaskStatus.SUCCESS, true, List.of(new Interval(1_000, 2_000)), "gpu 0"),
        new GanttData.Bar(1, 0, 2_000, 0, TaskStatus.KILLED, true, List.of(), null),
        new GanttData.Bar(1, 2_500, 9_000, 0, TaskStatus.FAILED, false, List.of(), null));
    CutTimeline timeline = CutTimeline.of(9_000, List.of(new Interval(3_000, 8_000)));
    List<GanttData.Arm> arms = List.of(
        new GanttData.Arm("barrier", lanes, bars, null, bars.size(),
            List.of(new GanttData.Absence(1, 1, new Interval(8_500, 9_000), true)), List.of(100L), 9_000),
        new GanttData.Arm("non-barrier", lanes, bars, null, bars.size(), List.of(), List.of(), 8_000));
    return new GanttData(List.of("a/s"), arms, false, timeline, GanttChart.MAX_BARS_PER_MODE);
  }

  private static UtilizationData utilization() {
    StepCurve.Points busy = new StepCurve.Points(new long[] {0, 1_000, 3_000}, new double[] {2, 1, 0}, false);
    StepCurve.Points total = new StepCurve.Points(new long[] {0}, new double[] {2}, false);
    List<UtilizationData.Mode> modes = new ArrayList<>();
    for (String mode : List.of("barrier", "non-barrier")) {
      modes.add(new UtilizationData.Mode(mode, busy, total, busy, total, busy, busy, mode.equals("barrier"),
          List.of(new Interval(100, 500)), List.of(100L), mode.equals("barrier") ? 9_000 : 8_000));
    }
    return new UtilizationData(modes, true, 1, false, CutTimeline.of(9_000, List.of(new Interval(3_000, 8_000))));
  }
}
