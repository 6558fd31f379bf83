package dev.barriersim.cli;

import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioException;
import dev.barriersim.scenario.Problem;
import dev.barriersim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;

/** Loads a scenario file; the seam between the CLI and the scenarios module (tests put a fake here). */
@FunctionalInterface
public interface ScenarioSource {
  /** Loads and validates {@code file}, reporting every problem at once. */
  Scenario load(Path file) throws ScenarioException;

  /**
   * Loads {@code file} with {@code --set PATH=VALUE} options applied before validation. A source
   * that cannot apply them refuses any.
   */
  default Scenario load(Path file, List<String> overrides) throws ScenarioException {
    if (overrides.isEmpty()) return load(file);
    throw new ScenarioException(List.of(new Problem("--set " + overrides.get(0), 0, 0, "",
        "this scenario source does not take --set", "edit the file instead")));
  }

  /** The YAML loader of the scenarios module. */
  static ScenarioSource yaml() {
    return new ScenarioSource() {
      @Override
      public Scenario load(Path file) throws ScenarioException {
        return ScenarioLoader.load(file);
      }

      @Override
      public Scenario load(Path file, List<String> overrides) throws ScenarioException {
        return ScenarioLoader.load(file, overrides);
      }
    };
  }
}
