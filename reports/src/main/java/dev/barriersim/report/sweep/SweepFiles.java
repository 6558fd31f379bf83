package dev.barriersim.report.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.barriersim.report.Aggregates;
import dev.barriersim.report.JsonOutput;
import dev.barriersim.report.Mode;
import dev.barriersim.report.Stats;
import dev.barriersim.report.SummaryJson;
import dev.barriersim.report.Version;
import dev.barriersim.scenario.Sweep;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a sweep: {@code sweep.json} and {@code sweep.csv} (one row per point and mode: the
 * swept values, then each headline metric's mean, 95 % interval and n, and the paired difference),
 * and the {@code sweep} part of {@code summary.json} (per point: its values, one digest over its
 * runs, and the aggregates of the headline metrics per mode and paired).
 */
public final class SweepFiles {
  /** The table, one row per point and mode. */
  public static final String CSV = "sweep.csv";
  /** The same rows with the parameters and metrics described. */
  public static final String JSON = "sweep.json";

  private SweepFiles() {}

  /** One swept key and its values, in order. */
  @JsonPropertyOrder({"path", "label", "factor", "numeric", "values"})
  public record ParameterJson(String path, String label, int factor, boolean numeric, List<String> values) {}

  /** One headline metric: id, label and unit ({@code duration} in ms, {@code percent} as a fraction, {@code count}). */
  @JsonPropertyOrder({"name", "label", "unit"})
  public record MetricJson(String name, String label, String unit) {}

  /** A paired difference, barrier minus non-barrier. */
  @JsonPropertyOrder({"mean", "ci95", "n"})
  public record Difference(double mean, double[] ci95, long n) {}

  /** One metric of one row: mean, 95 % interval, n, and the point's paired difference. */
  @JsonPropertyOrder({"mean", "ci95", "n", "difference"})
  public record Cell(double mean, double[] ci95, long n, @JsonInclude(JsonInclude.Include.NON_NULL) Difference difference) {}

  /** One point in one mode. */
  @JsonPropertyOrder({"point", "values", "mode", "folder", "metrics"})
  public record Row(long point, List<String> values, String mode,
      @JsonInclude(JsonInclude.Include.NON_NULL) String folder, Map<String, Cell> metrics) {}

  /** {@code sweep.json}. */
  @JsonPropertyOrder({"scenario", "seed", "version", "modes", "replications", "overrides", "points", "runs", "parameters",
      "metrics", "rows"})
  public record Document(String scenario, long seed, String version, List<String> modes, int replications,
      List<String> overrides, long points, long runs, List<ParameterJson> parameters, List<MetricJson> metrics,
      List<Row> rows) {}

  /** The sweep part of {@code summary.json}. */
  @JsonPropertyOrder({"parameters", "points", "runs", "metrics", "results"})
  public record SummarySweep(List<ParameterJson> parameters, long points, long runs, List<String> metrics,
      List<PointJson> results) {}

  /** One point in {@code summary.json}: values, digest, folder (kept points only), aggregates per mode and {@code paired}. */
  @JsonPropertyOrder({"point", "values", "digest", "folder", "aggregates"})
  public record PointJson(long point, List<String> values, String digest,
      @JsonInclude(JsonInclude.Include.NON_NULL) String folder,
      Map<String, Map<String, SummaryJson.EstimateJson>> aggregates) {}

  /** The parameters of the plan's sweep. */
  static List<ParameterJson> parameters(Sweep sweep) {
    List<ParameterJson> out = new ArrayList<>();
    for (Sweep.Parameter p : sweep.parameters()) {
      out.add(new ParameterJson(p.path(), p.label(), p.factor(), sweep.numeric(p), sweep.values(p)));
    }
    return out;
  }

  /** {@code sweep.json}. */
  public static String json(SweepResult r) {
    SweepPlan plan = r.plan();
    List<MetricJson> metrics = r.metrics().stream()
        .map(m -> new MetricJson(m.name(), m.label(), m.unit().name().toLowerCase(java.util.Locale.ROOT))).toList();
    List<Row> rows = new ArrayList<>();
    for (PointResult p : r.points()) {
      for (Mode mode : plan.modes()) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (SweepMetric m : r.metrics()) {
          Stats.Estimate e = p.arm(mode.id(), m.name());
          if (e == null) continue;
          Stats.Estimate d = p.paired().get(m.name());
          cells.put(m.name(), new Cell(e.mean(), new double[] {e.ciLow(), e.ciHigh()}, e.n(),
              d == null ? null : new Difference(d.mean(), new double[] {d.ciLow(), d.ciHigh()}, d.n())));
        }
        rows.add(new Row(p.index(), p.values(), mode.id(), p.folder(), cells));
      }
    }
    return JsonOutput.render(new Document(plan.name(), plan.seed(), Version.get(), plan.modes().stream().map(Mode::id).toList(),
        plan.replications(), plan.scenario().overrides(), plan.sweep().points(), plan.runs(), parameters(plan.sweep()),
        metrics, rows));
  }

  /** {@code summary.json} of a sweep: no runs and no aggregates at the top; every point under {@code sweep}. */
  public static SummaryJson.Summary summary(SweepResult r) {
    SweepPlan plan = r.plan();
    List<PointJson> points = new ArrayList<>();
    for (PointResult p : r.points()) {
      Map<String, Map<String, SummaryJson.EstimateJson>> aggregates = new LinkedHashMap<>();
      p.arms().forEach((mode, metrics) -> aggregates.put(mode, json(metrics)));
      if (!p.paired().isEmpty()) aggregates.put(Aggregates.PAIRED, json(p.paired()));
      points.add(new PointJson(p.index(), p.values(), p.digest(), p.folder(), aggregates));
    }
    SummarySweep sweep = new SummarySweep(parameters(plan.sweep()), plan.sweep().points(), plan.runs(),
        r.metrics().stream().map(SweepMetric::name).toList(), points);
    return new SummaryJson.Summary(plan.name(), plan.seed(), Version.get(), List.of(), Map.of(),
        plan.modes().stream().map(Mode::id).toList(), plan.replications(), plan.scenario().overrides(), sweep);
  }

  private static Map<String, SummaryJson.EstimateJson> json(Map<String, Stats.Estimate> metrics) {
    Map<String, SummaryJson.EstimateJson> out = new LinkedHashMap<>();
    metrics.forEach((k, e) -> out.put(k, SummaryJson.EstimateJson.of(e)));
    return out;
  }

  /**
   * {@code sweep.csv}: {@code point}, one column per swept path, {@code mode}, then per metric
   * {@code <metric>.mean}, {@code .ci95Low}, {@code .ci95High}, {@code .n}, {@code .diffMean},
   * {@code .diffCi95Low}, {@code .diffCi95High}; empty cells where a metric does not apply. Numbers
   * have at most 10 significant digits, so the file reads the same on every JDK.
   */
  public static String csv(SweepResult r) {
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("point"));
    r.plan().sweep().parameters().forEach(p -> header.add(p.path()));
    header.add("mode");
    for (SweepMetric m : r.metrics()) {
      for (String s : List.of(".mean", ".ci95Low", ".ci95High", ".n", ".diffMean", ".diffCi95Low", ".diffCi95High")) {
        header.add(m.name() + s);
      }
    }
    line(sb, header);
    for (PointResult p : r.points()) {
      for (Mode mode : r.plan().modes()) {
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(p.index()));
        cells.addAll(p.values());
        cells.add(mode.id());
        for (SweepMetric m : r.metrics()) {
          Stats.Estimate e = p.arm(mode.id(), m.name());
          Stats.Estimate d = p.paired().get(m.name());
          cells.add(e == null ? "" : number(e.mean()));
          cells.add(e == null ? "" : number(e.ciLow()));
          cells.add(e == null ? "" : number(e.ciHigh()));
          cells.add(e == null ? "" : Long.toString(e.n()));
          cells.add(d == null ? "" : number(d.mean()));
          cells.add(d == null ? "" : number(d.ciLow()));
          cells.add(d == null ? "" : number(d.ciHigh()));
        }
        line(sb, cells);
      }
    }
    return sb.toString();
  }

  /** A number with at most 10 significant digits, without exponent or trailing zeros. */
  static String number(double v) {
    if (!Double.isFinite(v)) return "";
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    String s = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  private static void line(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) sb.append(',');
      String c = cells.get(i);
      boolean quote = c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0;
      sb.append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
    }
    sb.append('\n');
  }
}
