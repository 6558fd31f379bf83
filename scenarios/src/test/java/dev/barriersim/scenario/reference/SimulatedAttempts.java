package dev.barriersim.scenario.reference;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.observe.SimulationListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a twin scenario as written (its barrier mode) and collects every task attempt of the run. */
final class SimulatedAttempts {
  private SimulatedAttempts() {}

  static List<Attempt> run(SimulationSpec spec) {
    Map<String, Attempt> running = new LinkedHashMap<>();
    List<Attempt> attempts = new ArrayList<>();
    SimulationListener listener = new SimulationListener() {
      @Override
      public void onEvent(SimEvent e) {
        if (e instanceof SimEvent.TaskLaunched l) {
          Attempt a = new Attempt(l.job(), l.stage(), l.stageAttempt(), l.partition(), l.attempt(), l.t(), -1, "RUNNING");
          running.put(a.key(), a);
        } else if (e instanceof SimEvent.TaskEnded x) {
          Attempt a = running.remove(new Attempt(x.job(), x.stage(), x.stageAttempt(), x.partition(), x.attempt(), 0, 0,
              "").key());
          if (a != null) {
            attempts.add(new Attempt(a.job(), a.stage(), a.stageAttempt(), a.partition(), a.attempt(), a.launch(), x.t(),
                x.status().name()));
          }
        }
      }
    };
    Simulations.run(spec, RunOutputs.none().withListener(listener));
    attempts.addAll(running.values());
    return attempts;
  }
}
