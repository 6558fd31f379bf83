package dev.barriersim.scenario;

/**
 * One thing wrong with a scenario file, located and with a fix. Printed as
 * {@code FILE:LINE:COLUMN: yaml.path: what is wrong; how to fix it}, with {@code warning: } before
 * the message of a warning.
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
    return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "(document)" : path) + ": "
        + (isWarning() ? "warning: " : "") + message + "; " + fix;
  }
}
