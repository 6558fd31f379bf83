package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.barriersim.scenario.ScenarioLoader;
import dev.barriersim.scenario.Sweep;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties of sweeps: a point is the scenario with its values set, and the grid is exactly the product of its lists. */
class SweepPropertiesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir Path tmp;

  /** Distinct values, sorted, from a list of small numbers (the sweep refuses duplicates). */
  private static List<Integer> distinct(List<Integer> values) {
    return List.copyOf(new TreeSet<>(values));
  }

  private static String list(List<Integer> values) {
    return values.toString();
  }

  /**
   * A random grid over the gang's size and the cluster's size, a random point of it: the digests of
   * the point's runs inside the sweep are those of {@code run --set} of its values alone.
   */
  @Test
  void aPointsRunsAreByteIdenticalToThePointRunAloneWithSet() {
    int[] example = {0};
    qt().withFixedSeed(20261127L).withExamples(8)
        .forAll(lists().of(integers().between(1, 8)).ofSizeBetween(1, 3), lists().of(integers().between(2, 4)).ofSizeBetween(1, 2),
            integers().between(1, 2), integers().between(0, 1000))
        .checkAssert((tasks, counts, reps, pick) -> {
          try {
            Path dir = Files.createDirectories(tmp.resolve("e" + example[0]++));
            List<Integer> t = distinct(tasks);
            List<Integer> c = distinct(counts);
            String yaml = SweepCommandTest.SWEEP.replace("[2, 4, 8]", list(t)).replace("[2, 3]", list(c))
                .replace("replications: 2", "replications: " + reps);
            Path f = dir.resolve("s.yaml");
            Files.writeString(f, yaml, StandardCharsets.UTF_8);
            Cli.Result sweep = Cli.run("run", f.toString(), "--out", dir.resolve("sweep").toString(), "--quiet", "--no-charts");
            assertEquals(0, sweep.code(), sweep.toString());
            JsonNode results = MAPPER.readTree(dir.resolve("sweep/summary.json").toFile()).get("sweep").get("results");
            int point = pick % results.size();
            JsonNode values = results.get(point).get("values");
            Cli.Result alone = Cli.run("run", f.toString(), "--out", dir.resolve("alone").toString(), "--quiet", "--no-charts",
                "--set", "jobs[fit].stages[train].tasks=" + values.get(0).asText(),
                "--set", "cluster.executors[0].count=" + values.get(1).asText());
            assertEquals(0, alone.code(), alone.toString());
            JsonNode runs = MAPPER.readTree(dir.resolve("alone/summary.json").toFile()).get("runs");
            assertEquals(2 * reps, runs.size());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (JsonNode r : runs) sha.update((r.get("digest").asText() + "\n").getBytes(StandardCharsets.UTF_8));
            assertEquals(HexFormat.of().formatHex(sha.digest()), results.get(point).get("digest").asText(),
                "point " + point + " of tasks " + t + " x count " + c);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  /**
   * Random factors (some zipped together): the points are the nested loops over the factors in file
   * order, the first slowest, and there are exactly as many as the product of the factor sizes.
   */
  @Test
  void aGridsPointsAreExactlyTheProductOrZipOfItsListsInOrder() {
    List<String> paths = List.of("jobs[etl].stages[map].tasks", "jobs[fit].stages[train].tasks", "cluster.executors[0].count",
        "cluster.executors[0].cores");
    qt().withFixedSeed(20261128L).withExamples(200)
        .forAll(lists().of(integers().between(1, 4)).ofSizeBetween(1, 4), booleans().all())
        .checkAssert((sizes, zipLastTwo) -> {
          // Factor k holds paths[k] with values 10k+1 .. 10k+size; with a zip, the last two paths move together.
          boolean zip = zipLastTwo && sizes.size() >= 2;
          int keys = sizes.size();
          StringBuilder sb = new StringBuilder("sweep:\n");
          List<List<String>> factors = new ArrayList<>();
          for (int k = 0; k < (zip ? keys - 2 : keys); k++) {
            List<String> v = values(k, sizes.get(k));
            sb.append("  ").append(paths.get(k)).append(": ").append(v).append('\n');
            factors.add(v);
          }
          if (zip) {
            int n = sizes.get(keys - 2);
            sb.append("  zip:\n");
            sb.append("    ").append(paths.get(keys - 2)).append(": ").append(values(keys - 2, n)).append('\n');
            sb.append("    ").append(paths.get(keys - 1)).append(": ").append(values(keys - 1, n)).append('\n');
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < n; i++) pairs.add(values(keys - 2, n).get(i) + "|" + values(keys - 1, n).get(i));
            factors.add(pairs);
          }
          Sweep s;
          try {
            s = ScenarioLoader.load("g.yaml", SweepCommandTest.SWEEP.substring(0, SweepCommandTest.SWEEP.indexOf("sweep:"))
                + sb + "run:\n  maxRuns: 10000000\n").sweep();
          } catch (Exception e) {
            throw new AssertionError(sb.toString(), e);
          }
          List<List<String>> expected = new ArrayList<>();
          product(factors, 0, new ArrayList<>(), expected);
          assertEquals(expected.size(), s.points(), sb.toString());
          for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), s.point(i).values(), sb + " point " + i);
        });
  }

  private static List<String> values(int factor, int size) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= size; i++) out.add(Integer.toString(10 * factor + i));
    return out;
  }

  /** Nested loops, the first factor outermost; a zip factor's entries {@code a|b} stand for two values. */
  private static void product(List<List<String>> factors, int k, List<String> prefix, List<List<String>> out) {
    if (k == factors.size()) {
      out.add(List.copyOf(prefix));
      return;
    }
    for (String v : factors.get(k)) {
      List<String> next = new ArrayList<>(prefix);
      next.addAll(List.of(v.split("\\|")));
      product(factors, k + 1, next, out);
    }
  }
}
