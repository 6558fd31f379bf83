package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile files are refused quickly with a normal problem; the timeouts only guard against hangs. */
class UntrustedInputTest {
  private static final Duration GUARD = Duration.ofSeconds(5);

  private static List<Problem> refused(String yaml) {
    return assertTimeoutPreemptively(GUARD, () -> Yaml.problems(yaml));
  }

  @Test
  void aliasBombIsRefused() {
    StringBuilder y = new StringBuilder("name: bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      String prev = String.valueOf((char) (c - 1));
      y.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
    }
    List<Problem> ps = refused(y.toString());
    assertEquals(1, ps.size());
    assertTrue(ps.get(0).message().equals("more than 20 aliases to lists or mappings"), ps.get(0).toString());
    assertEquals(5, ps.get(0).line());
  }

  @Test
  void aFewAliasesAreFine() throws Exception {
    Scenario s = Yaml.load("""
        name: shared
        cluster: {executors: [{cores: 2}]}
        jobs:
          - name: j
            stages:
              - {name: a, tasks: 2, duration: &d {dist: exponential, mean: 3s}}
              - {name: b, tasks: 2, duration: *d, parents: [a]}
        """);
    assertEquals(s.spec().jobs().get(0).stages().get(0).phases(), s.spec().jobs().get(0).stages().get(1).phases());
  }

  @Test
  void deepNestingIsRefused() {
    String flow = "name: deep\nx: " + "[".repeat(1000) + "]".repeat(1000) + "\n";
    List<Problem> ps = refused(flow);
    assertEquals(1, ps.size());
    assertTrue(ps.get(0).message().contains("nest deeper than 64 levels"), ps.get(0).toString());
    StringBuilder block = new StringBuilder("name: deep\n");
    for (int i = 0; i < 1000; i++) block.append("  ".repeat(i)).append("k").append(i).append(":\n");
    List<Problem> bs = refused(block.toString());
    assertEquals(1, bs.size());
    assertTrue(bs.get(0).message().contains("nest deeper than 64 levels"), bs.get(0).toString());
  }

