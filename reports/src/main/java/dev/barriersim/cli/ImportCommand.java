package dev.barriersim.cli;

import dev.barriersim.scenario.sparklog.EventLogException;
import dev.barriersim.scenario.sparklog.ImportOptions;
import dev.barriersim.scenario.sparklog.ImportResult;
import dev.barriersim.scenario.sparklog.SparkLogImporter;
import java.io.IOException;
import java.io.Writer;
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

  @Option(names = "--out", paramLabel = "FILE.yaml", description = "Write the scenario here (default: standard output),"
      + " and the recorded task attempts beside it as FILE.recorded.csv, which the scenario's 'recorded' key names:"
      + " 'run' then shows the recorded run beside the simulated one.")
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
      ImportResult r = SparkLogImporter.importLog(log, new ImportOptions(jobs == null ? java.util.Set.of()
          : new TreeSet<>(jobs), asDistribution, out == null ? null : recordedName(out)));
      for (String gap : r.notReplayed()) console.err("warning: not replayed: " + gap);
      if (out == null) {
        console.out(r.yaml());
        console.err(r.summary());
      } else {
        Path csv = out.resolveSibling(recordedName(out));
        // The timeline first: the scenario names it, so it must exist once the scenario does.
        if (!write(console, csv, "the recorded timeline", w -> r.recorded().writeTo(w))) return ExitCodes.USAGE;
        if (!write(console, out, "the scenario", w -> w.write(r.yaml()))) return ExitCodes.USAGE;
        console.err(r.summary() + " into " + out + " (recorded task attempts: " + csv + ")");
      }
      return ExitCodes.OK;
    } catch (EventLogException e) {
      console.err(e.getMessage());
      return ExitCodes.USAGE;
    } catch (RuntimeException e) {
      return console.internalError(e);
    }
  }

  /** {@code FILE.recorded.csv} for {@code FILE.yaml} (or {@code FILE.yml}, or any other name plus the suffix). */
  static String recordedName(Path scenario) {
    String name = scenario.getFileName().toString();
    String base = name.endsWith(".yaml") ? name.substring(0, name.length() - 5)
        : name.endsWith(".yml") ? name.substring(0, name.length() - 4) : name;
    return base + ".recorded.csv";
  }

  /** Writes text to a file. */
  @FunctionalInterface
  private interface Content {
    void writeTo(Writer w) throws IOException;
  }

  /** Writes next to the target and renames, so an interrupted import never leaves half a file. */
  private boolean write(Console console, Path file, String what, Content content) {
    Path target = file.toAbsolutePath();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        content.writeTo(w);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException | RuntimeException e) {
      console.err(file + ": cannot write " + what + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
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
