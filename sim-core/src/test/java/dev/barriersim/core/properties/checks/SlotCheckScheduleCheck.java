package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.JobStarted;
import dev.barriersim.core.event.SimEvent.JobSubmitted;
import dev.barriersim.core.event.SimEvent.SlotCheckFailed;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The submission-time slot check ([SPARK-24819]) runs at submit + k x d, d being
 * {@code maxConcurrentTasksCheck.interval} cut to whole seconds: failure k (1-based) comes at
 * submit + (k - 1) x d and retries while k <= maxFailures; the failure that does not retry fails
 * the job at that instant with Spark's message, and such a job never starts; a job that starts
 * after k failures starts at submit + k x d. No stage is submitted before the job starts.
 */
public final class SlotCheckScheduleCheck implements PropertyCheck {
  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    List<String> out = new ArrayList<>();
    long d = spec.conf().slotCheckIntervalMs() / 1000 * 1000;
    int max = spec.conf().slotCheckMaxFailures();
    Map<String, Long> submit = new HashMap<>();
    Map<String, Integer> failures = new HashMap<>();
    Map<String, Boolean> gaveUp = new HashMap<>();
    Map<String, Boolean> started = new HashMap<>();
    for (SimEvent e : events) {
      if (e instanceof JobSubmitted j) {
        submit.put(j.job(), j.t());
      } else if (e instanceof SlotCheckFailed f) {
        int k = failures.merge(f.job(), 1, Integer::sum);
        long want = submit.getOrDefault(f.job(), -1L) + (k - 1) * d;
        if (f.t() != want) out.add("t=" + f.t() + ": slot check failure " + k + " of " + f.job() + " expected at " + want);
        if (f.failures() != k) out.add("t=" + f.t() + ": slot check failure numbered " + f.failures() + ", expected " + k);
        if (f.willRetry() != (k <= max)) out.add("t=" + f.t() + ": slot check failure " + k + " willRetry=" + f.willRetry());
        if (f.required() <= f.available()) out.add("t=" + f.t() + ": slot check failed with " + f.required()
            + " required <= " + f.available() + " available");
        if (!f.willRetry()) gaveUp.put(f.job(), true);
        if (started.containsKey(f.job())) out.add("t=" + f.t() + ": slot check of " + f.job() + " after it started");
      } else if (e instanceof JobStarted j) {
        started.put(j.job(), true);
        int k = failures.getOrDefault(j.job(), 0);
        long want = submit.getOrDefault(j.job(), -1L) + k * d;
        if (j.t() != want) out.add("t=" + j.t() + ": " + j.job() + " started after " + k + " slot check failures, expected at " + want);
        if (gaveUp.containsKey(j.job())) out.add("t=" + j.t() + ": " + j.job() + " started after the slot check gave up");
      } else if (e instanceof StageSubmitted s && !started.containsKey(s.job())) {
        out.add("t=" + s.t() + ": stage " + s.stage() + " of " + s.job() + " submitted before its job started");
      } else if (e instanceof JobEnded j && gaveUp.containsKey(j.job())) {
        int k = failures.get(j.job());
        long want = submit.get(j.job()) + (k - 1) * d;
        if (j.t() != want || !j.status().equals("FAILED") || j.reason() == null || !j.reason().contains("[SPARK-24819]")) {
          out.add("t=" + j.t() + ": " + j.job() + " gave up the slot check but ended " + j.status() + " at " + j.t()
              + " (expected FAILED with [SPARK-24819] at " + want + ")");
        }
      }
    }
    for (String job : gaveUp.keySet()) {
      if (events.stream().noneMatch(e -> e instanceof JobEnded j && j.job().equals(job))) {
        out.add(job + " gave up the slot check but never ended");
      }
    }
    return out;
  }
}
