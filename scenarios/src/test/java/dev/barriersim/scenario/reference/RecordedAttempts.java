package dev.barriersim.scenario.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a recording's {@code tasks.csv} (the recorded-timeline columns of docs/outputs.md, as the
 * spark-reference harness writes them): the columns up to {@code status} never hold a comma, so
 * the quoted reason and the columns after it are not parsed.
 */
final class RecordedAttempts {
  private RecordedAttempts() {}

  static List<Attempt> read(Path tasksCsv) throws IOException {
    List<String> lines = Files.readAllLines(tasksCsv, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).startsWith("job,stage,stageAttempt,partition,attempt,executor,host,launchMs,endMs,status,")) {
      throw new IOException(tasksCsv + ": not a recorded tasks.csv (header " + (lines.isEmpty() ? "missing" : lines.get(0)) + ")");
    }
    List<Attempt> attempts = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) continue;
      String[] f = line.split(",", 11);
      attempts.add(new Attempt(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
          Long.parseLong(f[7]), f[8].isEmpty() ? -1 : Long.parseLong(f[8]), f[9]));
    }
    return attempts;
  }
}
