package dev.barriersim.scenario.sparklog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a simulated timeline with the recorded one, every time measured from its job's
 * submission: the same task attempts with the same statuses, the same stage attempts, and each
 * attempt's launch and end and each job's end within {@link Tolerance}. Collects every violation
 * and the largest errors.
 */
final class ReplayComparison {
  final List<String> violations = new ArrayList<>();
  long maxLaunchError;
  long maxEndError;
  long maxJobEndError;
  int attempts;

  ReplayComparison(Timeline recorded, Timeline simulated) {
    Map<String, Timeline.Task> sim = new TreeMap<>();
    for (Timeline.Task t : simulated.tasks()) sim.put(t.key(), t);
    for (Timeline.Task r : recorded.tasks()) {
      attempts++;
      Timeline.Task s = sim.remove(r.key());
      if (s == null) {
        violations.add(r.key() + ": recorded (" + r.status() + "), not simulated");
        continue;
      }
      if (!s.status().equals(r.status())) violations.add(r.key() + ": status " + s.status() + ", recorded " + r.status());
      long rs = recorded.jobs().get(r.job()).submitted();
      long ss = simulated.jobs().get(s.job()).submitted();
      maxLaunchError = Math.max(maxLaunchError, check(r.key() + " launch", r.launch() - rs, s.launch() - ss));
      maxEndError = Math.max(maxEndError, check(r.key() + " end", r.end() - rs, s.end() - ss));
    }
    sim.values().forEach(s -> violations.add(s.key() + ": simulated (" + s.status() + "), not recorded"));
    for (Timeline.Job r : recorded.jobs().values()) {
      Timeline.Job s = simulated.jobs().get(r.id());
      if (s == null) {
        violations.add("job " + r.id() + ": not simulated");
        continue;
      }
      maxJobEndError = Math.max(maxJobEndError, check("job " + r.id() + " end", r.ended() - r.submitted(),
          s.ended() - s.submitted()));
    }
  }

  private long check(String what, long recorded, long simulated) {
    long error = Math.abs(simulated - recorded);
    if (error > Tolerance.allowedMs(recorded)) {
      violations.add(String.format(Locale.ROOT, "%s: %d ms after the job's submission, recorded %d ms (error %d ms,"
          + " allowed %d ms)", what, simulated, recorded, error, Tolerance.allowedMs(recorded)));
    }
    return error;
  }

  String summary() {
    return String.format(Locale.ROOT, "%d attempts; max error: launch %d ms, attempt end %d ms, job end %d ms", attempts,
        maxLaunchError, maxEndError, maxJobEndError);
  }
}
