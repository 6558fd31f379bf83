package dev.barriersim.report.output;

import dev.barriersim.report.sweep.SweepResult;
import java.io.IOException;
import java.nio.file.Path;

/** A file written from a finished sweep (every point's aggregates), before anything is rendered from the folder. */
public non-sealed interface SweepOutput extends Output {
  /** Writes into the folder {@code dir}. */
  void write(SweepResult result, Path dir) throws IOException;
}
