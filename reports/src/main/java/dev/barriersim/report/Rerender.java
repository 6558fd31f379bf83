package dev.barriersim.report;

import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.output.Output;
import dev.barriersim.report.output.Outputs;
import dev.barriersim.report.output.RenderedOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code report DIR}: renders the charts and pages of an existing scenario folder again from its
 * files, without simulating. Everything is rendered into a scratch folder first and then moved
 * into place file by file, so an interrupted render leaves every file whole.
 */
public final class Rerender {
  private Rerender() {}

  /** Renders {@code outputs}' rendered entries for the scenario folder {@code dir}. */
  public static void scenario(Path dir, List<Output> outputs) throws IOException {
    ScenarioFiles in = ScenarioFiles.open(dir);
    OutputFolder scratch = OutputFolder.begin(dir.resolveSibling("." + dir.getFileName() + ".render"));
    try {
      for (RenderedOutput o : Outputs.of(outputs, RenderedOutput.class)) o.render(in, scratch.dir());
      moveInto(scratch.dir(), dir);
    } finally {
      scratch.close();
    }
  }

  /** Moves every file below {@code from} to the same place below {@code to}, replacing what is there. */
  private static void moveInto(Path from, Path to) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(from)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      Path target = to.resolve(from.relativize(f).toString());
      Files.createDirectories(target.getParent());
      Files.move(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
