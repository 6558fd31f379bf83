package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskKillRequested;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.failure.TaskFailureSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted {@code fail} at {@code after} happens: {@code after} counts from the start of the
 * attempt's work (launch + its executor's launch latency), and an attempt it names that was not asked to stop by
 * then either finished its work before the failure point (SUCCESS reported before
 * point + status latency) or ended by then (FAILED at the point, or earlier for another reason),
 * and it never succeeds after the point. Failures "at the end of the work" and hangs are not
 * checked here.
 */
public final class ScriptedFailureCheck implements PropertyCheck {
  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    // The first entry naming an attempt is the one that applies (as in the failure injector).
    Map<String, TaskFailureSpec> first = new HashMap<>();
    for (TaskFailureSpec f : spec.failures().tasks()) {
      first.putIfAbsent(key(f.job(), f.stage(), f.stageAttempt(), f.partition(), f.attempt()), f);
    }
    Map<String, Long> failAfter = new HashMap<>();
    first.forEach((k, f) -> {
      if (f.kind() == TaskFailureSpec.Kind.FAIL && f.afterMs() != TaskFailureSpec.AT_END) failAfter.put(k, f.afterMs());
    });
    List<String> out = new ArrayList<>();
    if (failAfter.isEmpty()) return out;
    long latency = spec.settings().statusUpdateLatencyMs();
    Map<String, Long> ownLaunchLatency = new HashMap<>(); // executor -> its group's launchLatency
    Map<Long, Long> failPoint = new HashMap<>(); // taskId -> launch + launch latency + after
    Map<Long, Long> killAt = new HashMap<>();
    for (SimEvent e : events) {
      if (e instanceof ExecutorAdded a && a.launchLatencyMs() >= 0) {
        ownLaunchLatency.put(a.executor(), a.launchLatencyMs());
      } else if (e instanceof TaskLaunched l) {
        Long after = failAfter.get(key(l.job(), l.stage(), l.stageAttempt(), l.partition(), l.attempt()));
        long workStart = ownLaunchLatency.getOrDefault(l.executor(), spec.settings().launchLatencyMs());
        if (after != null) failPoint.put(l.taskId(), l.t() + workStart + after);
      } else if (e instanceof TaskKillRequested k) {
        killAt.putIfAbsent(k.taskId(), k.t());
      } else if (e instanceof TaskEnded t && failPoint.containsKey(t.taskId())) {
        long point = failPoint.remove(t.taskId());
        Long kill = killAt.get(t.taskId());
        if (kill != null && kill <= point) continue;
        boolean succeededLate = t.status() == TaskStatus.SUCCESS && t.t() - latency >= point;
        boolean endedLate = t.t() > point + latency;
        if (succeededLate || endedLate) {
          out.add("t=" + t.t() + ": task " + t.taskId() + " (" + t.job() + "/" + t.stage() + " p" + t.partition()
              + ") ended " + t.status() + " although its scripted failure was due at " + point);
        }
      }
    }
    return out;
  }

  private static String key(String job, String stage, int stageAttempt, int partition, int attempt) {
    return Keys.partition(job, stage, stageAttempt, partition) + "#" + attempt;
  }
}
