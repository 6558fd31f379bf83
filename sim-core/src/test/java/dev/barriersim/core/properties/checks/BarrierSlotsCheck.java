package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A barrier stage attempt launches only when, just before its first launch, the active
 * executors had at least {@code tasks} free slots for its task shape. The oracle counts, per
 * active executor, how many tasks fit in its free cores ({@code / spark.task.cpus}) and free
 * custom resources, all of them: stronger than Spark's limiting-resource count, and implied by
 * any placement that does not over-commit an executor.
 */
public final class BarrierSlotsCheck implements PropertyCheck {
  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    SpecIndex idx = new SpecIndex(spec);
    ClusterModel model = new ClusterModel(idx);
    List<String> out = new ArrayList<>();
    Map<String, StageSubmitted> barrier = new HashMap<>();
    Set<String> launched = new HashSet<>();
    for (SimEvent e : events) {
      if (e instanceof StageSubmitted s && s.barrier()) barrier.put(Keys.attempt(s.job(), s.stage(), s.stageAttempt()), s);
      if (e instanceof TaskLaunched l) {
        String k = Keys.attempt(l.job(), l.stage(), l.stageAttempt());
        StageSubmitted s = barrier.get(k);
        if (s != null && launched.add(k)) {
          int free = model.freeSlots(idx.cpus(), idx.resources(l.job(), l.stage()));
          if (free < s.tasks()) {
            out.add("t=" + l.t() + ": barrier attempt " + k + " launched " + s.tasks() + " tasks with only " + free
                + " free slots");
          }
        }
      }
      model.apply(e);
    }
    return out;
  }
}
