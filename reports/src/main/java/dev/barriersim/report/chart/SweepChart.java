package dev.barriersim.report.chart;

import dev.barriersim.report.Headline;
import dev.barriersim.report.sweep.SweepFiles.Cell;
import dev.barriersim.report.sweep.SweepFiles.Document;
import dev.barriersim.report.sweep.SweepFiles.MetricJson;
import dev.barriersim.report.sweep.SweepFiles.ParameterJson;
import dev.barriersim.report.sweep.SweepFiles.Row;
import dev.barriersim.report.sweep.SweepMetric;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One headline metric of a sweep against the swept parameter, from {@code sweep.json}: per arm the
 * mean over the replications as a line and its 95 % interval as a band. A second swept parameter
 * (or zip) gives one line per value; when both are numbers, a heat map of the paired difference
 * (barrier minus non-barrier) over the grid instead. Further parameters are not drawn (the table has them).
 */
public final class SweepChart {
  /** Image size. */
  public static final int WIDTH = 900;
  /** Image size. */
  public static final int HEIGHT = 520;
  /** Most lines per arm for a second parameter; with more values the chart is not drawn. */
  static final int MAX_LINES = 8;

  private static final float[][] DASHES = {null, {6f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};
  private static final Color CELL_TEXT = new Color(0x22, 0x22, 0x22);
  private static final String FAILED_NOTE =
      "a job failed at that point, so its runs may end early: compare completion time there.";

  private SweepChart() {}

  /** How a metric's values are drawn: ms as seconds, fractions as percent, counts as they are. */
  private record Scale(String suffix, double factor) {
    static Scale of(String unit) {
      return switch (unit) {
        case "duration" -> new Scale(" (s)", 1e-3);
        case "percent" -> new Scale(" (%)", 100);
        default -> new Scale("", 1);
      };
    }
  }

  /** The chart of {@code metric}, or empty when no point has it or the grid has too many lines to draw. */
  public static Optional<JFreeChart> build(Document d, MetricJson metric) {
    if (d.rows().stream().noneMatch(r -> r.metrics().containsKey(metric.name()))) return Optional.empty();
    ParameterJson x = first(d, 0);
    Scale scale = Scale.of(metric.unit());
    if (isHeatMap(d)) return Optional.of(heat(d, metric, x, first(d, 1), scale));
    return lines(d, metric, x, factors(d), scale);
  }

  /** True when the sweep's charts are heat maps: exactly two swept factors, both numbers. */
  public static boolean isHeatMap(Document d) {
    return factors(d) == 2 && first(d, 0).numeric() && first(d, 1).numeric();
  }

  /** The points where some job failed in either arm: their runs may have ended early. */
  private static Set<Long> failedPoints(Document d, MetricJson metric) {
    Set<Long> points = new HashSet<>();
    if (metric.name().equals(SweepMetric.COMPLETION) || metric.name().equals(SweepMetric.JOBS_FAILED)) return points;
    for (Row r : d.rows()) {
      Cell failed = r.metrics().get(SweepMetric.JOBS_FAILED);
      if (failed != null && failed.mean() > 0) points.add(r.point());
    }
    return points;
  }

  /** Utilization counts what running tasks hold, as the headline says beside it. */
  private static String heldNote(MetricJson metric) {
    return metric.unit().equals("percent") && metric.label().endsWith("utilization")
        ? " " + capitalized(Headline.HELD_NOTE) + "." : "";
  }

  private static int factors(Document d) {
    return d.parameters().stream().mapToInt(ParameterJson::factor).max().orElse(0) + 1;
  }

  private static ParameterJson first(Document d, int factor) {
    return d.parameters().stream().filter(p -> p.factor() == factor).findFirst().orElseThrow();
  }

  private static dev.barriersim.report.sweep.SweepFiles.Difference diff(Row r, MetricJson m) {
    Cell c = r.metrics().get(m.name());
    return c == null ? null : c.difference();
  }

  /** The x of a row: the value itself for a numeric parameter, its position among the values otherwise. */
  private static double xOf(Row r, Document d, ParameterJson p) {
    String v = r.values().get(d.parameters().indexOf(p));
    return p.numeric() ? Double.parseDouble(v) : p.values().indexOf(v);
  }

  private static ValueAxis axis(ParameterJson p, String label) {
    if (p.numeric()) {
      NumberAxis a = ChartStyle.numberAxis(label);
      a.setAutoRangeIncludesZero(false);
      return a;
    }
    SymbolAxis a = new SymbolAxis(label, p.values().toArray(String[]::new));
    ChartStyle.axis(a);
    return a;
  }

  private static String label(Document d, int factor) {
    List<String> paths = d.parameters().stream().filter(p -> p.factor() == factor).map(ParameterJson::path).toList();
    return paths.size() == 1 ? paths.get(0) : paths.get(0) + " (zip: " + String.join(", ", paths.subList(1, paths.size())) + ")";
  }

  private static Optional<JFreeChart> lines(Document d, MetricJson metric, ParameterJson x, int factors, Scale scale) {
    // Series key: arm, then the values of the other factors.
    Map<String, YIntervalSeries> series = new LinkedHashMap<>();
    Map<String, List<Long>> pointsOf = new LinkedHashMap<>();
    Map<String, Color> colours = new LinkedHashMap<>();
    Map<String, Integer> lineOfOthers = new LinkedHashMap<>();
    Set<Long> failed = failedPoints(d, metric);
    for (Row r : d.rows()) {
      Cell c = r.metrics().get(metric.name());
      if (c == null) continue;
      List<String> others = new ArrayList<>();
      for (int i = 0; i < d.parameters().size(); i++) {
        if (d.parameters().get(i).factor() != 0) others.add(d.parameters().get(i).label() + "=" + r.values().get(i));
      }
      String other = String.join(", ", others);
      int line = lineOfOthers.computeIfAbsent(other, k -> lineOfOthers.size());
      if (line >= MAX_LINES) return Optional.empty();
      String key = other.isEmpty() ? r.mode() : r.mode() + ", " + other;
      YIntervalSeries s = series.computeIfAbsent(key, k -> new YIntervalSeries(k, false, true));
      colours.putIfAbsent(key, ChartStyle.darker(ChartStyle.mode(r.mode()), 0.12 * line));
      s.add(xOf(r, d, x), c.mean() * scale.factor(), c.ci95()[0] * scale.factor(), c.ci95()[1] * scale.factor());
      pointsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(r.point());
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    series.values().forEach(data::addSeries);
    List<List<Long>> itemPoints = new ArrayList<>(pointsOf.values());
    DeviationRenderer renderer = new DeviationRenderer(true, true) {
      @Override
      public boolean getItemShapeFilled(int s, int item) {
        return !failed.contains(itemPoints.get(s).get(item)); // hollow where a job failed
      }
    };
    renderer.setAlpha(0.18f);
    int i = 0;
    for (Map.Entry<String, Color> e : colours.entrySet()) {
      int line = lineOfOthers.size() <= 1 ? 0 : lineOf(e.getKey(), lineOfOthers);
      float[] dash = DASHES[line % DASHES.length];
      renderer.setSeriesPaint(i, e.getValue());
      renderer.setSeriesFillPaint(i, e.getValue());
      renderer.setSeriesStroke(i, dash == null ? new BasicStroke(2f)
          : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
      renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
      i++;
    }
    NumberAxis y = ChartStyle.numberAxis(metric.label() + scale.suffix());
    y.setAutoRangeIncludesZero(true); // a count's mean over replications is fractional: ticks of 0.2 as well
    org.jfree.data.Range bounds = org.jfree.data.general.DatasetUtils.findRangeBounds(data, true);
    if (bounds == null || (bounds.getLowerBound() == 0 && bounds.getUpperBound() == 0)) {
      y.setRange(0, 1); // a metric that is 0 everywhere: an axis from 0, not ticks of -0 and 0
    }
    XYPlot plot = new XYPlot(data, axis(x, label(d, 0)), y, renderer);
    ChartStyle.plot(plot);
    String sub = "Mean over " + d.replications() + (d.replications() == 1 ? " replication" : " replications")
        + (d.replications() > 1 ? " with its 95 % interval (band)" : "") + " at each of "
        + String.format(Locale.ROOT, "%,d", d.points()) + " points; same seeds at every point.";
    String more = factors > 2 ? " Lines: " + label(d, 1) + " and the further swept keys." : factors == 2
        ? " One line per value of " + label(d, 1) + "." : "";
    String note = (failed.isEmpty() ? "" : " Hollow markers: " + FAILED_NOTE) + heldNote(metric);
    return Optional.of(ChartStyle.chart(capitalized(metric.label()) + " against " + x.label(), plot, true,
        sub + more + note));
  }

  private static int lineOf(String key, Map<String, Integer> lines) {
    for (Map.Entry<String, Integer> e : lines.entrySet()) {
      if (key.endsWith(", " + e.getKey()) || key.equals(e.getKey())) return e.getValue();
    }
    return 0;
  }

  /**
   * The grid of the two parameters, each cell the paired difference of the metric, or (barrier wait,
   * or one arm only) the mean of the arm that has it.
   */
  private static JFreeChart heat(Document d, MetricJson metric, ParameterJson x, ParameterJson y, Scale scale) {
    boolean paired = d.rows().stream().anyMatch(r -> diff(r, metric) != null);
    String arm = d.rows().stream().filter(r -> r.metrics().containsKey(metric.name())).map(Row::mode).findFirst().orElseThrow();
    List<double[]> cells = new ArrayList<>();
    Set<Long> failed = failedPoints(d, metric);
    double max = 0;
    for (Row r : d.rows()) {
      if (!r.mode().equals(paired ? d.modes().get(0) : arm)) continue;
      Cell c = r.metrics().get(metric.name());
      if (c == null || (paired && c.difference() == null)) continue;
      double v = (paired ? c.difference().mean() : c.mean()) * scale.factor();
      max = Math.max(max, Math.abs(v));
      int i = d.parameters().indexOf(x);
      int j = d.parameters().indexOf(y);
      cells.add(new double[] {x.values().indexOf(r.values().get(i)), y.values().indexOf(r.values().get(j)), v,
          failed.contains(r.point()) ? 1 : 0});
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    double[][] series = new double[3][cells.size()];
    for (int k = 0; k < cells.size(); k++) {
      for (int c = 0; c < 3; c++) series[c][k] = cells.get(k)[c];
    }
    data.addSeries("difference", series);
    XYBlockRenderer renderer = new XYBlockRenderer();
    // A metric equal everywhere (no job failed at any point) gets a scale of one unit either way,
    // not ticks of 0 and -0 a billionth apart.
    DivergingScale paint = new DivergingScale(max == 0 ? 1 : max);
    renderer.setPaintScale(paint);
    renderer.setBlockWidth(1);
    renderer.setBlockHeight(1);
    SymbolAxis xa = new SymbolAxis(label(d, 0), x.values().toArray(String[]::new));
    SymbolAxis ya = new SymbolAxis(label(d, 1), y.values().toArray(String[]::new));
    ChartStyle.axis(xa);
    ChartStyle.axis(ya);
    XYPlot plot = new XYPlot(data, xa, ya, renderer);
    ChartStyle.plot(plot);
    for (double[] c : cells) plot.addAnnotation(cellLabel(c[0], c[1], c[2], c[3] == 1, paired, paint));
    String reps = d.replications() + (d.replications() == 1 ? " replication" : " replications");
    String note = (failed.isEmpty() ? "" : " *: " + FAILED_NOTE) + heldNote(metric);
    JFreeChart chart = paired
        ? ChartStyle.chart(capitalized(metric.label()) + ": barrier minus non-barrier", plot, false,
            "Paired difference of the means over " + reps + " at each point; red: barrier mode higher, blue: lower."
                + note)
        : ChartStyle.chart(capitalized(metric.label()) + " (" + arm + ")", plot, false,
            "Mean over " + reps + " at each point; darker: higher." + note);
    NumberAxis scaleAxis = ChartStyle.numberAxis((paired ? "difference" : metric.label()) + scale.suffix());
    scaleAxis.setRange(paired ? -paint.getUpperBound() : 0, paint.getUpperBound());
    PaintScaleLegend legend = new PaintScaleLegend(paint, scaleAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(new RectangleInsets(4, 8, 4, 4));
    legend.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(legend);
    return chart;
  }

  /** A cell's value written in it, white on the darker cells, in the unit of the scale beside the grid. */
  private static XYTextAnnotation cellLabel(double x, double y, double v, boolean failed, boolean signed,
      DivergingScale paint) {
    XYTextAnnotation a = new XYTextAnnotation(cellText(v, signed) + (failed ? "*" : ""), x, y);
    a.setFont(ChartStyle.TICK);
    a.setPaint(Math.abs(v) / paint.max() > 0.55 ? Color.WHITE : CELL_TEXT);
    return a;
  }

  /** {@code +81.2}, {@code -2.35}, {@code 1234}, {@code 0}: two decimals below 10, one below 100; signed for a difference. */
  static String cellText(double v, boolean signed) {
    double a = Math.abs(v);
    String digits = String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", a);
    if (Double.parseDouble(digits) == 0) return "0";
    return (v < 0 ? "-" : signed ? "+" : "") + digits;
  }

  /** White at zero, red above, blue below, up to {@code max} either way. */
  private record DivergingScale(double max) implements PaintScale {
    private static final Color RED = new Color(0xb2, 0x18, 0x2b);
    private static final Color BLUE = new Color(0x21, 0x66, 0xac);

    @Override
    public double getLowerBound() {
      return -max;
    }

    @Override
    public double getUpperBound() {
      return max;
    }

    @Override
    public Paint getPaint(double value) {
      double f = Math.max(-1, Math.min(1, value / max));
      Color end = f >= 0 ? RED : BLUE;
      double a = Math.abs(f);
      return new Color(mix(255, end.getRed(), a), mix(255, end.getGreen(), a), mix(255, end.getBlue(), a));
    }

    private static int mix(int from, int to, double a) {
      return (int) Math.round(from + (to - from) * a);
    }
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
