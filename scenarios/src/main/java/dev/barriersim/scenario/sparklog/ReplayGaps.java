package dev.barriersim.scenario.sparklog;

import java.util.ArrayList;
import java.util.List;

/**
 * What the replay cannot reproduce, feature by feature, with the log lines of the events
 * concerned: printed on stderr by {@code import} and written into the scenario's comments.
 */
final class ReplayGaps {
  private static final int MAX_LINES = 8;

  /** One feature the simulator does not model (or not like this log), and where the log shows it. */
  record Gap(String feature, String detail, List<Long> lines) {
    /** One line: {@code feature: detail (events at lines a, b, ...)}. */
    String describe() {
      StringBuilder s = new StringBuilder(feature).append(": ").append(detail);
      if (!lines.isEmpty()) {
        s.append(" (events at line").append(lines.size() > 1 ? "s " : " ");
        for (int i = 0; i < Math.min(MAX_LINES, lines.size()); i++) s.append(i == 0 ? "" : ", ").append(lines.get(i));
        if (lines.size() > MAX_LINES) s.append(" and ").append(lines.size() - MAX_LINES).append(" more");
        s.append(')');
      }
      return s.toString();
    }
  }

  private final List<Gap> gaps = new ArrayList<>();

  void add(String feature, String detail, List<Long> lines) {
    gaps.add(new Gap(feature, detail, List.copyOf(lines)));
  }

  void add(String feature, String detail, long... lines) {
    List<Long> l = new ArrayList<>();
    for (long x : lines) if (x > 0) l.add(x);
    add(feature, detail, l);
  }

  List<Gap> all() {
    return List.copyOf(gaps);
  }
}
