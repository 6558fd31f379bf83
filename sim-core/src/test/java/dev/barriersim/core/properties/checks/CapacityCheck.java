package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No executor ever runs more cpus or custom resources than it has; tasks launch only on active
 * executors (not decommissioning, not lost); at the end of every instant no task is still
 * running on a lost executor; time never goes backwards; the executors that join are exactly
 * those the spec adds.
 */
public final class CapacityCheck implements PropertyCheck {
  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    ClusterModel model = new ClusterModel(new SpecIndex(spec));
    List<String> out = new ArrayList<>();
    long last = 0;
    for (int i = 0; i < events.size(); i++) {
      SimEvent e = events.get(i);
      if (e.t() < last) out.add("t=" + e.t() + ": time went backwards from " + last);
      last = e.t();
      if (e instanceof TaskLaunched l) {
        ClusterModel.Exec x = model.executors.get(l.executor());
        if (x != null && x.state != ClusterModel.State.ACTIVE) {
          out.add("t=" + l.t() + ": task " + l.taskId() + " launched on " + x.state + " executor " + x.id);
        }
      }
      model.apply(e);
      if (e instanceof TaskLaunched l) {
        ClusterModel.Exec x = model.executors.get(l.executor());
        if (x != null) {
          if (x.usedCpus > x.cores) {
            out.add("t=" + l.t() + ": executor " + x.id + " runs " + x.usedCpus + " cpus but has " + x.cores);
          }
          for (Map.Entry<String, Integer> r : x.used.entrySet()) {
            if (r.getValue() > x.resources.getOrDefault(r.getKey(), 0)) {
              out.add("t=" + l.t() + ": executor " + x.id + " uses " + r.getValue() + " " + r.getKey() + " but has "
                  + x.resources.getOrDefault(r.getKey(), 0));
            }
          }
        }
      }
      boolean endOfInstant = i + 1 == events.size() || events.get(i + 1).t() != e.t();
      if (endOfInstant) {
        for (ClusterModel.Running r : model.running.values()) {
          ClusterModel.Exec x = model.executors.get(r.executor());
          if (x != null && x.state == ClusterModel.State.LOST) {
            out.add("t=" + e.t() + ": task " + r.launch().taskId() + " still runs on lost executor " + x.id);
          }
        }
      }
    }
    out.addAll(model.violations);
    return out;
  }
}
