package dev.barriersim.report.chart;

import dev.barriersim.report.data.Interval;
import dev.barriersim.report.data.ScenarioConf;
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
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Busy cores (and GPUs) over time in replication 0, both modes overlaid on one time axis, with the
 * total capacity, the intervals in which a barrier TaskSet waited for slots shaded, and failed
 * slot checks marked.
 */
public final class UtilizationChart implements Chart {
  private static final int WAIT_ALPHA = 48;
  static final BasicStroke SLOT_CHECK =
      new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
  /** Failed slot checks: a dark red that the two mode colours do not use. */
  static final Color SLOT_CHECK_COLOR = new Color(0x99, 0x11, 0x33);

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
    return UtilizationData.read(in, ScenarioConf.of(in));
  }

  static JFreeChart chart(ScenarioFiles in, UtilizationData d) {
    TimeScale scale = TimeScale.forSpan(d.spanMs());
    NumberAxis time = ChartStyle.numberAxis(scale.label("time since the run started"));
    // A little room left of 0 so that markers at the very start are not hidden by the axis line.
    time.setRange(-scale.of(d.spanMs()) * 0.004, scale.of(d.spanMs()));
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.setGap(14);
    boolean sameCores = sameForAllModes(d, UtilizationData.Mode::totalCores);
    plot.add(panel(d, scale, "busy cores", UtilizationData.Mode::busyCores, UtilizationData.Mode::totalCores, "cores",
        sameCores), d.gpus() ? 3 : 1);
    if (d.gpus()) {
      plot.add(panel(d, scale, "busy GPUs", UtilizationData.Mode::busyGpus, UtilizationData.Mode::totalGpus, "GPUs",
          sameForAllModes(d, UtilizationData.Mode::totalGpus)), 2);
    }
    plot.setFixedLegendItems(legend(d, sameCores));
    List<String> subtitles = new ArrayList<>();
    subtitles.add(ChartHeader.replicationZero(in));
    subtitles.add(String.format(Locale.ROOT, "busy cores = running task attempts × spark.task.cpus (%d%s)", d.taskCpus(),
        d.taskCpusInferred() ? ", inferred from summary.json: the folder has no scenario.yaml" : ""));
    if (d.downsampled()) {
      subtitles.add(String.format(Locale.ROOT,
          "More than %,d changes in a curve: drawn as the maximum of each of %,d time buckets",
          UtilizationData.MAX_POINTS, UtilizationData.BUCKETS));
    }
    return ChartStyle.chart("Busy cores" + (d.gpus() ? " and GPUs" : "") + " over time", plot, true,
        subtitles.toArray(String[]::new));
  }

  private static boolean sameForAllModes(UtilizationData d, Function<UtilizationData.Mode, StepCurve.Points> total) {
    return d.modes().stream().map(total).allMatch(p -> samePoints(p, total.apply(d.modes().get(0))));
  }

  private static XYPlot panel(UtilizationData d, TimeScale scale, String what,
      Function<UtilizationData.Mode, StepCurve.Points> busy, Function<UtilizationData.Mode, StepCurve.Points> total,
      String unit, boolean sameTotal) {
    XYSeriesCollection ds = new XYSeriesCollection();
    XYLineAndShapeRenderer r = Steps.renderer();
    int series = 0;
    double top = 1;
    // Capacity first, so that the busy curves are drawn over it where they reach it.
    for (UtilizationData.Mode m : d.modes()) {
      StepCurve.Points p = total.apply(m);
      ds.addSeries(series(sameTotal ? "total " + unit : "total " + unit + " · " + m.mode(), p, scale, d.spanMs()));
      r.setSeriesPaint(series, sameTotal ? ChartStyle.CAPACITY : ChartStyle.darker(ChartStyle.mode(m.mode()), 0.3));
      r.setSeriesStroke(series++, ChartStyle.DASHED);
      top = Math.max(top, p.max());
      if (sameTotal) break;
    }
    int k = 0;
    for (UtilizationData.Mode m : d.modes()) {
      ds.addSeries(series(m.mode() + " · " + what, busy.apply(m), scale, d.spanMs()));
      r.setSeriesPaint(series, ChartStyle.mode(m.mode()));
      // Each later mode is drawn thinner on top, so where the curves agree both stay visible.
      r.setSeriesStroke(series++, lineFor(k++));
      top = Math.max(top, busy.apply(m).max());
    }
    NumberAxis y = ChartStyle.integerAxis(what);
    y.setRange(0, Math.ceil(top * 1.08));
    XYPlot p = new XYPlot(ds, null, y, r);
    p.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    ChartStyle.plot(p);
    for (UtilizationData.Mode m : d.modes()) {
      Color shade = ChartStyle.translucent(ChartStyle.mode(m.mode()), WAIT_ALPHA);
      for (Interval w : m.waits()) {
        IntervalMarker marker = new IntervalMarker(scale.of(w.startMs()), scale.of(w.endMs()), shade);
        marker.setOutlinePaint(null);
        p.addDomainMarker(marker, Layer.BACKGROUND);
      }
      for (long t : m.slotChecks()) p.addDomainMarker(new ValueMarker(scale.of(t), SLOT_CHECK_COLOR, SLOT_CHECK));
    }
    return p;
  }

  /** The stroke of the {@code k}-th mode's busy curve: the first widest. */
  static BasicStroke lineFor(int k) {
    return new BasicStroke(k == 0 ? 3.2f : 1.5f);
  }

  private static boolean samePoints(StepCurve.Points a, StepCurve.Points b) {
    return Arrays.equals(a.timesMs(), b.timesMs()) && Arrays.equals(a.values(), b.values());
  }

  /** A step series, extended to the end of the span so the last value is drawn. */
  private static XYSeries series(String key, StepCurve.Points p, TimeScale scale, long spanMs) {
    double[] x = new double[p.size()];
    for (int i = 0; i < x.length; i++) x[i] = scale.of(p.timesMs()[i]);
    return Steps.series(key, x, p.values(), scale.of(spanMs));
  }

  private static LegendItemCollection legend(UtilizationData d, boolean sameCores) {
    LegendItemCollection items = new LegendItemCollection();
    int k = 0;
    for (UtilizationData.Mode m : d.modes()) {
      items.add(ChartStyle.line(m.mode() + " · busy", ChartStyle.mode(m.mode()), lineFor(k++)));
    }
    if (sameCores) {
      items.add(ChartStyle.line("total capacity", ChartStyle.CAPACITY, ChartStyle.DASHED));
    } else {
      for (UtilizationData.Mode m : d.modes()) {
        items.add(ChartStyle.line(m.mode() + " · total capacity", ChartStyle.darker(ChartStyle.mode(m.mode()), 0.3),
            ChartStyle.DASHED));
      }
    }
    for (UtilizationData.Mode m : d.modes()) {
      if (!m.waits().isEmpty()) {
        items.add(ChartStyle.swatch(m.mode() + " · barrier TaskSet waiting for free slots",
            ChartStyle.translucent(ChartStyle.mode(m.mode()), WAIT_ALPHA * 2), null));
      }
    }
    if (d.modes().stream().anyMatch(m -> !m.slotChecks().isEmpty())) {
      items.add(ChartStyle.line("barrier job's slot check failed (SPARK-24819)", SLOT_CHECK_COLOR, SLOT_CHECK));
    }
    return items;
  }
}
