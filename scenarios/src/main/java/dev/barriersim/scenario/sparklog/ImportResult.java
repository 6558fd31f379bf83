package dev.barriersim.scenario.sparklog;

import java.util.List;

/**
 * The imported scenario: its YAML text, what cannot be replayed (one line each, also in the
 * YAML's comments), and a one-line summary for the console.
 */
public record ImportResult(String yaml, List<String> notReplayed, String summary) {
  /** Freezes the list. */
  public ImportResult {
    notReplayed = List.copyOf(notReplayed);
  }
}
