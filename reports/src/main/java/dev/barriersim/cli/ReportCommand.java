package dev.barriersim.cli;

import dev.barriersim.report.BatchIndex;
import dev.barriersim.report.OutputFolder;
import dev.barriersim.report.Rerender;
import dev.barriersim.report.html.IndexPage;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.output.Outputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code barriersim report OUTDIR}: renders charts and pages again from an output folder's files. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
        "Renders the charts and report.html of an output folder again from its files (summary.json,"
            + " scenario.yaml, <mode>/tasks.csv, <mode>/events.jsonl), without simulating.",
        "OUTDIR is a scenario's folder (it holds summary.json), or a batch folder: then every scenario"
            + " folder in it is rendered, and index.html too."})
final class ReportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OUTDIR", description = "A scenario or batch output folder.")
  private Path dir;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    if (!Files.isDirectory(dir)) {
      console.err("barriersim: " + dir + ": no such folder; give the folder that 'run' or 'batch' wrote");
      return ExitCodes.USAGE;
    }
    try {
      List<Path> scenarios = scenarioFolders(dir);
      if (scenarios.isEmpty()) {
        console.err("barriersim: " + dir + ": holds no " + ScenarioFiles.SUMMARY
            + ", nor any folder that does; give the folder that 'run' or 'batch' wrote");
        return ExitCodes.USAGE;
      }
      for (Path s : scenarios) {
        Rerender.scenario(s, Outputs.ALL);
        console.out("rendered: " + s);
      }
      Path indexJson = dir.resolve("index.json");
      if (!scenarios.get(0).equals(dir) && Files.isRegularFile(indexJson)) {
        BatchIndex index = BatchIndex.read(indexJson);
        OutputFolder.writeFileAtomically(dir.resolve("index.md"), index.renderMarkdown());
        OutputFolder.writeFileAtomically(dir.resolve(IndexPage.FILE), index.renderHtml(dir));
        console.out("rendered: " + dir.resolve(IndexPage.FILE));
      }
      return ExitCodes.OK;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      console.err("barriersim: " + dir + ": a JSON file of the output is damaged (" + e.getOriginalMessage()
          + ", line " + e.getLocation().getLineNr() + "); run the scenario again to write a new folder");
      return ExitCodes.USAGE;
    } catch (IOException | RuntimeException e) {
      return console.internalError(e);
    }
  }

  /** {@code dir} itself when it is a scenario folder, else its sub-folders that are, sorted by name. */
  private static List<Path> scenarioFolders(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve(ScenarioFiles.SUMMARY))) return List.of(dir);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p.resolve(ScenarioFiles.SUMMARY)))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    }
  }
}
