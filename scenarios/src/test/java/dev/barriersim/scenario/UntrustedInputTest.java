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
    assertEquals("the file is not valid UTF-8 text", e.problems().get(0).message());
    assertTrue(e.problems().get(0).toString().startsWith(latin + ":1:1: (document): "));
  }
}
