package dev.barriersim.scenario.sparklog;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.observe.SimulationListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs an imported scenario as written (its recorded, barrier mode) and collects its timeline with Spark's ids. */
final class SimulatedTimelines {
  private SimulatedTimelines() {}

  static Timeline run(SimulationSpec spec) {
    Map<Integer, long[]> jobs = new TreeMap<>();
    Map<String, Timeline.Task> launched = new HashMap<>();
    List<Timeline.Task> tasks = new ArrayList<>();
    SimulationListener l = new SimulationListener() {
      @Override
      public void onEvent(SimEvent e) {
        if (e instanceof SimEvent.JobSubmitted s) jobs.put(id(s.job()), new long[] {s.t(), -1});
        if (e instanceof SimEvent.JobEnded s) jobs.get(id(s.job()))[1] = s.t();
        if (e instanceof SimEvent.TaskLaunched s) {
          launched.put(key(s.stage(), s.stageAttempt(), s.partition(), s.attempt()), new Timeline.Task(id(s.job()),
              id(s.stage()), s.stageAttempt(), s.partition(), s.attempt(), s.t(), -1, "RUNNING"));
        }
        if (e instanceof SimEvent.TaskEnded s) {
          Timeline.Task t = launched.remove(key(s.stage(), s.stageAttempt(), s.partition(), s.attempt()));
          tasks.add(new Timeline.Task(t.job(), t.stage(), t.stageAttempt(), t.partition(), t.attempt(), t.launch(), s.t(),
              s.status().name()));
        }
      }
    };
    RunResult r = Simulations.run(spec, RunOutputs.none().withListener(l));
    if (r == null) throw new AssertionError("no result");
    Map<Integer, Timeline.Job> js = new TreeMap<>();
    jobs.forEach((id, t) -> js.put(id, new Timeline.Job(id, t[0], t[1])));
    tasks.addAll(launched.values());
    return new Timeline(js, tasks);
  }

  private static String key(String stage, int stageAttempt, int partition, int attempt) {
    return stage + "/" + stageAttempt + "/" + partition + "/" + attempt;
  }

  /** The Spark id in a scenario name: {@code job-4} -> 4, {@code stage-8} -> 8. */
  static int id(String name) {
    return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
  }
}
