package dev.barriersim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps sim-core's rules true: what each package may import, and no clock or unseeded randomness. */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/barriersim/core");

  /** Packages of sim-core and the dev.barriersim.core packages each must not import. */
  private static final Map<String, List<String>> FORBIDDEN = Map.of(
      "engine", List.of("spark", "cluster", "workload", "failure", "observe", "event", "random"),
      "random", List.of("spark", "cluster", "workload", "failure", "observe", "event", "engine"),
      "cluster", List.of("spark", "failure", "observe", "event", "engine"),
      "workload", List.of("spark", "cluster", "failure", "observe", "event", "engine"),
      "failure", List.of("spark", "observe", "engine"),
      "event", List.of("spark", "cluster", "workload", "failure", "observe", "engine", "random"),
      "observe", List.of("spark", "engine", "failure", "random"));

  private static final List<String> BANNED = List.of(
      "System.currentTimeMillis", "System.nanoTime", "Math.random", "new Random(", "java.util.Random;",
      "ThreadLocalRandom", "parallelStream", "Instant.now", "LocalDateTime.now", "new Thread(", "java.io.File;",
      "java.nio.file", "com.fasterxml", "org.jfree", "printStackTrace", "System.out", "System.err");

  /**
   * The one thread sim-core starts: it replays a run's events, in order, on an output writer
   * ({@code BackgroundSinks}); the simulation itself stays on the caller's thread.
   */
  private static final Path WRITER_THREAD = Path.of("observe/SinkThread.java");

  @Test
  void packagesImportOnlyDownwards() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<String>> rule : FORBIDDEN.entrySet()) {
      for (Path file : javaFiles(SOURCES.resolve(rule.getKey()))) {
        for (String line : Files.readAllLines(file)) {
          for (String other : rule.getValue()) {
            if (line.startsWith("import dev.barriersim.core." + other + ".")
                || line.startsWith("import static dev.barriersim.core." + other + ".")) {
              violations.add(file + ": " + line);
            }
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void noClockNoUnseededRandomnessNoFilesInTheEngine() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles(SOURCES)) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        for (String banned : BANNED) {
          if (banned.equals("new Thread(") && file.endsWith(WRITER_THREAD)) continue;
          if (lines.get(i).contains(banned)) violations.add(file + ":" + (i + 1) + ": " + banned);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  /** Math's transcendental functions may differ by an ulp between JVMs and CPUs; StrictMath may not. */
  @Test
  void transcendentalFunctionsAreStrictForCrossMachineDeterminism() throws IOException {
    java.util.regex.Pattern loose = java.util.regex.Pattern.compile("(?<!Strict)Math\\.(log|log10|log1p|exp|expm1|pow|sin|cos|tan|cbrt)\\(");
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles(SOURCES)) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (loose.matcher(lines.get(i)).find()) violations.add(file + ":" + (i + 1) + ": use StrictMath");
      }
    }
    assertEquals(List.of(), violations);
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
