package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden summaries: every {@code scenarios/catalog/*.yaml} runs through the real command line
 * ({@code run FILE --out TMP}, in-process) and its {@code summary.json} must equal
 * {@code src/test/resources/golden/<name>.summary.json} byte for byte. This pins the whole
 * simulation (every run's digest, every metric, every aggregate) of the scenarios the README shows.
 *
 * <p>After an intended change of behaviour (engine, outputs, version, catalog), regenerate with
 * {@value #REGENERATE}, then review the diff of the golden files before committing them.
 */
class CatalogGoldenTest {
  static final String REGENERATE = "mvn -pl reports test -Dtest=CatalogGoldenTest -Dgolden.update=true";

  /** The catalog, seen from the reports module (Surefire runs tests in the module directory). */
  static final Path CATALOG = Path.of("..", "scenarios", "catalog");

  /** Source folder of the golden files, so that an update lands in the working tree, not in target/. */
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  private static final String SUFFIX = ".summary.json";

  @TempDir Path tmp;

  /** {@code -Dgolden.update} or {@code -Dgolden.update=true} rewrites the golden files. */
  static boolean updating() {
    String v = System.getProperty("golden.update");
    return v != null && (v.isEmpty() || Boolean.parseBoolean(v));
  }

  static Stream<Path> catalog() throws IOException {
    try (Stream<Path> files = Files.list(CATALOG)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  private static String nameOf(Path yaml) {
    String f = yaml.getFileName().toString();
    return f.substring(0, f.length() - ".yaml".length());
  }

  @Test
  void theCatalogIsWhereTheTestLooks() throws IOException {
    assertTrue(Files.isDirectory(CATALOG), "no catalog at " + CATALOG.toAbsolutePath());
    assertTrue(catalog().count() >= 9, "the catalog holds at least 9 scenarios");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void summaryMatchesItsGoldenFile(Path yaml) throws IOException {
    String name = nameOf(yaml);
    Path out = tmp.resolve(name);
    Cli.Result r = Cli.run("run", yaml.toString(), "--out", out.toString(), "--parallelism", "2");
    assertEquals(0, r.code(), r.toString());
    String actual = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
    // The file names the scenario by its `name:`; the golden file is named after the YAML file.
    assertEquals(name, new ObjectMapper().readTree(actual).get("scenario").asText(),
        yaml + ": the scenario's name must equal its file name, so that its golden file can be found");

    Path golden = GOLDEN.resolve(name + SUFFIX);
    if (updating()) {
      Files.createDirectories(GOLDEN);
      if (!Files.exists(golden) || !Files.readString(golden, StandardCharsets.UTF_8).equals(actual)) {
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      return;
    }
    if (!Files.exists(golden)) {
      fail(yaml + " has no golden summary " + Path.of("reports").resolve(golden) + ".\nCreate it with: " + REGENERATE
          + "\nthen review the new file (does it tell the story the scenario's header promises?) and commit it.");
    }
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) fail(difference(yaml, golden, expected, actual));
  }

  /** Golden files whose catalog scenario is gone would silently stop being checked: refuse them. */
  @Test
  void everyGoldenFileHasItsScenario() throws IOException {
    Set<String> scenarios = catalog().map(CatalogGoldenTest::nameOf).collect(Collectors.toCollection(TreeSet::new));
    Set<String> stale = new TreeSet<>();
    if (Files.isDirectory(GOLDEN)) {
      try (Stream<Path> files = Files.list(GOLDEN)) {
        for (Path g : files.toList()) {
          String f = g.getFileName().toString();
          if (!f.endsWith(SUFFIX) || !scenarios.contains(f.substring(0, f.length() - SUFFIX.length()))) {
            if (updating()) {
              Files.delete(g);
            } else {
              stale.add(f);
            }
          }
        }
      }
    }
    assertTrue(stale.isEmpty(), "golden files without a scenario in " + CATALOG + ": " + stale
        + "\nDelete them, or run: " + REGENERATE);
  }

  /** The message of a mismatch: where the first differing line is, both versions, and how to regenerate. */
  static String difference(Path yaml, Path golden, String expected, String actual) {
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    int n = Math.min(want.size(), got.size());
    int i = 0;
    while (i < n && want.get(i).equals(got.get(i))) i++;
    StringBuilder sb = new StringBuilder();
    sb.append(yaml).append(": summary.json differs from ").append(Path.of("reports").resolve(golden)).append('\n');
    if (i < n) {
      sb.append("first difference at line ").append(i + 1).append(" (").append(context(got, i)).append(")\n");
      sb.append("  golden: ").append(want.get(i).strip()).append('\n');
      sb.append("  actual: ").append(got.get(i).strip()).append('\n');
    } else if (want.size() != got.size()) {
      sb.append("first difference at line ").append(i + 1).append(": ")
          .append(want.size() > got.size() ? "the golden file goes on, the actual summary ends"
              : "the actual summary goes on, the golden file ends")
          .append(" (golden ").append(want.size()).append(" lines, actual ").append(got.size()).append(")\n");
      sb.append("  golden: ").append(i < want.size() ? want.get(i).strip() : "<end of file>").append('\n');
      sb.append("  actual: ").append(i < got.size() ? got.get(i).strip() : "<end of file>").append('\n');
    } else {
      sb.append("the lines are equal; the files differ in line endings or the final newline\n");
    }
    sb.append("If the change is intended (engine, outputs, version or scenario), regenerate the golden files with\n  ")
        .append(REGENERATE).append("\nand review their diff before committing them.");
    return sb.toString();
  }

  /** Where line {@code i} sits: the run (mode, replication) it belongs to, when it is inside one. */
  private static String context(List<String> lines, int i) {
    String mode = null;
    String replication = null;
    for (int k = i; k >= 0 && (mode == null || replication == null); k--) {
      String l = lines.get(k).strip();
      if (l.startsWith("\"aggregates\"")) return "in aggregates";
      if (replication == null && l.startsWith("\"replication\"")) replication = value(l);
      if (mode == null && l.startsWith("\"mode\"")) mode = value(l);
    }
    return mode == null ? "top level" : "in run mode " + mode + ", replication " + replication;
  }

  private static String value(String line) {
    String v = line.substring(line.indexOf(':') + 1).strip();
    if (v.endsWith(",")) v = v.substring(0, v.length() - 1);
    return v.replace("\"", "");
  }

  @Test
  void theDifferenceNamesTheFirstDifferingLineAndTheCommand() {
    String golden = "{\n  \"runs\" : [ {\n    \"mode\" : \"barrier\",\n    \"replication\" : 3,\n    \"makespanMs\" : 10\n";
    String actual = golden.replace("\"makespanMs\" : 10", "\"makespanMs\" : 11");
    String msg = difference(Path.of("x.yaml"), Path.of("x.summary.json"), golden, actual);
    assertTrue(msg.contains("first difference at line 5 (in run mode barrier, replication 3)"), msg);
    assertTrue(msg.contains("golden: \"makespanMs\" : 10") && msg.contains("actual: \"makespanMs\" : 11"), msg);
    assertTrue(msg.contains(REGENERATE), msg);
    String shorter = difference(Path.of("x.yaml"), Path.of("g"), golden, golden + "  \"extra\" : 1\n");
    assertTrue(shorter.contains("first difference at line 6") && shorter.contains("golden: <end of file>"), shorter);
    assertFalse(difference(Path.of("x.yaml"), Path.of("g"), "a\n", "a").contains("first difference"));
  }
}
