package dev.barriersim.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level {@code recorded} key: the recorded task attempts of the application a scenario
 * was imported from, a {@code tasks.csv} file named relative to the scenario file. A scenario read
 * from a file gets the file checked (it exists, is readable and starts with a {@code tasks.csv}
 * header); one read from text (no folder to resolve against) only gets the name checked.
 */
final class RecordedReader {
  /** The columns the file's header must have (those every {@code tasks.csv} has). */
  static final List<String> REQUIRED =
      List.of("job", "stage", "stageAttempt", "partition", "attempt", "executor", "launchMs", "endMs", "status");
  /** The header line is read up to this many characters. */
  private static final int MAX_HEADER = 4096;

  private RecordedReader() {}

  /** The file, resolved against {@code baseDir} (or as written when null); null after a problem. */
  static Path read(LoadContext c, YamlNode n, String path, Path baseDir) {
    String text = Values.text(c, n, path);
    if (text == null) return null;
    String fix = "give the recorded tasks.csv written by 'barriersim import --out FILE.yaml' (FILE.recorded.csv),"
        + " relative to the scenario file, or remove the key";
    Path rel;
    try {
      rel = Path.of(text.strip());
    } catch (InvalidPathException e) {
      c.report(n, path, "'" + Suggestions.shorten(text) + "' is not a file name", fix);
      return null;
    }
    if (text.isBlank() || rel.isAbsolute() || !rel.toString().endsWith(".csv")) {
      c.report(n, path, "'" + Suggestions.shorten(text) + "' is not a relative path of a .csv file", fix);
      return null;
    }
    if (baseDir == null) return rel;
    Path file = baseDir.resolve(rel).normalize();
    String problem = check(file);
    if (problem != null) {
      c.report(n, path, Suggestions.shorten(text) + ": " + problem, fix);
      return null;
    }
    return file;
  }

  /** Why {@code file} is not a recorded timeline, or null when its header is right. */
  private static String check(Path file) {
    if (!Files.exists(file)) return "no such file";
    if (!Files.isRegularFile(file)) return "not a regular file";
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      char[] buf = new char[MAX_HEADER];
      int len = 0;
      int ch;
      while (len < MAX_HEADER && (ch = in.read()) >= 0 && ch != '\n') buf[len++] = (char) ch;
      String header = new String(buf, 0, len).strip();
      if (header.isEmpty()) return "empty file, expected a tasks.csv header";
      List<String> columns = new ArrayList<>();
      for (String col : header.split(",")) columns.add(col.strip());
      List<String> missing = REQUIRED.stream().filter(col -> !columns.contains(col)).toList();
      if (!missing.isEmpty()) {
        return "not a tasks.csv: its first line lacks the column(s) " + String.join(", ", missing) + " (it starts '"
            + Suggestions.shorten(header) + "')";
      }
      return null;
    } catch (IOException e) {
      return "cannot read the file (" + e.getClass().getSimpleName() + ")";
    }
  }
}
