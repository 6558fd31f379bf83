package dev.barriersim.report.chart;

import dev.barriersim.report.data.Interval;
import dev.barriersim.report.data.ScenarioFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Busy cores (and GPUs) over time in replication 0, both modes overlaid on one time axis, with the
 * total capacity drawn over them, what stays busy outside {@code barrier()} waits, the intervals in
 * which a barrier job or TaskSet waited for slots shaded, and failed slot checks marked.
 */
public final class UtilizationChart implements Chart {
  private static final int WAIT_ALPHA = 48;
  static final BasicStroke SLOT_CHECK =
      new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
  /** Failed slot checks: a dark red that the two mode colours do not use. */
  static final Color SLOT_CHECK_COLOR = new Color(0x99, 0x11, 0x33);
  /** The legend entry of failed slot checks, the same on every chart. */
  static final String SLOT_CHECK_LABEL = "barrier job's slot check failed (SPARK-24819)";
  /** The curve of what is busy outside barrier() waits: thin, in a light shade of its mode. */
  static final BasicStroke OUTSIDE_SYNC = new BasicStroke(1.2f);
  private static final BasicStroke CAPACITY = new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {6f, 4f}, 0f);

  @Override
  public String name() {
    return "utilization";
  }

  @Override
  public int width() {
    return 1300;
  }

  @Override
  public int height() {
    return 760;
  }

  @Override
  public Optional<JFreeChart> build(ScenarioFiles in) throws IOException {
    UtilizationData d = data(in);
    return d.modes().isEmpty() ? Optional.empty() : Optional.of(chart(in, d));
  }

  /** The chart's model: the curves, shaded intervals and marked instants per mode. */
  static UtilizationData data(ScenarioFiles in) throws IOException {
    return UtilizationData.read(in);
  }

  static JFreeChart chart(ScenarioFiles in, UtilizationData d) {
    CutTimeline timeline = d.timeline();
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(TimeAxes.axis(timeline));
    plot.setGap(14);
    boolean sameCores = sameForAllModes(d, UtilizationData.Mode::totalCores);
    List<XYPlot> panels = new ArrayList<>();
    panels.add(panel(d, "busy cores", UtilizationData.Mode::busyCores, UtilizationData.Mode::coresOutsideSync,
        UtilizationData.Mode::totalCores, "cores", sameCores));
    plot.add(panels.get(0), d.gpus() ? 3 : 1);
    if (d.gpus()) {
      panels.add(panel(d, "busy GPUs", UtilizationData.Mode::busyGpus, UtilizationData.Mode::gpusOutsideSync,
          UtilizationData.Mode::totalGpus, "GPUs", sameForAllModes(d, UtilizationData.Mode::totalGpus)));
      plot.add(panels.get(1), 2);
    }
    TimeAxes.addBreaks(panels, timeline);
    plot.setFixedLegendItems(legend(d, sameCores));
    List<String> subtitles = new ArrayList<>();
    subtitles.add(ChartHeader.replicationZero(in));
    subtitles.add(String.format(Locale.ROOT, "busy cores = running task attempts × spark.task.cpus (%d%s)", d.taskCpus(),
        d.taskCpusInferred() ? ", inferred from summary.json: the folder has no scenario.yaml" : "")
        + (d.modes().stream().anyMatch(UtilizationData.Mode::syncWaits)
            ? " · light line: the same without attempts waiting inside barrier(), which hold their cores idle" : ""));
    if (d.downsampled()) {
      subtitles.add(String.format(Locale.ROOT,
          "More than %,d changes in a curve: drawn as the maximum of each of %,d time buckets",
          UtilizationData.MAX_POINTS, UtilizationData.BUCKETS));
    }
    TimeAxes.subtitle(timeline).ifPresent(subtitles::add);
    return ChartStyle.chart("Busy cores" + (d.gpus() ? " and GPUs" : "") + " over time", plot, true,
        subtitles.toArray(String[]::new));
  }

  private static boolean sameForAllModes(UtilizationData d, Function<UtilizationData.Mode, StepCurve.Points> total) {
    return d.modes().stream().map(total).allMatch(p -> samePoints(p, total.apply(d.modes().get(0))));
  }

  private static XYPlot panel(UtilizationData d, String what, Function<UtilizationData.Mode, StepCurve.Points> busy,
      Function<UtilizationData.Mode, StepCurve.Points> outsideSync, Function<UtilizationData.Mode, StepCurve.Points> total,
      String unit, boolean sameTotal) {
    CutTimeline timeline = d.timeline();
    XYSeriesCollection ds = new XYSeriesCollection();
    XYLineAndShapeRenderer r = Steps.renderer();
    int series = 0;
    double top = 1;
    // What is busy outside barrier() first, under the busy curves: it shows only where it is lower.
    for (UtilizationData.Mode m : d.modes()) {
      if (!m.syncWaits()) continue;
      ds.addSeries(series(m.mode() + " · " + what + " outside barrier()", outsideSync.apply(m), timeline, m.runEndMs()));
      r.setSeriesPaint(series, outsideSyncColor(m.mode()));
      r.setSeriesStroke(series++, OUTSIDE_SYNC);
    }
    int k = 0;
    for (UtilizationData.Mode m : d.modes()) {
      ds.addSeries(series(m.mode() + " · " + what, busy.apply(m), timeline, m.runEndMs()));
      r.setSeriesPaint(series, ChartStyle.mode(m.mode()));
      // Each later mode is drawn thinner on top, so where the curves agree both stay visible.
      r.setSeriesStroke(series++, lineFor(k++));
      top = Math.max(top, busy.apply(m).max());
    }
    // Capacity last: a dashed line over the busy curves stays visible where they reach it.
    for (UtilizationData.Mode m : d.modes()) {
      StepCurve.Points p = total.apply(m);
      ds.addSeries(series(sameTotal ? "total " + unit : "total " + unit + " · " + m.mode(), p, timeline,
          sameTotal ? d.spanMs() : m.runEndMs()));
      r.setSeriesPaint(series, sameTotal ? ChartStyle.CAPACITY : ChartStyle.darker(ChartStyle.mode(m.mode()), 0.3));
      r.setSeriesStroke(series++, CAPACITY);
      top = Math.max(top, p.max());
      if (sameTotal) break;
    }
    NumberAxis y = ChartStyle.integerAxis(what);
    y.setRange(0, Math.ceil(top * 1.08));
    XYPlot p = new XYPlot(ds, null, y, r);
    p.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    ChartStyle.plot(p);
    for (UtilizationData.Mode m : d.modes()) {
      Color shade = ChartStyle.translucent(ChartStyle.mode(m.mode()), WAIT_ALPHA);
      for (Interval w : m.waits()) {
        IntervalMarker marker = new IntervalMarker(timeline.x(w.startMs()), timeline.x(w.endMs()), shade);
        marker.setOutlinePaint(null);
        p.addDomainMarker(marker, Layer.BACKGROUND);
      }
      for (long t : m.slotChecks()) p.addDomainMarker(new ValueMarker(timeline.x(t), SLOT_CHECK_COLOR, SLOT_CHECK));
      if (TimeAxes.endsEarly(m.runEndMs(), d.spanMs())) {
        p.addDomainMarker(TimeAxes.runEnded(timeline, m.runEndMs(), m.mode() + " run ended",
            ChartStyle.darker(ChartStyle.mode(m.mode()), 0.2)));
      }
    }
    return p;
  }

  private static Color outsideSyncColor(String mode) {
    return ChartStyle.lighter(ChartStyle.mode(mode), 0.5);
  }

  /** The stroke of the {@code k}-th mode's busy curve: the first widest. */
  static BasicStroke lineFor(int k) {
    return new BasicStroke(k == 0 ? 3.2f : 1.5f);
  }

  private static boolean samePoints(StepCurve.Points a, StepCurve.Points b) {
    return Arrays.equals(a.timesMs(), b.timesMs()) && Arrays.equals(a.values(), b.values());
  }

  /** A step series in display time, its last value drawn until {@code endMs} (real time). */
  private static XYSeries series(String key, StepCurve.Points p, CutTimeline timeline, long endMs) {
    double[] x = new double[p.size()];
    for (int i = 0; i < x.length; i++) x[i] = timeline.x(p.timesMs()[i]);
    return Steps.series(key, x, p.values(), timeline.x(endMs));
  }

  private static LegendItemCollection legend(UtilizationData d, boolean sameCores) {
    LegendItemCollection items = new LegendItemCollection();
    int k = 0;
    for (UtilizationData.Mode m : d.modes()) {
      items.add(ChartStyle.line(m.mode() + " · busy", ChartStyle.mode(m.mode()), lineFor(k++)));
    }
    for (UtilizationData.Mode m : d.modes()) {
      if (m.syncWaits()) {
        items.add(ChartStyle.line(m.mode() + " · busy outside barrier() waits", outsideSyncColor(m.mode()), OUTSIDE_SYNC));
      }
    }
    if (sameCores) {
      items.add(ChartStyle.line("total capacity", ChartStyle.CAPACITY, CAPACITY));
    } else {
      for (UtilizationData.Mode m : d.modes()) {
        items.add(ChartStyle.line(m.mode() + " · total capacity", ChartStyle.darker(ChartStyle.mode(m.mode()), 0.3),
            CAPACITY));
      }
    }
    for (UtilizationData.Mode m : d.modes()) {
      if (!m.waits().isEmpty()) {
        items.add(ChartStyle.swatch(m.mode() + " · barrier job or TaskSet waiting for free slots",
            ChartStyle.translucent(ChartStyle.mode(m.mode()), WAIT_ALPHA * 2), null));
      }
    }
    if (d.modes().stream().anyMatch(m -> !m.slotChecks().isEmpty())) {
      items.add(ChartStyle.line(SLOT_CHECK_LABEL, SLOT_CHECK_COLOR, SLOT_CHECK));
    }
    return items;
  }
}
