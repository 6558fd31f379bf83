package dev.barriersim.core.properties.checks;

import dev.barriersim.core.event.ExclusionScope;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.ExecutorExcluded;
import dev.barriersim.core.event.SimEvent.ExecutorUnexcluded;
import dev.barriersim.core.event.SimEvent.NodeExcluded;
import dev.barriersim.core.event.SimEvent.NodeUnexcluded;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Which executors a stage attempt may not use, from the exclusion events seen so far (application and stage scope). */
final class ExcludedExecutors {
  private final Map<String, String> hostOf = new HashMap<>();
  private final Set<String> application = new HashSet<>();
  private final Set<String> stage = new HashSet<>();

  /** Follows one event. */
  void apply(SimEvent e) {
    if (e instanceof ExecutorAdded a) {
      hostOf.put(a.executor(), a.host());
    } else if (e instanceof ExecutorExcluded x) {
      if (x.scope() == ExclusionScope.APPLICATION) application.add("e" + x.executor());
      else if (x.scope() == ExclusionScope.STAGE) stage.add(Keys.attempt(x.job(), x.stage(), x.stageAttempt()) + "|e" + x.executor());
    } else if (e instanceof NodeExcluded x) {
      if (x.scope() == ExclusionScope.APPLICATION) application.add("h" + x.host());
      else if (x.scope() == ExclusionScope.STAGE) stage.add(Keys.attempt(x.job(), x.stage(), x.stageAttempt()) + "|h" + x.host());
    } else if (e instanceof ExecutorUnexcluded u) {
      application.remove("e" + u.executor());
    } else if (e instanceof NodeUnexcluded u) {
      application.remove("h" + u.host());
    }
  }

  /** True when stage attempt {@code attemptKey} may not launch on {@code executor}. */
  boolean excludes(String attemptKey, String executor) {
    if (application.isEmpty() && stage.isEmpty()) return false;
    String host = hostOf.get(executor);
    return application.contains("e" + executor) || application.contains("h" + host)
        || stage.contains(attemptKey + "|e" + executor) || stage.contains(attemptKey + "|h" + host);
  }
}
