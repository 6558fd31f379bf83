package dev.barriersim.report.chart;

import dev.barriersim.report.data.ScenarioConf;
import dev.barriersim.report.data.ScenarioFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Job completion times: the empirical CDF per mode (every replication pooled), and below it the
 * slowdown barrier over non-barrier of each job that succeeded in both modes, against its time
 * without barrier. Applies only when a run has several jobs.
 */
public final class JobCompletionCdfChart implements Chart {
  /** Declared jobs that get their own colour in the slowdown panel; beyond, one series for all. */
  static final int MAX_JOB_SERIES = 8;
  /** Distinct times drawn per CDF at most (finer than a pixel). */
  static final int MAX_CDF_STEPS = 2000;
  /** Slowdown points drawn at most; beyond, every k-th job in file order. */
  static final int MAX_SLOWDOWN_POINTS = 2000;
  /** The series key of slowdowns when jobs are not told apart. */
  static final String ALL_JOBS = "jobs";

  @Override
  public String name() {
    return "jct-cdf";
  }

  @Override
  public int width() {
    return 1100;
  }

  @Override
  public int height() {
    return 820;
  }

  @Override
  public Optional<JFreeChart> build(ScenarioFiles in) throws IOException {
    JobCompletionData d = data(in);
    return d.applies() ? Optional.of(chart(in, d, JobColors.of(in, FolderReads.of(in).conf()))) : Optional.empty();
  }

  /** The chart's model: sorted completion times per mode and the per-job slowdowns. */
  static JobCompletionData data(ScenarioFiles in) {
    return JobCompletionData.of(in);
  }

  static JFreeChart chart(ScenarioFiles in, JobCompletionData d) throws IOException {
    return chart(in, d, JobColors.of(in, FolderReads.of(in).conf()));
  }

  static JFreeChart chart(ScenarioFiles in, JobCompletionData d, JobColors colors) {
    long max = 1;
    for (JobCompletionData.Cdf c : d.cdfs()) max = Math.max(max, c.sortedMs()[c.sortedMs().length - 1]);
    TimeScale scale = TimeScale.forSpan(max);
    NumberAxis x = ChartStyle.numberAxis(scale.label("job completion time: end − submission"));
    x.setAutoRangeIncludesZero(true);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
    plot.setGap(16);
    plot.add(cdfPlot(d, scale), 3);
    if (!d.slowdowns().isEmpty()) plot.add(slowdownPlot(d, scale, colors), 2);
    List<String> counts = new ArrayList<>();
    for (JobCompletionData.Cdf c : d.cdfs()) {
      counts.add(String.format(Locale.ROOT, "%s: %,d of %,d jobs succeeded", c.mode(), c.sortedMs().length,
          d.jobs().get(c.mode())));
    }
    String pooled = d.replications() == 1 ? "replication 0" : "all " + d.replications() + " replications pooled";
    List<String> subtitles = new ArrayList<>();
    subtitles.add(ChartHeader.allReplications(in));
    subtitles.add("succeeded jobs only, " + pooled + " · " + String.join(" · ", counts));
    if (!d.slowdowns().isEmpty()) {
      int every = sampling(d);
      subtitles.add("lower panel: " + (every == 1 ? "each job" : "1 in " + every + " jobs (in file order)")
          + " that succeeded in both modes, its barrier ÷ non-barrier time at its non-barrier time");
    }
    return ChartStyle.chart("Job completion time", plot, true, subtitles.toArray(String[]::new));
  }

  private static XYPlot cdfPlot(JobCompletionData d, TimeScale scale) {
    XYSeriesCollection ds = new XYSeriesCollection();
    XYLineAndShapeRenderer r = Steps.renderer();
    int i = 0;
    for (JobCompletionData.Cdf c : d.cdfs()) {
      ds.addSeries(cdfSeries(c.mode() + " · share of jobs done", c.sortedMs(), scale));
      r.setSeriesPaint(i, ChartStyle.mode(c.mode()));
      r.setSeriesStroke(i++, new BasicStroke(1.8f));
    }
    NumberAxis y = ChartStyle.numberAxis("jobs done within that time (%)");
    y.setRange(0, 102);
    XYPlot p = new XYPlot(ds, null, y, r);
    ChartStyle.plot(p);
    return p;
  }

