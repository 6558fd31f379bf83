package dev.barriersim.cli;

import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioException;
import java.nio.file.Path;

/** Loads a scenario file; the seam between the CLI and the scenarios module (tests put a fake here). */
@FunctionalInterface
public interface ScenarioSource {
  /** Loads and validates {@code file}, reporting every problem at once. */
  Scenario load(Path file) throws ScenarioException;
}
