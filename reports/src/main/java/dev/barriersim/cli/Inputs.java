package dev.barriersim.cli;

import dev.barriersim.scenario.Problem;
import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Turns command-line paths into scenario files, and loads them into scenarios or problem lines. */
final class Inputs {
  private Inputs() {}

  /** One scenario file as named to the user; {@code problem} is set when it cannot be read. */
  record Input(Path path, String display, String problem) {}

  /**
   * A loaded input: a scenario, its text (null if it could not be read again) and its warning
   * lines, or the lines that say why not.
   */
  record Loaded(Input input, Scenario scenario, String text, List<String> problems) {
    boolean ok() {
      return scenario != null;
    }
  }

  /**
   * Files stay as given; a folder stands for its {@code *.yaml} files sorted by file name. A file
   * named twice is kept once, at its first place.
   */
  static List<Input> expand(List<Path> args) {
    List<Input> out = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (Path arg : args) {
      if (Files.isDirectory(arg)) {
        List<Path> yaml = yamlFiles(arg);
        if (yaml.isEmpty()) out.add(new Input(arg, arg.toString(), "folder holds no *.yaml file"));
        for (Path f : yaml) {
          if (seen.add(f.toAbsolutePath().normalize())) out.add(check(f));
        }
      } else if (seen.add(arg.toAbsolutePath().normalize())) {
        out.add(check(arg));
      }
    }
    return out;
  }

  /** Loads a readable input; an invalid scenario becomes its problem lines, a valid one keeps its warning lines. */
  static Loaded load(ScenarioSource loader, Input in) {
    return load(loader, in, List.of());
  }

  /**
   * Loads a readable input with {@code --set} options; a sweep's points are validated too (each
   * problem once, naming the first point that has it).
   */
  static Loaded load(ScenarioSource loader, Input in, List<String> overrides) {
    if (in.problem() != null) return new Loaded(in, null, null, List.of(in.display() + ": " + in.problem()));
    try {
      Scenario s = loader.load(in.path(), overrides);
      List<String> lines = new ArrayList<>(s.warnings().stream().map(Problem::toString).toList());
      if (s.hasSweep()) {
        List<Problem> points = s.sweep().check();
        points.stream().map(Problem::toString).forEach(lines::add);
        if (points.stream().anyMatch(p -> !p.isWarning())) return new Loaded(in, null, null, lines);
      }
      return new Loaded(in, s, textOf(in.path()), lines);
    } catch (ScenarioException e) {
      List<String> lines = e.problems().stream().map(Problem::toString).toList();
      return new Loaded(in, null, null, lines.isEmpty() ? List.of(in.display() + ": " + e.getMessage()) : lines);
    }
  }

  /** The text of a file the loader accepted (so it is UTF-8 and bounded), or null if it is gone. */
  private static String textOf(Path file) {
    try {
      return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }

  private static Input check(Path f) {
    String shown = f.toString();
    if (!Files.exists(f)) return new Input(f, shown, "no such file or directory");
    if (!Files.isRegularFile(f)) return new Input(f, shown, "not a regular file");
    if (!Files.isReadable(f)) return new Input(f, shown, "cannot read the file (permission denied)");
    return new Input(f, shown, null);
  }

  private static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      // Sorted by file name with String order: the same on every machine and locale.
      return s.filter(p -> p.getFileName().toString().endsWith(".yaml") && !Files.isDirectory(p))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
