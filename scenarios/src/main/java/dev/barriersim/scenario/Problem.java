package dev.barriersim.scenario;

/**
 * One thing wrong with a scenario file, located and with a fix. Printed as
 * {@code FILE:LINE:COLUMN: yaml.path: what is wrong; how to fix it}, with {@code warning: } before
 * the message of a warning. A problem of a value given on the command line has line 0 and names
 * the option as its file: {@code --set a.b=1: yaml.path: what is wrong; how to fix it}.
 *
 * @param severity an {@link Severity#ERROR} makes the file invalid; a {@link Severity#WARNING}
 *     does not (the scenario runs, but Spark would fail or waste something the user should know)
 */
public record Problem(String file, int line, int column, String path, String message, String fix, Severity severity) {
  /** How bad a problem is. */
  public enum Severity {
    /** The scenario cannot run. */
    ERROR,
    /** The scenario runs, but something in it will go wrong the way Spark would make it go wrong. */
    WARNING
  }

  /** Requires a severity. */
  public Problem {
    if (severity == null) throw new IllegalArgumentException("severity is required");
  }

  /** An error. */
  public Problem(String file, int line, int column, String path, String message, String fix) {
    this(file, line, column, path, message, fix, Severity.ERROR);
  }

  /** True for a warning, which does not stop the scenario from running. */
  public boolean isWarning() {
    return severity == Severity.WARNING;
  }

  @Override
  public String toString() {
    String at = line <= 0 ? file : file + ":" + line + ":" + column;
    return at + ": " + (path.isEmpty() ? "(document)" : path) + ": "
        + (isWarning() ? "warning: " : "") + message + "; " + fix;
  }
}