  /**
   * The empirical CDF in percent: 0 up to the first time, then a rise at each distinct time. Past
   * {@link #MAX_CDF_STEPS} distinct times, only the times where the percentage crosses a multiple
   * of 100 / MAX_CDF_STEPS are kept, so the curve is off by less than that anywhere.
   */
  static XYSeries cdfSeries(String key, long[] sorted, TimeScale scale) {
    XYSeries s = new XYSeries(key, false, true);
    int n = sorted.length;
    double shown = 0;
    long lastLevel = -1;
    for (int k = 0; k < n; k++) {
      if (k + 1 < n && sorted[k + 1] == sorted[k]) continue; // the rise happens after the last equal time
      double f = 100.0 * (k + 1) / n;
      long level = (long) Math.floor((double) (k + 1) * MAX_CDF_STEPS / n);
      if (k + 1 < n && level == lastLevel) continue;
      lastLevel = level;
      s.add(scale.of(sorted[k]), shown, false);
      s.add(scale.of(sorted[k]), f, false);
      shown = f;
    }
    return s;
  }

  private static XYPlot slowdownPlot(JobCompletionData d, TimeScale scale, JobColors colors) {
    boolean byJob = d.templates().size() <= MAX_JOB_SERIES;
    Map<String, XYSeries> series = new LinkedHashMap<>();
    if (byJob) {
      for (String t : d.templates()) series.put(t, new XYSeries("slowdown · job " + t, false, true));
    } else {
      series.put(ALL_JOBS, new XYSeries("slowdown · " + ALL_JOBS, false, true));
    }
    int every = sampling(d);
    for (int k = 0; k < d.slowdowns().size(); k += every) {
      JobCompletionData.Slowdown s = d.slowdowns().get(k);
      String key = byJob ? ScenarioConf.jobTemplate(s.job()) : ALL_JOBS;
      series.get(key).add(scale.of(s.nonBarrierMs()), s.ratio(), false);
    }
    XYSeriesCollection ds = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new SmoothMarkers();
    int i = 0;
    for (Map.Entry<String, XYSeries> e : series.entrySet()) {
      if (e.getValue().getItemCount() == 0) continue;
      ds.addSeries(e.getValue());
      // A job takes the colour of its first stage on the Gantt chart, and a shape of its own.
      Color c = byJob ? colors.of(e.getKey()) : ChartStyle.DIFFERENCE;
      r.setSeriesPaint(i, ChartStyle.translucent(c, 190));
      r.setSeriesShape(i, JobColors.shape(byJob ? d.templates().indexOf(e.getKey()) : 0));
      i++;
    }
    NumberAxis y = ChartStyle.numberAxis("slowdown: barrier ÷ non-barrier (×)");
    y.setAutoRangeIncludesZero(false);
    double lo = 1;
    double hi = 1;
    for (JobCompletionData.Slowdown s : d.slowdowns()) {
      lo = Math.min(lo, s.ratio());
      hi = Math.max(hi, s.ratio());
    }
    double pad = Math.max(0.05, (hi - lo) * 0.08);
    y.setRange(lo - pad, hi + pad);
    XYPlot p = new XYPlot(ds, null, y, r);
    ChartStyle.plot(p);
    ValueMarker same = new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1f));
    same.setLabel("no slowdown");
    same.setLabelFont(ChartStyle.SMALL);
    same.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    same.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    same.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    p.addRangeMarker(same);
    return p;
  }

  /** Scatter markers, antialiased even in the PNG (whose other shapes are not): circles and triangles need it. */
  private static final class SmoothMarkers extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;

    SmoothMarkers() {
      super(false, true);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
        XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
        CrosshairState crosshairState, int pass) {
      Object aa = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
      if (aa != null) g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }
  }

  /** 1, or the k such that every k-th slowdown keeps the panel under {@link #MAX_SLOWDOWN_POINTS} points. */
  static int sampling(JobCompletionData d) {
    return Math.max(1, (d.slowdowns().size() + MAX_SLOWDOWN_POINTS - 1) / MAX_SLOWDOWN_POINTS);
  }
}
