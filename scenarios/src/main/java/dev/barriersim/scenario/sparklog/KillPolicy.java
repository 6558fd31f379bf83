package dev.barriersim.scenario.sparklog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How long a killed task kept its slot, measured on the log's killed attempts: either it ran on
 * until its work ended ({@code untilDone}: a task that does not check for interruption, such as a
 * plain {@code Thread.sleep}), or it stopped a fixed delay after the kill request (the failure
 * that triggered it). The candidate with the smaller worst error on the recorded ends wins; ties
 * go to {@code untilDone}.
 */
final class KillPolicy {
  private final long latencyMs;
  private final String explanation;

  private KillPolicy(long latencyMs, String explanation) {
    this.latencyMs = latencyMs;
    this.explanation = explanation;
  }

  /** The YAML value: {@code untilDone} or a duration. */
  String yamlValue() {
    return latencyMs < 0 ? "untilDone" : latencyMs + "ms";
  }

  String explanation() {
    return explanation;
  }

  /** The policy measured on the killed attempts of the imported stages, or null when none was killed. */
  static KillPolicy measure(RecordedApplication app, Map<RecordedStage, long[]> work,
      Map<RecordedJob, List<RecordedStage>> stagesOf, long launch, long status) {
    Map<String, Long> firstFailure = new java.util.HashMap<>();
    for (TaskRecord t : app.unusual) {
      if (!t.reason().equals("TaskKilled") && !t.reason().equals("Success")) {
        firstFailure.merge(t.stage().id + ":" + t.stageAttempt(), t.finish(), Math::min);
      }
    }
    List<TaskRecord> killed = new ArrayList<>();
    List<Long> requests = new ArrayList<>();
    for (TaskRecord t : app.unusual) {
      if (!t.reason().equals("TaskKilled") || !work.containsKey(t.stage())) continue;
      long request = killRequest(firstFailure, t);
      if (request < 0) continue;
      killed.add(t);
      requests.add(request);
    }
    if (killed.isEmpty()) return null;
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < killed.size(); i++) delays.add(Math.max(0, killed.get(i).finish() - requests.get(i) - status));
    List<Long> sorted = new ArrayList<>(delays);
    sorted.sort(null);
    long latency = sorted.get((sorted.size() - 1) / 2);
    long errUntilDone = 0;
    long errLatency = 0;
    for (int i = 0; i < killed.size(); i++) {
      TaskRecord t = killed.get(i);
      long[] w = work.get(t.stage());
      long workMs = t.partition() >= 0 && t.partition() < w.length ? w[t.partition()] : 0;
      long untilDone = t.launch() + launch + workMs + status;
      long byLatency = Math.min(untilDone, requests.get(i) + latency + status);
      errUntilDone = Math.max(errUntilDone, Math.abs(untilDone - t.finish()));
      errLatency = Math.max(errLatency, Math.abs(byLatency - t.finish()));
    }
    String lines = killed.size() + " killed attempts (TaskEnd lines " + killed.get(0).line()
        + (killed.size() > 1 ? ".." + killed.get(killed.size() - 1).line() : "") + ")";
    if (errUntilDone <= errLatency) {
      return new KillPolicy(-1, "killed tasks ran on to the end of their work: worst error " + errUntilDone + " ms on "
          + lines + " (a fixed " + latency + " ms: " + errLatency + " ms)");
    }
    return new KillPolicy(latency, "median kill request to end over " + lines + ": worst error " + errLatency
        + " ms (untilDone: " + errUntilDone + " ms)");
  }

  /** When the kill was asked: the first failure of the same stage attempt, else that attempt's completion. */
  private static long killRequest(Map<String, Long> firstFailure, TaskRecord killed) {
    Long first = firstFailure.get(killed.stage().id + ":" + killed.stageAttempt());
    if (first != null) return first;
    RecordedStage.Attempt a = killed.stage().attempts.get(killed.stageAttempt());
    return a != null && a.completed > 0 ? a.completed : -1;
  }
}
