package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.spark.BarrierRerun;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Barrier all-or-nothing: every barrier stage attempt either launches nothing, or launches
 * exactly {@code tasks} task attempts, all at one instant, one per partition, each as attempt 0.
 * With {@code barrierPartialRerun: whole} every attempt covers every partition of the stage; with
 * {@code spark} an attempt may rerun only some of them (Spark 3.5.9's {@code findMissingPartitions}).
 */
public final class AllOrNothingCheck implements PropertyCheck {
  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    SpecIndex idx = new SpecIndex(spec);
    List<String> out = new ArrayList<>();
    Map<String, StageSubmitted> barrier = new HashMap<>();
    Map<String, List<TaskLaunched>> launches = new HashMap<>();
    Map<String, Integer> stageTasks = new HashMap<>();
    boolean whole = spec.settings().barrierPartialRerun() == BarrierRerun.WHOLE;
    for (SimEvent e : events) {
      if (e instanceof StageSubmitted s) {
        String k = Keys.attempt(s.job(), s.stage(), s.stageAttempt());
        if (s.barrier()) barrier.put(k, s);
        StageSpec st = idx.stage(s.job(), s.stage());
        if (st != null && st.barrier() != s.barrier()) out.add("t=" + s.t() + ": " + k + " barrier flag differs from the spec");
        if (st != null) stageTasks.put(k, st.tasks());
        if (s.barrier() && st != null && (whole ? s.tasks() != st.tasks() : s.tasks() > st.tasks())) {
          out.add("t=" + s.t() + ": barrier attempt " + k + " has " + s.tasks() + " tasks, the stage has " + st.tasks());
        }
      } else if (e instanceof TaskLaunched l) {
        launches.computeIfAbsent(Keys.attempt(l.job(), l.stage(), l.stageAttempt()), x -> new ArrayList<>()).add(l);
      }
    }
    for (Map.Entry<String, StageSubmitted> b : barrier.entrySet()) {
      List<TaskLaunched> ls = launches.getOrDefault(b.getKey(), List.of());
      if (ls.isEmpty()) continue;
      int tasks = b.getValue().tasks();
      TreeSet<Integer> partitions = new TreeSet<>();
      TreeSet<Long> instants = new TreeSet<>();
      for (TaskLaunched l : ls) {
        partitions.add(l.partition());
        instants.add(l.t());
        if (l.attempt() != 0) out.add("barrier attempt " + b.getKey() + " launched task attempt " + l.attempt()
            + " of partition " + l.partition() + " (no retry inside a barrier TaskSet)");
      }
      if (ls.size() != tasks) out.add("barrier attempt " + b.getKey() + " launched " + ls.size() + " of " + tasks + " tasks");
      if (instants.size() != 1) out.add("barrier attempt " + b.getKey() + " launched at " + instants.size() + " instants " + instants);
      int all = stageTasks.getOrDefault(b.getKey(), tasks);
      boolean covers = partitions.first() == 0 && partitions.last() == tasks - 1;
      if (partitions.size() != ls.size() || partitions.first() < 0 || partitions.last() >= all || (whole && !covers)) {
        out.add("barrier attempt " + b.getKey() + " launched partitions " + partitions + ", expected "
            + (whole ? "0.." + (tasks - 1) : tasks + " distinct partitions of 0.." + (all - 1)));
      }
    }
    return out;
  }
}
