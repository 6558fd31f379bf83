package dev.barriersim.cli;

import dev.barriersim.scenario.sparklog.EventLogException;
import dev.barriersim.scenario.sparklog.ImportOptions;
import dev.barriersim.scenario.sparklog.ImportResult;
import dev.barriersim.scenario.sparklog.SparkLogImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code barriersim import EVENTLOG [--out FILE.yaml] [--jobs ID,...] [--as-distribution]}: a Spark event log as a scenario. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
        "Turns a Spark event log (spark.eventLog.dir) into a scenario YAML that replays the recorded run: the"
            + " executors, the Spark settings that matter, each job's stages with every partition's recorded duration,"
            + " the recorded failures, and the scheduler latencies measured in the log. Comments in the YAML name the"
            + " log lines behind each part.",
        "Reads plain JSON lines and the codecs Spark writes (zstd, lz4, snappy, lzf; also gzip), one file or a rolling"
            + " log's eventlog_v2_* folder, streamed in bounded memory. Spark 3.0 to 4.x.",
        "What the simulator cannot replay is printed on stderr ('warning: not replayed: ...') and listed at the top of"
            + " the YAML. A log that cannot be read prints one FILE:LINE: message and exits 2.",
        "See docs/import.md."})
final class ImportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EVENTLOG", description = "A Spark event log file, or a rolling log's folder.")
  private Path log;

  @Option(names = "--out", paramLabel = "FILE.yaml", description = "Write the scenario here (default: standard output).")
  private Path out;

  @Option(names = "--jobs", split = ",", paramLabel = "ID", description = "Import only these Spark job ids"
      + " (e.g. leave out warm-up jobs); default: every job.")
  private List<Integer> jobs;

  @Option(names = "--as-distribution", description = "Write each stage's durations as an empirical distribution"
      + " (at most 1,000 values: quantiles for larger stages) instead of one value per partition.")
  private boolean asDistribution;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    try {
      ImportResult r = SparkLogImporter.importLog(log,
          new ImportOptions(jobs == null ? java.util.Set.of() : new TreeSet<>(jobs), asDistribution));
      for (String gap : r.notReplayed()) console.err("warning: not replayed: " + gap);
      if (out == null) {
        console.out(r.yaml());
        console.err(r.summary());
      } else {
        if (!write(console, r.yaml())) return ExitCodes.USAGE;
        console.err(r.summary() + " into " + out);
      }
      return ExitCodes.OK;
    } catch (EventLogException e) {
      console.err(e.getMessage());
      return ExitCodes.USAGE;
    } catch (RuntimeException e) {
      return console.internalError(e);
    }
  }

  /** Writes next to the target and renames, so an interrupted import never leaves half a scenario. */
  private boolean write(Console console, String yaml) {
    Path target = out.toAbsolutePath();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException | RuntimeException e) {
      console.err(out + ": cannot write the scenario (" + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
          : ": " + e.getMessage()) + "); give --out a file in an existing, writable folder");
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and named after the target
        }
      }
      return false;
    }
  }
}
