package dev.barriersim.report.chart;

import dev.barriersim.report.data.ScenarioFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The two modes side by side, from {@code summary.json}: per metric group (time, core time,
 * utilization) the mean of each mode with its 95 % interval, and beside it the paired difference
 * barrier minus non-barrier with its interval.
 */
public final class ComparisonChart implements Chart {
  /** The series key of the paired differences. */
  static final String DIFFERENCE = "barrier − non-barrier";
  private static final double CATEGORY_LABEL_SPACE = 230;

  @Override
  public String name() {
    return "comparison";
  }

  @Override
  public int width() {
    return 1300;
  }

  @Override
  public int height() {
    return 900;
  }

  @Override
  public Optional<JFreeChart> build(ScenarioFiles in) {
    ComparisonData d = data(in);
    return d.panels().isEmpty() ? Optional.empty() : Optional.of(chart(in, d));
  }

  /** The chart's model: rows of estimates per metric group. */
  static ComparisonData data(ScenarioFiles in) {
    return ComparisonData.of(in);
  }

  /** A value unit for a panel: the divisor from the stored unit and the suffix shown. */
  record Unit(String name, double divisor, String suffix) {
    /** The unit of the per-mode cell, or of the difference cell, chosen from that cell's own values. */
    static Unit of(ComparisonData.Panel p, boolean difference) {
      double max = 0;
      for (ComparisonData.Row r : p.rows()) {
        if (!difference) {
          for (ComparisonData.Estimate e : r.byMode().values()) max = Math.max(max, Math.max(Math.abs(e.low()), Math.abs(e.high())));
        } else if (r.paired() != null) {
          max = Math.max(max, Math.max(Math.abs(r.paired().low()), Math.abs(r.paired().high())));
        }
      }
      return switch (p.kind()) {
        case FRACTION -> new Unit("%", 0.01, " %");
        case DURATION -> {
          TimeScale t = TimeScale.forSpan((long) max);
          yield new Unit(t.unit(), t.msPerUnit(), " " + t.unit());
        }
        case CORE_TIME -> {
          TimeScale t = TimeScale.forSpan((long) max);
          String u = "core·" + t.unit();
          yield new Unit(u, t.msPerUnit(), " " + u);
        }
      };
    }
  }

  static JFreeChart chart(ScenarioFiles in, ComparisonData d) {
    boolean paired = d.panels().stream().flatMap(p -> p.rows().stream()).anyMatch(r -> r.paired() != null);
    List<ChartGrid.Row> rows = new ArrayList<>();
    for (ComparisonData.Panel p : d.panels()) {
      // Each cell has its own unit: a difference of seconds reads badly in the minutes of a long makespan.
      List<JFreeChart> cells = new ArrayList<>();
      cells.add(cell(p, Unit.of(p, false), d, false, true));
      if (paired) cells.add(cell(p, Unit.of(p, true), d, true, false));
      // Row height follows the number of bars, plus room for the title and the axis.
      rows.add(new ChartGrid.Row(cells, 2.2 + p.rows().size() * (paired ? Math.max(1, d.modes().size()) * 0.75 : 1)));
    }
    LegendItemCollection legend = new LegendItemCollection();
    for (String m : d.modes()) legend.add(ChartStyle.swatch(m + " (mean)", ChartStyle.mode(m), null));
    if (paired) legend.add(ChartStyle.swatch(DIFFERENCE + " (paired mean)", ChartStyle.DIFFERENCE, null));
    if (d.replications() > 1) legend.add(ChartStyle.line("95 % interval", Color.BLACK, new BasicStroke(1f)));
    ChartGrid grid = new ChartGrid(rows, paired ? new double[] {0.6, 0.4} : new double[] {1}, legend);
    return ChartStyle.chart("Barrier vs non-barrier: what the gang costs", grid, true, ChartHeader.allReplications(in),
        (d.replications() > 1 ? "bars: mean over the replications · whiskers: 95 % interval (Student t)"
            : "one replication: values of that run, no intervals (run with run.replications > 1 for intervals)")
            + " · job rows: end − submission of the instances that succeeded, averaged per run");
  }

