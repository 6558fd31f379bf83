package dev.barriersim.report.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per job of a {@code tasks.csv}: how many task attempts it had and when its last one ended,
 * read in one streaming pass (memory grows with the jobs, not the attempts).
 *
 * @param jobs job name -> its attempts and last end, in order of first launch
 */
public record JobEnds(Map<String, End> jobs) {
  /** One job: attempts, and the last end ({@link TaskRow#NO_END} when one never ended). */
  public record End(long attempts, long lastEndMs) {}

  /** Reads {@code file}. */
  public static JobEnds read(Path file) throws IOException {
    Map<String, long[]> acc = new LinkedHashMap<>();
    TasksCsv.forEach(file, row -> {
      long[] a = acc.computeIfAbsent(row.job(), j -> new long[] {0, 0});
      a[0]++;
      a[1] = a[1] == TaskRow.NO_END || !row.ended() ? TaskRow.NO_END : Math.max(a[1], row.endMs());
    });
    Map<String, End> out = new LinkedHashMap<>();
    acc.forEach((job, a) -> out.put(job, new End(a[0], a[1])));
    return new JobEnds(out);
  }
}
