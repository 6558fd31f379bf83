package dev.barriersim.report.output;

import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A file rendered from the files of an output folder ({@code in}), never from engine objects, into
 * {@code out}: the folder itself during {@code run}, a scratch folder during {@code report DIR}.
 * Earlier outputs' files are in {@code out} (or, during {@code report}, in {@code in}).
 */
public non-sealed interface RenderedOutput extends Output {
  /** Renders into {@code out}. */
  void render(ScenarioFiles in, Path out) throws IOException;
}
