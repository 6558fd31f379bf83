package dev.barriersim.scenario.sparklog;

import java.util.List;

/**
 * The imported scenario: its YAML text, what cannot be replayed (one line each, also in the
 * YAML's comments), a one-line summary for the console, and the recorded timeline to write as
 * the file the YAML's {@code recorded} key names (null when none was asked for).
 */
public record ImportResult(String yaml, List<String> notReplayed, String summary, RecordedTimeline recorded) {
  /** Freezes the list. */
  public ImportResult {
    notReplayed = List.copyOf(notReplayed);
  }
}
