package dev.barriersim.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions (edit distance or prefix) and short quoting of user text. */
final class Suggestions {
  private Suggestions() {}

  /** Longest user text quoted back in a message; beyond it we cut, so a 4 MiB line stays out of logs. */
  private static final int MAX_QUOTED = 60;

  /**
   * The closest candidate: edit distance at most 2 (case-insensitive) or one a prefix of the other
   * (3+ characters); ties go to the earlier candidate so the answer is deterministic.
   */
  static Optional<String> closest(String typed, Collection<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String c : candidates) {
      String k = c.toLowerCase(Locale.ROOT);
      int d = distance(t, k, 3);
      int score;
      if (d <= 2) {
        score = d;
      } else if (t.length() >= 3 && (k.startsWith(t) || t.startsWith(k))) {
        score = 3;
      } else {
        continue;
      }
      if (score < bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The fix for an unknown word: "did you mean 'x'?" or the list of allowed words. */
  static String fixFor(String typed, Collection<String> allowed, String what) {
    return closest(typed, allowed)
        .map(s -> "did you mean '" + s + "'?")
        .orElse(allowed.isEmpty() ? "remove it" : what + ": " + String.join(", ", allowed));
  }

  /** Levenshtein distance, giving up (returning {@code limit}) once it cannot be below it. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) return limit;
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin >= limit) return limit;
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[b.length()], limit);
  }

  /** User text cut to a readable length for messages. */
  static String shorten(String text) {
    return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...";
  }
}
