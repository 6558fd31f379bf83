package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorExcluded;
import dev.barriersim.core.event.SimEvent.ExecutorUnexcluded;
import dev.barriersim.core.event.SimEvent.NodeExcluded;
import dev.barriersim.core.event.SimEvent.NodeUnexcluded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exclusion on failure: no task launches on an executor (or host) excluded for that task, for its
 * stage attempt, or for the application; an application-level exclusion ends only strictly after its
 * expiry, and exclusion events appear only when {@code spark.excludeOnFailure.enabled} is on.
 */
public final class ExclusionCheck implements PropertyCheck {
  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    boolean enabled = spec.conf().excludeOnFailure().enabled();
    List<String> out = new ArrayList<>();
    Set<String> excluded = new HashSet<>();
    Map<String, Long> appExecutors = new HashMap<>();
    Map<String, Long> appHosts = new HashMap<>();
    for (SimEvent e : events) {
      if (e instanceof ExecutorExcluded x) {
        if (!enabled) out.add("t=" + x.t() + ": " + x + " with exclusion off");
        if (x.scope() == ExclusionScope.APPLICATION) appExecutors.put(x.executor(), x.expiresMs());
        else excluded.add(key(x.scope(), "e" + x.executor(), x.job(), x.stage(), x.stageAttempt(), x.partition()));
      } else if (e instanceof NodeExcluded x) {
        if (!enabled) out.add("t=" + x.t() + ": " + x + " with exclusion off");
        if (x.scope() == ExclusionScope.APPLICATION) appHosts.put(x.host(), x.expiresMs());
        else excluded.add(key(x.scope(), "h" + x.host(), x.job(), x.stage(), x.stageAttempt(), x.partition()));
      } else if (e instanceof ExecutorUnexcluded u) {
        Long expiry = appExecutors.remove(u.executor());
        if (expiry == null) out.add("t=" + u.t() + ": executor " + u.executor() + " unexcluded but not excluded");
        else if (u.t() <= expiry) out.add("t=" + u.t() + ": executor " + u.executor() + " unexcluded before its expiry " + expiry);
      } else if (e instanceof NodeUnexcluded u) {
        Long expiry = appHosts.remove(u.host());
        if (expiry == null) out.add("t=" + u.t() + ": host " + u.host() + " unexcluded but not excluded");
        else if (u.t() <= expiry) out.add("t=" + u.t() + ": host " + u.host() + " unexcluded before its expiry " + expiry);
      } else if (e instanceof TaskLaunched l) {
        String where = "t=" + l.t() + ": " + l.job() + "/" + l.stage() + "." + l.stageAttempt() + " p" + l.partition()
            + " launched on executor " + l.executor() + " (" + l.host() + ")";
        if (appExecutors.containsKey(l.executor())) out.add(where + ", excluded for the application");
        if (appHosts.containsKey(l.host())) out.add(where + ", its host excluded for the application");
        for (String target : List.of("e" + l.executor(), "h" + l.host())) {
          if (excluded.contains(key(ExclusionScope.STAGE, target, l.job(), l.stage(), l.stageAttempt(), -1))) {
            out.add(where + ", " + target + " excluded for the stage attempt");
          }
          if (excluded.contains(key(ExclusionScope.TASK, target, l.job(), l.stage(), l.stageAttempt(), l.partition()))) {
            out.add(where + ", " + target + " excluded for the task");
          }
        }
      }
    }
    return out;
  }

  private static String key(ExclusionScope scope, String target, String job, String stage, int stageAttempt,
      int partition) {
    return scope + "|" + target + "|" + job + "|" + stage + "|" + stageAttempt
        + (scope == ExclusionScope.TASK ? "|" + partition : "");
  }
}
