package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile files in a JVM with a 256 MB heap, as a user's machine might run the tool: each is
 * refused with one located line, in bounded time, and never with an OutOfMemoryError. The time
 * limit is generous because the test shares a small machine; the loads take about a second.
 */
class SmallHeapTest {
  private static final long LIMIT_SECONDS = 20;

  /** Writes a hostile file into a folder. */
  @FunctionalInterface
  interface Hostile {
    void write(Path file) throws IOException;
  }

  static Stream<Arguments> hostileFiles() {
    return Stream.of(
        Arguments.of("a 50 MB file", (Hostile) f -> repeatLines(f, "# padding padding padding padding padding padding\n", 50L << 20),
            ":1:1: (document): the file is 52428800 bytes, more than the limit of 4194304 bytes (4 MiB)"),
        Arguments.of("a 20 MB single scalar", (Hostile) f -> Files.writeString(f, "name: x\ndescription: " + "x".repeat(20 << 20) + "\n"),
            ":1:1: (document): the file is 20971542 bytes, more than the limit of 4194304 bytes (4 MiB)"),
        Arguments.of("a 4 MB single line", (Hostile) f -> Files.writeString(f, "name: x\ndescription: " + "x".repeat(4_000_000) + "\n"),
            ":2:1000001: (document): line 2 has 4000013 characters, more than the limit of 1000000"),
        Arguments.of("a billion-laughs alias bomb", (Hostile) SmallHeapTest::billionLaughs,
            ":5:14: d[2]: more than 20 aliases to lists or mappings"),
        Arguments.of("10,000-deep nesting", (Hostile) f -> Files.writeString(f, "name: x\nx: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"),
            ":2:66: (document): lists and mappings nest deeper than 64 levels"),
        Arguments.of("4 MB of one-character values", (Hostile) f -> repeatLines(f, "- 1\n", YamlTreeReader.MAX_BYTES - 16, "name: x\nx:\n"),
            ":1:1: (document): missing required key 'cluster'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void isRefusedWithALocatedLineInBoundedTimeIn256Mb(String what, Hostile hostile, String expected, @TempDir Path dir)
      throws IOException, InterruptedException {
    Path file = dir.resolve("hostile.yaml");
    hostile.write(file);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), LoadAndPrint.class.getName(), file.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    boolean ended = p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
    if (!ended) p.destroyForcibly().waitFor();
    String stderr = Files.readString(err);
    assertTrue(ended, what + " took more than " + LIMIT_SECONDS + " s");
    assertEquals(0, p.exitValue(), stderr);
    assertTrue(stderr.startsWith("loadMs=") && !stderr.contains("Error") && !stderr.contains("Exception"), stderr);
    List<String> lines = Files.readAllLines(out);
    assertTrue(lines.get(0).startsWith(file + expected), lines.toString());
    assertTrue(lines.stream().allMatch(l -> l.matches("\\Q" + file + "\\E:\\d+:\\d+: .+; .+") && l.length() < 400), lines.toString());
  }

  private static void repeatLines(Path f, String line, long bytes) throws IOException {
    repeatLines(f, line, bytes, "");
  }

  private static void repeatLines(Path f, String line, long bytes, String head) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write(head);
      for (long n = head.length(); n + line.length() <= bytes; n += line.length()) w.write(line);
    }
  }

  /** Nine levels of nine aliases each: a billion "lol"s if the aliases were expanded. */
  private static void billionLaughs(Path f) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("name: bomb");
    lines.add("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]");
    for (char c = 'b'; c <= 'j'; c++) {
      lines.add(c + ": &" + c + " [" + String.join(",", Collections.nCopies(9, "*" + (char) (c - 1))) + "]");
    }
    Files.write(f, lines);
  }
}