  @Test
  void largeFileIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    byte[] line = "# padding padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(big)) {
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) out.write(line);
    }
    ScenarioException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.load(big)));
    assertEquals(1, e.problems().size());
    Problem p = e.problems().get(0);
    assertEquals(1, p.line());
    assertEquals(1, p.column());
    assertTrue(p.message().contains("more than the limit of 4194304 bytes (4 MiB)"), p.toString());
    assertTrue(p.message().contains(Long.toString(Files.size(big))), p.toString());
  }

  @Test
  void largeTextIsRefusedToo() {
    List<Problem> ps = refused("#" + "x".repeat(4 * 1024 * 1024) + "\n");
    assertTrue(ps.get(0).message().contains("4 MiB"));
  }

  @Test
  void hugeValueListsAreCountedNotListed() {
    StringBuilder values = new StringBuilder("[");
    for (int i = 0; i < 20_000; i++) values.append(i == 0 ? "" : ",").append("1");
    values.append("]");
    List<Problem> ps = refused(Yaml.MINIMAL.replace("tasks: 2", "tasks: 20000")
        .replace("duration: 1s", "duration: {dist: values, values: " + values + "}"));
    assertEquals(6, ps.size(), "five listed, then one summary");
    assertEquals("19995 more entries are not durations", ps.get(5).message());
  }

  @Test
  void otherDocumentsAndShapes() {
    assertEquals("the file is empty", refused("").get(0).message());
    assertEquals("the file holds a list, not a mapping", refused("- a\n- b\n").get(0).message());
    assertEquals("more than one YAML document in the file", refused(Yaml.MINIMAL + "---\nname: two\n").get(0).message());
    assertTrue(refused("name: x\nk: *nothing\n").get(0).message().startsWith("alias *nothing names no anchor"));
    assertEquals("YAML merge keys (<<) are not supported", refused(Yaml.MINIMAL + "run: {<<: {modes: [barrier]}}\n").get(0).message());
  }

  @Test
  void missingFileAndBadEncoding(@TempDir Path dir) throws IOException {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("nope.yaml")));
    assertEquals("no such file", e.problems().get(0).message());
    Path latin = dir.resolve("latin.yaml");
    Files.write(latin, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
    e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(latin));
    assertEquals(List.of(latin + ":1:7: (document): the file is not valid UTF-8 text: byte 0xE9 (at byte offset 6) does not "
        + "decode; save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8), or remove the character at this position"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void theFirstByteThatIsNotUtf8IsReportedAtItsLineAndColumn(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("resume.yaml");
    // "é" and "€" are fine UTF-8 (columns count characters, not bytes); 0xE9 alone on line 4 is Latin-1.
    byte[] good = "name: caf\u00e9\ndescription: 5\u20ac\ncluster: {executors: [{cores: 2}]}\n# r".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(good, good.length + 3);
    bytes[good.length] = (byte) 0xE9;
    bytes[good.length + 1] = 's';
    bytes[good.length + 2] = '\n';
    Files.write(f, bytes);
    Problem p = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f)).problems().get(0);
    assertEquals(4, p.line());
    assertEquals(4, p.column());
    assertTrue(p.message().contains("byte 0xE9 (at byte offset " + good.length + ")"), p.toString());
  }

  @Test
  void utf16IsNamedAsSuch(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("utf16.yaml");
    Files.write(f, Yaml.MINIMAL.getBytes(StandardCharsets.UTF_16)); // Java writes a big-endian byte order mark
    Problem p = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f)).problems().get(0);
    assertEquals(f + ":1:1: (document): the file is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8; "
        + "save it as UTF-8", p.toString());
  }

  @Test
  void oneEnormousLineIsRefusedBeforeParsingAtTheColumnPastTheLimit() {
    List<Problem> ps = refused("name: x\ndescription: " + "x".repeat(3_000_000) + "\n");
    assertEquals(List.of("test.yaml:2:1000001: (document): line 2 has 3000013 characters, more than the limit of 1000000; "
        + "break it up: write lists one '- item' per line and mappings one 'key: value' per line"),
        ps.stream().map(Problem::toString).toList());
  }

  @Test
  void aHugeScalarOverManyLinesIsRefusedAtItsStart() {
    String block = "name: x\ndescription: |\n" + ("  " + "y".repeat(78) + "\n").repeat(40_000);
    List<Problem> ps = refused(block);
    assertEquals(1, ps.size());
    assertEquals("test.yaml:2:14: description: a value of 3160000 characters, more than the limit of 65536; "
        + "shorten it; no name, duration or description needs to be that long", ps.get(0).toString());
  }

  @Test
  void anEnormousKeyIsRefused() {
    List<Problem> ps = refused("name: x\n? " + "k".repeat(70_000) + "\n: 1\n");
    assertEquals(1, ps.size());
    assertTrue(ps.get(0).message().startsWith("a key of 70000 characters, more than the limit of 65536"), ps.get(0).toString());
  }

  @Test
  void numbersWithThousandsOfDigitsAreRefusedQuickly() {
    String digits = "9".repeat(60_000);
    assertEquals("must be between 1 and 1000000, found " + "9".repeat(60) + "...",
        refused(Yaml.MINIMAL + "spark: {spark.task.cpus: \"" + digits + "\"}\n").get(0).message());
    assertEquals("expected a whole number, found the text '" + "9".repeat(60) + "...'",
        refused(Yaml.MINIMAL + "seed: " + digits + "\n").get(0).message());
    assertEquals("'" + "9".repeat(60) + "...' is too long to simulate",
        refused(Yaml.MINIMAL.replace("duration: 1s", "duration: " + digits + "s")).get(0).message());
    assertEquals("'0." + "9".repeat(58) + "...' has 60002 digits",
        refused(Yaml.MINIMAL.replace("duration: 1s", "duration: 0." + digits + "s")).get(0).message());
    assertEquals("expected a number, found the number 1e99999999999999999999",
        refused(Yaml.MINIMAL + "failures: {taskFailureProbability: 1e99999999999999999999}\n").get(0).message());
  }

  @Test
  void aFileOfMillionsOfTinyValuesLoadsInBoundedTime() {
    // 4 MiB of one-character list items: the densest tree a file under the size limit can make.
    StringBuilder y = new StringBuilder("name: x\nx:\n");
    while (y.length() < YamlTreeReader.MAX_BYTES - 8) y.append("- 1\n");
    List<Problem> ps = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Yaml.problems(y.toString()));
    assertTrue(ps.stream().anyMatch(p -> p.toString().equals("test.yaml:2:1: x: unknown key 'x'; allowed keys here: name, "
        + "description, recorded, seed, cluster, spark, pools, simulation, jobs, failures, run, sweep")), ps.toString());
  }
}
