package dev.barriersim.report.output;

import dev.barriersim.report.ScenarioResult;
import java.io.IOException;
import java.nio.file.Path;

/** A file written from a scenario's finished runs, before anything is rendered from the folder. */
public non-sealed interface ResultOutput extends Output {
  /** Writes into the folder {@code dir}. */
  void write(ScenarioResult result, Path dir) throws IOException;
}
