package dev.barriersim.report.chart;

import dev.barriersim.report.data.ScenarioConf;
import dev.barriersim.report.data.ScenarioFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
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
  public Optional<JFreeChart> build(ScenarioFiles in) {
    JobCompletionData d = data(in);
    return d.applies() ? Optional.of(chart(in, d)) : Optional.empty();
  }

  /** The chart's model: sorted completion times per mode and the per-job slowdowns. */
  static JobCompletionData data(ScenarioFiles in) {
    return JobCompletionData.of(in);
  }

  static JFreeChart chart(ScenarioFiles in, JobCompletionData d) {
    long max = 1;
    for (JobCompletionData.Cdf c : d.cdfs()) max = Math.max(max, c.sortedMs()[c.sortedMs().length - 1]);
    TimeScale scale = TimeScale.forSpan(max);
    NumberAxis x = ChartStyle.numberAxis(scale.label("job completion time: end − submission"));
    x.setAutoRangeIncludesZero(true);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
    plot.setGap(16);
    plot.add(cdfPlot(d, scale), 3);
    if (!d.slowdowns().isEmpty()) plot.add(slowdownPlot(d, scale), 2);
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
      subtitles.add("lower panel: each job that succeeded in both modes, its barrier ÷ non-barrier time at its non-barrier time");
    }
    return ChartStyle.chart("Job completion time", plot, true, subtitles.toArray(String[]::new));
  }

  private static XYPlot cdfPlot(JobCompletionData d, TimeScale scale) {
    XYSeriesCollection ds = new XYSeriesCollection();
    XYStepRenderer r = new XYStepRenderer();
    r.setDefaultShapesVisible(false);
    int i = 0;
    for (JobCompletionData.Cdf c : d.cdfs()) {
      XYSeries s = new XYSeries(c.mode() + " · share of jobs done", false, true);
      long[] v = c.sortedMs();
      s.add(scale.of(v[0]), 0.0, false);
      for (int k = 0; k < v.length; k++) s.add(scale.of(v[k]), 100.0 * (k + 1) / v.length, false);
      ds.addSeries(s);
      r.setSeriesPaint(i, ChartStyle.mode(c.mode()));
      r.setSeriesStroke(i++, new BasicStroke(1.8f));
    }
    NumberAxis y = ChartStyle.numberAxis("jobs done within that time (%)");
    y.setRange(0, 102);
    XYPlot p = new XYPlot(ds, null, y, r);
    ChartStyle.plot(p);
    return p;
  }

  private static XYPlot slowdownPlot(JobCompletionData d, TimeScale scale) {
    boolean byJob = d.templates().size() <= MAX_JOB_SERIES;
    Map<String, XYSeries> series = new LinkedHashMap<>();
    if (byJob) {
      for (String t : d.templates()) series.put(t, new XYSeries("slowdown · job " + t, false, true));
    } else {
      series.put(ALL_JOBS, new XYSeries("slowdown · " + ALL_JOBS, false, true));
    }
    for (JobCompletionData.Slowdown s : d.slowdowns()) {
      String key = byJob ? ScenarioConf.jobTemplate(s.job()) : ALL_JOBS;
      series.get(key).add(scale.of(s.nonBarrierMs()), s.ratio(), false);
    }
    XYSeriesCollection ds = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    int i = 0;
    for (XYSeries s : series.values()) {
      if (s.getItemCount() == 0) continue;
      ds.addSeries(s);
      r.setSeriesPaint(i, ChartStyle.translucent(StagePalette.color(i), 190));
      r.setSeriesShape(i++, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
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
}
