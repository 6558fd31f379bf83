package dev.barriersim.scenario;

import java.nio.file.Path;

/** Reads, validates and builds a scenario; placeholder while the loader lands. */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /** Loads {@code file}; every problem of the file is reported at once. */
  public static Scenario load(Path file) throws ScenarioException {
    throw new IllegalStateException("loader landing");
  }
}
