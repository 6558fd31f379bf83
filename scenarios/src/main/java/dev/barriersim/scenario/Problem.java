package dev.barriersim.scenario;

/**
 * One thing wrong with a scenario file, located and with a fix. Printed as
 * {@code FILE:LINE:COLUMN: yaml.path: what is wrong; how to fix it}.
 */
public record Problem(String file, int line, int column, String path, String message, String fix) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "(document)" : path) + ": " + message
        + "; " + fix;
  }
}
