package dev.barriersim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The state of one load: the file name for messages, the errors and warnings found so far, the keys not supported yet. */
final class LoadContext {
  private final String file;
  private final Set<String> notYetSupported;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  LoadContext(String file, Set<String> notYetSupported) {
    this.file = file;
    this.notYetSupported = notYetSupported;
  }

  /** Records a problem at a node's position. */
  void report(YamlNode at, String path, String message, String fix) {
    report(at.line(), at.column(), path, message, fix);
  }

  /** Records a problem at an explicit position. */
  void report(int line, int column, String path, String message, String fix) {
    problems.add(new Problem(file, line, column, path, message, fix));
  }

  /** Records a warning at a node's position: the scenario still runs. */
  void warn(YamlNode at, String path, String message, String fix) {
    warnings.add(new Problem(file, at.line(), at.column(), path, message, fix, Problem.Severity.WARNING));
  }

  /** True once any error was found (warnings do not count). */
  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** How many errors so far (lets a reader tell whether its own part was clean). */
  int problemCount() {
    return problems.size();
  }

  /** Every error and warning in file order; ties keep the order in which they were found (stable sort). */
  List<Problem> problemsInFileOrder() {
    List<Problem> all = new ArrayList<>(problems);
    all.addAll(warnings);
    return inFileOrder(all);
  }

  /** The warnings alone, in file order. */
  List<Problem> warningsInFileOrder() {
    return inFileOrder(new ArrayList<>(warnings));
  }

  private static List<Problem> inFileOrder(List<Problem> list) {
    list.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return list;
  }

  /** True when the key at this path (list indices as {@code [*]}) is in the format but refused by this version. */
  boolean notYetSupported(String path) {
    return !notYetSupported.isEmpty() && notYetSupported.contains(pattern(path));
  }

  /**
   * Runs a core record constructor. Validation should have caught every rule before, so an
   * {@link IllegalArgumentException} here means a check is missing on our side; it still becomes a
   * located problem rather than a stack trace.
   */
  <T> T build(YamlNode at, String path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      report(at, path, String.valueOf(e.getMessage()), "correct the value as the message says");
      return null;
    }
  }

  /** The path with list indices replaced by {@code [*]}: {@code jobs[2].stages[0].x} -> {@code jobs[*].stages[*].x}. */
  static String pattern(String path) {
    return path.replaceAll("\\[\\d+]", "[*]");
  }

  /** Path of a key below {@code parent}. */
  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** Path of a list item below {@code parent}. */
  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }
}
