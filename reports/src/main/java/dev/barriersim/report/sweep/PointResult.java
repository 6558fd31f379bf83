package dev.barriersim.report.sweep;

import dev.barriersim.report.Mode;
import dev.barriersim.report.Stats;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep keeps of one point once its runs have ended: the estimates of every headline metric
 * per arm over the replications and the paired differences (barrier minus non-barrier, replication
 * by replication), and one digest over all its runs.
 *
 * @param values the point's values, one per parameter, as flow YAML
 * @param digest SHA-256 hex of the point's run digests, each followed by {@code \n}, in plan order
 *     (modes in order, then replications)
 * @param folder the point's folder relative to the sweep folder ({@code --keep-points}), or null
 * @param arms mode id to metric name to estimate; a metric a point does not have is absent
 * @param paired metric name to the estimate of the paired difference (both modes ran)
 */
public record PointResult(long index, List<String> values, String digest, String folder,
    Map<String, Map<String, Stats.Estimate>> arms, Map<String, Stats.Estimate> paired) {
  /** Freezes the values. */
  public PointResult {
    values = List.copyOf(values);
  }

  /**
   * Reduces the samples of one point; {@code samples[m][r]} is mode {@code modes.get(m)}, replication r.
   */
  static PointResult of(long index, List<String> values, String folder, List<Mode> modes, RunSample[][] samples) {
    Map<String, Map<String, Stats.Estimate>> arms = new LinkedHashMap<>();
    for (int m = 0; m < modes.size(); m++) {
      Map<String, Stats.Estimate> metrics = new LinkedHashMap<>();
      for (String name : samples[m][0].values().keySet()) {
        if (name.equals(SweepMetric.BARRIER_WAIT) && modes.get(m) != Mode.BARRIER) continue;
        metrics.put(name, Stats.of(column(samples[m], name)));
      }
      arms.put(modes.get(m).id(), metrics);
    }
    Map<String, Stats.Estimate> paired = new LinkedHashMap<>();
    int b = modes.indexOf(Mode.BARRIER);
    int n = modes.indexOf(Mode.NON_BARRIER);
    completion(samples, modes, b, n, arms, paired);
    if (b >= 0 && n >= 0) {
      for (String name : samples[b][0].values().keySet()) {
        if (name.equals(SweepMetric.BARRIER_WAIT) || !samples[n][0].values().containsKey(name)) continue;
        double[] x = column(samples[b], name);
        double[] y = column(samples[n], name);
        double[] d = new double[x.length];
        for (int r = 0; r < d.length; r++) d[r] = x[r] - y[r];
        paired.put(name, Stats.of(d));
      }
    }
    return new PointResult(index, values, digest(samples), folder, arms, paired);
  }

  /**
   * Completion time: per replication, the mean over the jobs that succeeded (in both arms when both
   * ran, as the headline pairs them); replications without such a job are left out.
   */
  private static void completion(RunSample[][] samples, List<Mode> modes, int b, int n,
      Map<String, Map<String, Stats.Estimate>> arms, Map<String, Stats.Estimate> paired) {
    if (b >= 0 && n >= 0) {
      List<double[]> rows = new ArrayList<>();
      for (int r = 0; r < samples[b].length; r++) {
        Map<String, Long> plain = samples[n][r].completions();
        double sb = 0;
        double sn = 0;
        int k = 0;
        for (Map.Entry<String, Long> e : samples[b][r].completions().entrySet()) {
          Long o = plain.get(e.getKey());
          if (o == null) continue;
          sb += e.getValue();
          sn += o;
          k++;
        }
        if (k > 0) rows.add(new double[] {sb / k, sn / k});
      }
      if (rows.isEmpty()) return;
      put(arms.get(modes.get(b).id()), Stats.of(rows.stream().mapToDouble(x -> x[0]).toArray()));
      put(arms.get(modes.get(n).id()), Stats.of(rows.stream().mapToDouble(x -> x[1]).toArray()));
      paired.put(SweepMetric.COMPLETION, Stats.of(rows.stream().mapToDouble(x -> x[0] - x[1]).toArray()));
      return;
    }
    for (int m = 0; m < modes.size(); m++) {
      double[] means = java.util.Arrays.stream(samples[m]).filter(s -> !s.completions().isEmpty())
          .mapToDouble(s -> s.completions().values().stream().mapToLong(Long::longValue).average().orElse(0)).toArray();
      if (means.length > 0) put(arms.get(modes.get(m).id()), Stats.of(means));
    }
  }

  /** Puts completion time right after makespan, so every map keeps the metric order. */
  private static void put(Map<String, Stats.Estimate> metrics, Stats.Estimate e) {
    Map<String, Stats.Estimate> copy = new LinkedHashMap<>(metrics);
    metrics.clear();
    copy.forEach((k, v) -> {
      metrics.put(k, v);
      if (k.equals(SweepMetric.MAKESPAN)) metrics.put(SweepMetric.COMPLETION, e);
    });
  }

  private static double[] column(RunSample[] runs, String name) {
    double[] out = new double[runs.length];
    for (int r = 0; r < runs.length; r++) out[r] = runs[r].values().getOrDefault(name, 0.0);
    return out;
  }

  private static String digest(RunSample[][] samples) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (RunSample[] mode : samples) {
        for (RunSample s : mode) sha.update((s.digest() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The estimate of {@code metric} in {@code mode}, or null. */
  public Stats.Estimate arm(String mode, String metric) {
    Map<String, Stats.Estimate> m = arms.get(mode);
    return m == null ? null : m.get(metric);
  }
}
