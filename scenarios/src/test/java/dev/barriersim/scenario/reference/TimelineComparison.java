package dev.barriersim.scenario.reference;

import dev.barriersim.scenario.sparklog.Tolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulated timeline against a real Spark recording, attempt by attempt: the same attempts with
 * the same statuses exactly, and each attempt's launch and end, in ms after time 0, within
 * max(150 ms, 5 %) of the recorded time ({@link Tolerance}). Keeps every violation and the largest
 * and mean absolute errors.
 */
final class TimelineComparison {
  final List<String> violations = new ArrayList<>();
  private long maxLaunch;
  private long maxEnd;
  private long sumLaunch;
  private long sumEnd;
  private int launches;
  private int ends;

  TimelineComparison(List<Attempt> recorded, List<Attempt> simulated) {
    Map<String, Attempt> sim = new TreeMap<>();
    for (Attempt s : simulated) sim.put(s.key(), s);
    for (Attempt r : recorded) {
      Attempt s = sim.remove(r.key());
      if (s == null) {
        violations.add(r.key() + ": recorded (" + r.status() + "), not simulated");
        continue;
      }
      if (!s.status().equals(r.status())) violations.add(r.key() + ": status " + s.status() + ", recorded " + r.status());
      long dl = check(r.key() + " launch", r.launch(), s.launch());
      maxLaunch = Math.max(maxLaunch, dl);
      sumLaunch += dl;
      launches++;
      if (r.end() >= 0 && s.end() >= 0) {
        long de = check(r.key() + " end", r.end(), s.end());
        maxEnd = Math.max(maxEnd, de);
        sumEnd += de;
        ends++;
      }
    }
    sim.values().forEach(s -> violations.add(s.key() + ": simulated (" + s.status() + "), not recorded"));
  }

  private long check(String what, long recorded, long simulated) {
    long error = Math.abs(simulated - recorded);
    if (error > Tolerance.allowedMs(recorded)) {
      violations.add(String.format(Locale.ROOT, "%s: simulated %d ms, recorded %d ms (error %d ms, allowed %d ms)", what,
          simulated, recorded, error, Tolerance.allowedMs(recorded)));
    }
    return error;
  }

  /** The errors, as docs/fidelity.md reports them. */
  String summary() {
    return String.format(Locale.ROOT, "%d attempts compared; |launch error| max %d ms, mean %.0f ms; |end error| max %d ms,"
        + " mean %.0f ms; %d violation(s)", launches, maxLaunch, launches == 0 ? 0.0 : (double) sumLaunch / launches, maxEnd,
        ends == 0 ? 0.0 : (double) sumEnd / ends, violations.size());
  }
}
