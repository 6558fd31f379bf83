package dev.barriersim.report.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One task attempt of {@code tasks.csv}.
 *
 * @param endMs {@link #NO_END} when the attempt was still running when the run stopped
 * @param slot the executor lane the attempt held: read from the file, or derived for files written
 *     before the column existed
 * @param resources custom resource addresses held, as written ({@code gpu:0 1;fpga:0}), or empty
 * @param barrierWaits the intervals spent inside {@code barrier()}, in time order
 */
public record TaskRow(String job, String stage, int stageAttempt, int partition, int attempt, String executor,
    String host, long launchMs, long endMs, TaskStatus status, String reason, long taskId, int slot,
    String resources, List<Interval> barrierWaits) {
  /** The {@code endMs} of an attempt that has not ended. */
  public static final long NO_END = -1;

  /** Freezes the list. */
  public TaskRow {
    barrierWaits = List.copyOf(barrierWaits);
  }

  /** Whether the attempt ended before the run stopped. */
  public boolean ended() {
    return endMs != NO_END;
  }

  /** The end time, or {@code runEndMs} for an attempt still running when the run stopped. */
  public long endOr(long runEndMs) {
    return ended() ? endMs : Math.max(launchMs, runEndMs);
  }

  /** The addresses of resource {@code name} the attempt held ({@code ["0", "1"]} for {@code gpu:0 1}). */
  public List<String> addresses(String name) {
    List<String> out = new ArrayList<>();
    if (resources.isEmpty()) return out;
    for (String part : resources.split(";")) {
      int colon = part.indexOf(':');
      if (colon < 0 || !part.substring(0, colon).trim().equals(name)) continue;
      for (String a : part.substring(colon + 1).trim().split(" ")) {
        if (!a.isEmpty()) out.add(a);
      }
    }
    return out;
  }
}
