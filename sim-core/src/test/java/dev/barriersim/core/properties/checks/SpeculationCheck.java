package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.SpeculativeTaskLaunched;
import dev.barriersim.core.event.SimEvent.SpeculativeTaskSubmitted;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.spark.Backend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Speculation ({@code TaskSetManager.checkSpeculatableTasks}, {@code dequeueTaskFromList}): no
 * copy is ever submitted or launched for a barrier stage attempt; nothing speculates when
 * {@code spark.speculation} is off or with the local backend; a copy is launched at once as a
 * {@code TaskLaunched} of the same task id, and never on a host where an attempt of that task
 * (same stage attempt and partition) ran before.
 */
public final class SpeculationCheck implements PropertyCheck {
  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    List<String> out = new ArrayList<>();
    boolean mayspeculate = spec.conf().speculation().enabled() && spec.settings().backend() != Backend.LOCAL;
    Set<String> barrier = new HashSet<>();
    Map<String, Set<String>> hosts = new HashMap<>(); // partition key -> hosts of its attempts so far
    SpeculativeTaskLaunched copy = null;
    for (SimEvent e : events) {
      if (copy != null) {
        if (!(e instanceof TaskLaunched l) || l.taskId() != copy.taskId() || l.t() != copy.t()) {
          out.add("t=" + copy.t() + ": speculative copy " + copy.taskId() + " was not launched at once");
        }
      }
      if (e instanceof StageSubmitted s && s.barrier()) {
        barrier.add(Keys.attempt(s.job(), s.stage(), s.stageAttempt()));
      } else if (e instanceof SpeculativeTaskSubmitted s) {
        String ak = Keys.attempt(s.job(), s.stage(), s.stageAttempt());
        if (!mayspeculate) out.add("t=" + s.t() + ": " + ak + " speculated, but this run cannot speculate");
        if (barrier.contains(ak)) out.add("t=" + s.t() + ": barrier attempt " + ak + " got a speculatable task");
      } else if (e instanceof SpeculativeTaskLaunched c) {
        String ak = Keys.attempt(c.job(), c.stage(), c.stageAttempt());
        if (!mayspeculate) out.add("t=" + c.t() + ": " + ak + " launched a copy, but this run cannot speculate");
        if (barrier.contains(ak)) out.add("t=" + c.t() + ": barrier attempt " + ak + " launched a speculative copy");
        String pk = Keys.partition(c.job(), c.stage(), c.stageAttempt(), c.partition());
        if (hosts.getOrDefault(pk, Set.of()).contains(c.host())) {
          out.add("t=" + c.t() + ": copy " + c.taskId() + " of " + pk + " on " + c.host() + ", where it already ran");
        }
        copy = c;
        continue;
      } else if (e instanceof TaskLaunched l) {
        hosts.computeIfAbsent(Keys.partition(l.job(), l.stage(), l.stageAttempt(), l.partition()), k -> new HashSet<>())
            .add(l.host());
      }
      copy = null;
    }
    if (copy != null) out.add("t=" + copy.t() + ": speculative copy " + copy.taskId() + " was not launched");
    return out;
  }
}
