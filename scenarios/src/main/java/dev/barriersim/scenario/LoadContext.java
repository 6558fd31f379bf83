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
  /** Where nodes with a negative line come from: node line -(k+1) is {@code origins.get(k)}, e.g. {@code --set a.b=1}. */
  private final List<String> origins;

  LoadContext(String file, Set<String> notYetSupported) {
    this(file, notYetSupported, List.of());
  }

  /** A load whose nodes with negative lines come from {@code origins} (the {@code --set} options, in order). */
  LoadContext(String file, Set<String> notYetSupported, List<String> origins) {
    this.file = file;
    this.notYetSupported = notYetSupported;
    this.origins = new ArrayList<>(origins);
  }

  /** The file name problems name. */
  String file() {
    return file;
  }

  /** The set of keys not supported yet. */
  Set<String> notYetSupported() {
    return notYetSupported;
  }

  /** The origins so far (the labels of {@code --set} options). */
  List<String> origins() {
    return List.copyOf(origins);
  }

  /** Registers an origin outside the file, such as {@code --set a.b=1}; returns the line its nodes carry. */
  int addOrigin(String label) {
    origins.add(label);
    return -origins.size();
  }

  /** A problem at {@code line}: in the file, or (negative line) at the origin the node came from, unlocated. */
  private Problem problem(int line, int column, String path, String message, String fix, Problem.Severity severity) {
    if (line < 0 && -line - 1 < origins.size()) {
      return new Problem(origins.get(-line - 1), 0, 0, path, message, fix, severity);
    }
    return new Problem(file, line, column, path, message, fix, severity);
  }

  /** Records a problem at a node's position. */
  void report(YamlNode at, String path, String message, String fix) {
    report(at.line(), at.column(), path, message, fix);
  }

  /** Records a problem at an explicit position. */
  void report(int line, int column, String path, String message, String fix) {
    problems.add(problem(line, column, path, message, fix, Problem.Severity.ERROR));
  }

  /** Records a warning at a node's position: the scenario still runs. */
  void warn(YamlNode at, String path, String message, String fix) {
    warnings.add(problem(at.line(), at.column(), path, message, fix, Problem.Severity.WARNING));
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
