package dev.barriersim.report.chart;

import dev.barriersim.report.HumanDuration;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.data.TaskStatus;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Gantt timeline of replication 0: one lane per executor slot, a bar per task attempt, the
 * barrier mode above the non-barrier mode on one shared time axis. Past
 * {@link #MAX_BARS_PER_MODE} attempts in a mode, executors become rows of a heat strip instead.
 */
public final class GanttChart implements Chart {
  /** Above this many task attempts in a mode, bars give way to heat strips (and are not kept in memory). */
  public static final int MAX_BARS_PER_MODE = 3000;
  /** Lane (or executor) labels drawn per panel at most; beyond, labels are thinned so they never overlap. */
  static final int MAX_LABELS = 26;

  private static final Color BAND = new Color(0xf3, 0xf5, 0xf8);
  private static final Color ABSENT = new Color(0xe4, 0xe4, 0xea);
  /** Lanes of a lost executor: darker than "not yet added", with a red line at the loss. */
  private static final Color LOST = new Color(0xcf, 0xc8, 0xc8);
  private static final BasicStroke LOST_LINE = new BasicStroke(2.0f);
  private static final Color RUN_END = new Color(0x33, 0x33, 0x33);
  private static final Font PANEL = new Font(Font.SANS_SERIF, Font.BOLD, 12);

  @Override
  public String name() {
    return "gantt";
  }

  @Override
  public int width() {
    return 1400;
  }

  @Override
  public int height() {
    return 900;
  }

  @Override
  public Optional<JFreeChart> build(ScenarioFiles in) throws IOException {
    GanttData d = data(in);
    return d.arms().isEmpty() ? Optional.empty() : Optional.of(chart(in, d));
  }

  /** The chart's model: lanes and bars (or heat rows) per mode. */
  static GanttData data(ScenarioFiles in) throws IOException {
    return GanttData.read(in, MAX_BARS_PER_MODE);
  }

  static JFreeChart chart(ScenarioFiles in, GanttData d) {
    CutTimeline timeline = d.timeline();
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(TimeAxes.axis(timeline));
    plot.setGap(16);
    List<XYPlot> subplots = new ArrayList<>();
    for (GanttData.Arm arm : d.arms()) {
      XYPlot sub = d.heat() ? heatPlot(arm, timeline) : barPlot(arm, timeline);
      ChartStyle.plot(sub);
      sub.setDomainGridlinesVisible(true);
      sub.setRangeGridlinesVisible(false);
      for (GanttData.Absence a : arm.absences()) absence(sub, a, timeline);
      for (long t : arm.slotChecks()) {
        sub.addDomainMarker(new ValueMarker(timeline.x(t), UtilizationChart.SLOT_CHECK_COLOR, UtilizationChart.SLOT_CHECK));
      }
      if (TimeAxes.endsEarly(arm.runEndMs(), d.spanMs())) {
        sub.addDomainMarker(TimeAxes.runEnded(timeline, arm.runEndMs(), "run ended", RUN_END));
      }
      if (arm.attempts() == 0) {
        XYTextAnnotation none = new XYTextAnnotation("no task attempt launched in this mode", timeline.end() / 2,
            (Math.max(1, d.heat() ? arm.heat().rows().size() : arm.lanes().size()) - 1) / 2.0);
        none.setFont(ChartStyle.AXIS_LABEL);
        none.setPaint(Color.DARK_GRAY);
        none.setBackgroundPaint(Color.WHITE);
        sub.addAnnotation(none);
      }
      plot.add(sub, Math.max(1, d.heat() ? arm.heat().rows().size() : arm.lanes().size()));
      subplots.add(sub);
    }
    TimeAxes.addBreaks(subplots, timeline);
    List<String> subtitles = new ArrayList<>();
    subtitles.add(ChartHeader.replicationZero(in));
    if (d.heat()) {
      GanttData.Heat h = d.arms().get(0).heat();
      subtitles.add(String.format(Locale.ROOT,
          "More than %,d task attempts in a mode: no bars; each row is %s, shaded by the mean busy slots of an executor per %s",
          d.limit(), h.executorsPerRow() == 1 ? "an executor" : "a group of " + h.executorsPerRow() + " executors",
          HumanDuration.format(h.bucketMs())));
    }
    TimeAxes.subtitle(timeline).ifPresent(subtitles::add);
    JFreeChart c = ChartStyle.chart("Task attempts per executor slot", plot, !d.heat(), subtitles.toArray(String[]::new));
    if (d.heat()) {
      c.addSubtitle(heatLegend(d));
    } else {
      plot.setFixedLegendItems(legend(d));
    }
    return c;
  }

  /** Grey over the lanes of an executor that was not yet added, or had been lost (darker, with a line at the loss). */
  private static void absence(XYPlot sub, GanttData.Absence a, CutTimeline timeline) {
    double x0 = timeline.x(a.interval().startMs());
    double x1 = timeline.x(a.interval().endMs());
    // y bounds swapped: the lane axis is inverted, and the box is drawn from y1 down to y0.
    sub.getRenderer().addAnnotation(new XYBoxAnnotation(x0, a.last() + 0.5, x1, a.first() - 0.5, null, null,
        a.lost() ? LOST : ABSENT), Layer.BACKGROUND);
    if (a.lost()) {
      sub.getRenderer().addAnnotation(new XYLineAnnotation(x0, a.first() - 0.5, x0, a.last() + 0.5, LOST_LINE,
          ChartStyle.FAILED), Layer.FOREGROUND);
    }
  }

  private static XYPlot barPlot(GanttData.Arm arm, CutTimeline timeline) {
    List<String> executors = arm.lanes().stream().map(GanttData.Lane::executor).distinct().toList();
    SymbolAxis lanes = laneAxis(panelTitle(arm), laneLabels(arm.lanes()), arm.lanes().size());
    XYPlot sub = new XYPlot(new GanttDataset(arm.mode(), arm.bars(), timeline), null, lanes, new GanttRenderer(timeline));
    // Alternate executors get a faint band, so that lanes read as groups of one executor.
    int lane = 0;
    for (int e = 0; e < executors.size(); e++) {
      String id = executors.get(e);
      int first = lane;
      while (lane < arm.lanes().size() && arm.lanes().get(lane).executor().equals(id)) lane++;
      if (e % 2 == 1) band(sub, first, lane - 1);
    }
    return sub;
  }

  private static XYPlot heatPlot(GanttData.Arm arm, CutTimeline timeline) {
    GanttData.Heat h = arm.heat();
    BusyPaintScale paints = new BusyPaintScale(h.maxLanes());
    HeatCells.Dataset ds = new HeatCells.Dataset(arm.mode(), HeatCells.of(h, paints), timeline);
    String[] labels = executorLabels(h.rows());
    return new XYPlot(ds, null, laneAxis(panelTitle(arm), labels, labels.length), new HeatCells.Renderer(paints));
  }

  private static String panelTitle(GanttData.Arm arm) {
    return String.format(Locale.ROOT, "%s  (%,d attempts)", arm.mode(), arm.attempts());
  }

  private static void band(XYPlot p, int first, int last) {
    IntervalMarker m = new IntervalMarker(first - 0.5, last + 0.5, BAND);
    m.setOutlinePaint(null);
    p.addRangeMarker(m, Layer.BACKGROUND);
  }

  private static SymbolAxis laneAxis(String title, String[] labels, int count) {
    SymbolAxis a = new LaneAxis(title, labels);
    ChartStyle.axis(a);
    a.setLabelFont(PANEL);
    a.setGridBandsVisible(false);
    a.setTickMarksVisible(false);
    a.setInverted(true);
    a.setRange(-0.5, Math.max(1, count) - 0.5);
    a.setLabelInsets(new RectangleInsets(2, 2, 2, 6));
    return a;
  }

  /** {@code exec 0 · slot 3} per lane when they fit; otherwise one label per executor (thinned), at its middle lane. */
  static String[] laneLabels(List<GanttData.Lane> lanes) {
    String[] out = new String[lanes.size()];
    if (lanes.size() <= MAX_LABELS) {
      for (int i = 0; i < out.length; i++) out[i] = "exec " + lanes.get(i).executor() + " · slot " + lanes.get(i).slot();
      return out;
    }
    Arrays.fill(out, "");
    List<String> executors = lanes.stream().map(GanttData.Lane::executor).distinct().toList();
    int step = (executors.size() + MAX_LABELS - 1) / MAX_LABELS;
    int i = 0;
    for (int e = 0; e < executors.size(); e++) {
      int first = i;
      while (i < lanes.size() && lanes.get(i).executor().equals(executors.get(e))) i++;
      if (e % step == 0) out[(first + i - 1) / 2] = "exec " + executors.get(e);
    }
    return out;
  }

  static String[] executorLabels(List<String> executors) {
    String[] out = new String[executors.size()];
    int step = (executors.size() + MAX_LABELS - 1) / MAX_LABELS;
    for (int i = 0; i < out.length; i++) out[i] = i % Math.max(1, step) == 0 ? "exec " + executors.get(i) : "";
    return out;
  }

  private static LegendItemCollection legend(GanttData d) {
    TreeSet<Integer> stages = new TreeSet<>();
    boolean failed = false;
    boolean killed = false;
    boolean barrier = false;
    boolean waits = false;
    boolean absent = false;
    boolean lost = false;
    int firstBarrierStage = -1;
    for (GanttData.Arm arm : d.arms()) {
      absent |= arm.absences().stream().anyMatch(a -> !a.lost());
      lost |= arm.absences().stream().anyMatch(GanttData.Absence::lost);
      for (GanttData.Bar b : arm.bars()) {
        stages.add(b.stage());
        failed |= b.status() == TaskStatus.FAILED;
        killed |= b.status() == TaskStatus.KILLED;
        barrier |= b.barrierStage();
        waits |= !b.barrierWaits().isEmpty();
        if (b.barrierStage() && firstBarrierStage < 0) firstBarrierStage = b.stage();
      }
    }
    LegendItemCollection items = new LegendItemCollection();
    for (int s : stages) items.add(ChartStyle.swatch(d.stages().get(s), StagePalette.color(s), null));
    if (failed) items.add(ChartStyle.swatch("failed attempt", ChartStyle.FAILED, null));
    if (killed) items.add(ChartStyle.swatch("killed attempt (hatched)", ChartStyle.KILLED, null));
    if (barrier) {
      items.add(ChartStyle.swatch(thinLanes(d) ? "barrier stage (dark start edge)" : "barrier stage (dark outline)",
          Color.WHITE, ChartStyle.OUTLINE));
    }
    if (waits) {
      Color base = StagePalette.color(Math.max(0, firstBarrierStage));
      items.add(ChartStyle.swatch("waiting inside barrier() (lighter)", ChartStyle.lighter(base, GanttRenderer.WAIT_LIGHTER), null));
    }
    if (absent) items.add(ChartStyle.swatch("executor not yet added", ABSENT, null));
    if (lost) items.add(ChartStyle.swatch("executor lost (red line: when)", LOST, ChartStyle.FAILED));
    if (d.arms().stream().anyMatch(a -> !a.slotChecks().isEmpty())) {
      items.add(ChartStyle.line(UtilizationChart.SLOT_CHECK_LABEL, UtilizationChart.SLOT_CHECK_COLOR,
          UtilizationChart.SLOT_CHECK));
    }
    return items;
  }

  /** Whether lanes are too thin for outlines (the renderer then marks barrier bars by their start edge). */
  static boolean thinLanes(GanttData d) {
    int lanes = d.arms().stream().mapToInt(a -> a.lanes().size()).sum();
    // About 640 pixels of plot height for all lanes, of which a bar fills 80 %.
    return lanes > 0 && 640.0 / lanes * 0.8 < 6;
  }

  private static PaintScaleLegend heatLegend(GanttData d) {
    int max = d.arms().stream().mapToInt(a -> a.heat().maxLanes()).max().orElse(1);
    NumberAxis axis = ChartStyle.numberAxis("mean busy slots of an executor");
    axis.setRange(0, max);
    // One tick per shade boundary.
    axis.setTickUnit(new NumberTickUnit(max / (double) BusyPaintScale.LEVELS, ChartStyle.format("0.##")));
    PaintScaleLegend l = new PaintScaleLegend(new BusyPaintScale(max), axis);
    l.setPosition(RectangleEdge.BOTTOM);
    l.setAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    l.setMargin(new RectangleInsets(6, 200, 4, 200));
    l.setStripWidth(12);
    l.setBackgroundPaint(Color.WHITE);
    return l;
  }
}