  private static JFreeChart cell(ComparisonData.Panel p, Unit unit, ComparisonData d, boolean difference,
      boolean categoryLabels) {
    DefaultStatisticalCategoryDataset ds = new DefaultStatisticalCategoryDataset();
    List<String> series = difference ? List.of(DIFFERENCE) : d.modes();
    for (String s : series) {
      for (ComparisonData.Row r : p.rows()) {
        ComparisonData.Estimate e = difference ? r.paired() : r.byMode().get(s);
        if (e == null) {
          ds.add((Number) null, (Number) null, s, r.label());
          continue;
        }
        Double half = e.n() > 1 ? (e.high() - e.low()) / 2 / unit.divisor() : null;
        ds.add((Number) (e.mean() / unit.divisor()), (Number) half, s, r.label());
      }
    }
    CategoryAxis categories = new CategoryAxis(null);
    ChartStyle.axis(categories);
    categories.setTickLabelsVisible(categoryLabels);
    categories.setCategoryMargin(0.25);
    categories.setLowerMargin(0.04);
    categories.setUpperMargin(0.04);
    categories.setMaximumCategoryLabelWidthRatio(0.3f);
    categories.setMaximumCategoryLabelLines(2);
    // A difference of two percentages is in percentage points.
    boolean points = difference && p.kind() == ComparisonData.Kind.FRACTION;
    NumberAxis values = ChartStyle.numberAxis(p.title().toLowerCase(Locale.ROOT)
        + (points ? " difference (percentage points)" : " (" + unit.name() + ")"));
    values.setAutoRangeIncludesZero(true);
    values.setUpperMargin(difference ? 0.3 : 0.22); // room for the value labels right of the bars
    values.setLowerMargin(hasNegative(p, difference) ? 0.2 : 0.02);
    MeanIntervalRenderer r = new MeanIntervalRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
    r.setErrorIndicatorPaint(Color.BLACK);
    r.setErrorIndicatorStroke(new BasicStroke(1.1f));
    r.setItemMargin(0.05);
    r.setMaximumBarWidth(0.12);
    for (int i = 0; i < series.size(); i++) {
      r.setSeriesPaint(i, difference ? ChartStyle.DIFFERENCE : ChartStyle.mode(series.get(i)));
    }
    r.setDefaultItemLabelGenerator(new ValueLabels(p.kind(), unit, difference));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(ChartStyle.SMALL.deriveFont(10f));
    r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    r.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
    r.setItemLabelAnchorOffset(6);
    CategoryPlot plot = new CategoryPlot(ds, categories, values, r);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    // The same room for category labels in every row, so that the panels line up.
    AxisSpace space = new AxisSpace();
    space.setLeft(categoryLabels ? CATEGORY_LABEL_SPACE : 8);
    plot.setFixedDomainAxisSpace(space);
    ChartStyle.plot(plot);
    if (difference) plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f)));
    JFreeChart c = new JFreeChart(null, ChartStyle.PANEL_TITLE, plot, false);
    c.setBackgroundPaint(Color.WHITE);
    c.setAntiAlias(true);
    c.setPadding(new RectangleInsets(4, 4, 10, 10));
    TextTitle title = new TextTitle(difference ? p.title() + ": " + DIFFERENCE + " (paired)"
        : p.title() + (d.replications() > 1 ? ": mean per mode" : ": per mode"), ChartStyle.PANEL_TITLE);
    title.setHorizontalAlignment(HorizontalAlignment.LEFT);
    c.setTitle(title);
    return c;
  }

  /**
   * The value beside each bar, in the unit people read: durations as {@code 30m 42s} (so that a
   * job of half an hour does not read {@code 0.5 h} beside a makespan of days), core time in the
   * panel's unit, shares in percent; differences signed, and in percentage points for shares.
   */
  static final class ValueLabels implements CategoryItemLabelGenerator {
    private final ComparisonData.Kind kind;
    private final Unit unit;
    private final boolean difference;
    private final DecimalFormat number;
    private final DecimalFormat whole;

    ValueLabels(ComparisonData.Kind kind, Unit unit, boolean difference) {
      this.kind = kind;
      this.unit = unit;
      this.difference = difference;
      this.number = ChartStyle.format(difference ? "+#,##0.0;-#,##0.0" : "#,##0.0");
      this.whole = ChartStyle.format(difference ? "+#,##0;-#,##0" : "#,##0");
    }

    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
      return dataset.getRowKey(row).toString();
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
      return dataset.getColumnKey(column).toString();
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
      Number v = dataset.getValue(row, column);
      return v == null ? null : text(v.doubleValue());
    }

    /** {@code value} in the panel's display unit, as the label says it. */
    String text(double value) {
      return switch (kind) {
        case DURATION -> duration(value * unit.divisor(), difference);
        // A tenth is noise next to hundreds, and the label must fit beside its bar.
        case CORE_TIME -> value == 0 ? "0" : (Math.abs(value) >= 100 ? whole : number).format(value) + unit.suffix();
        case FRACTION -> number.format(value) + (difference ? " pp" : " %");
      };
    }
  }

  /** {@code 50h 30m}, {@code 30m 42s}, {@code 27.5s}, {@code 0.8s}, {@code 40ms}; with a sign when {@code signed}. */
  static String duration(double ms, boolean signed) {
    if (ms == 0) return "0";
    String sign = ms < 0 ? "-" : signed ? "+" : "";
    double a = Math.abs(ms);
    if (a >= 3_600_000 - 30_000) {
      long m = Math.round(a / 60_000);
      return sign + m / 60 + "h " + m % 60 + "m";
    }
    if (a >= 60_000 - 50) {
      long sec = Math.round(a / 1000);
      return sign + sec / 60 + "m " + sec % 60 + "s";
    }
    if (a >= 95) return sign + String.format(Locale.ROOT, "%.1fs", a / 1000);
    return sign + Math.round(a) + "ms";
  }

  private static boolean hasNegative(ComparisonData.Panel p, boolean difference) {
    for (ComparisonData.Row r : p.rows()) {
      if (difference && r.paired() != null && r.paired().low() < 0) return true;
      if (!difference && r.byMode().values().stream().anyMatch(e -> e.low() < 0)) return true;
    }
    return false;
  }
}
