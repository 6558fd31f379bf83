package dev.barriersim.core.properties;

import static dev.barriersim.core.properties.PropertyRuns.qt;
import static dev.barriersim.core.properties.PropertyRuns.report;
import static dev.barriersim.core.properties.PropertyRuns.run;
import static dev.barriersim.core.properties.PropertyRuns.scenarios;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.properties.ScenarioGen.Shape;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Same spec, same run; the barrier and non-barrier arms draw the same work (common random numbers). */
class DeterminismPropertiesTest {
  @Test
  void sameSpecTwice_givesTheSameDigestAndEventLog() {
    qt(300).forAll(scenarios(Shape.FULL)).checkAssert(s -> {
      PropertyRuns.Observed a = run(s);
      PropertyRuns.Observed b = run(s);
      List<String> v = new ArrayList<>();
      if (!a.events().equals(b.events())) v.add("event lists differ");
      if (a.result() != null && !a.result().equals(b.result())) v.add("results differ: " + a.result() + " vs " + b.result());
      if (!v.isEmpty()) throw new AssertionError(report(s, v));
    });
  }

  /**
   * A successful attempt's duration is its work (less its executor's launch latency), which depends on (seed, job,
   * stage, partition) only: equal in both arms for one-phase stages; in a multi-phase barrier stage
   * the barrier arm also waits in barrier(), so it is at least the non-barrier duration.
   */
  @Test
  void barrierAndNonBarrierArms_drawIdenticalPerPartitionDurations() {
    qt(300).forAll(scenarios(Shape.FULL)).checkAssert(s -> {
      SimulationSpec nb = s.withoutBarrier();
      Map<String, Long> barrierArm = durations(run(s), s);
      Map<String, Long> plainArm = durations(run(nb), nb);
      List<String> v = new ArrayList<>();
      for (Map.Entry<String, Long> e : barrierArm.entrySet()) {
        Long other = plainArm.get(e.getKey());
        if (other == null) continue;
        String[] k = e.getKey().split("/");
        StageSpec st = stage(s, k[0], k[1]);
        boolean onePhase = st.phases().size() == 1 || !st.barrier();
        if (onePhase ? !e.getValue().equals(other) : e.getValue() < other) {
          v.add(e.getKey() + ": barrier arm " + e.getValue() + " ms, non-barrier arm " + other + " ms");
        }
      }
      if (!v.isEmpty()) throw new AssertionError(report(s, v));
    });
  }

  private static StageSpec stage(SimulationSpec s, String instance, String stage) {
    String base = instance.contains("#") ? instance.substring(0, instance.indexOf('#')) : instance;
    JobSpec j = s.jobs().stream().filter(x -> x.name().equals(base)).findFirst().orElseThrow();
    return j.stages().stream().filter(x -> x.name().equals(stage)).findFirst().orElseThrow();
  }

  /**
   * Duration of successful attempts per job/stage/partition, from the start of their work: the same
   * for every attempt, except in a multi-phase barrier stage, whose time in barrier() depends on when
   * the siblings started (executors' own launch latencies), where the shortest is kept.
   */
  private static Map<String, Long> durations(PropertyRuns.Observed o, SimulationSpec spec) {
    Map<String, Long> out = new HashMap<>();
    Map<String, Long> ownLaunchLatency = new HashMap<>();
    for (SimEvent e : o.events()) {
      if (e instanceof SimEvent.ExecutorAdded a && a.launchLatencyMs() >= 0) {
        ownLaunchLatency.put(a.executor(), a.launchLatencyMs());
      } else if (e instanceof SimEvent.TaskEnded t && t.status() == TaskStatus.SUCCESS) {
        String k = t.job() + "/" + t.stage() + "/" + t.partition();
        long d = t.t() - t.launchMs() - ownLaunchLatency.getOrDefault(t.executor(), spec.settings().launchLatencyMs());
        Long prev = out.putIfAbsent(k, d);
        if (prev == null || prev == d) continue;
        StageSpec st = stage(spec, t.job(), t.stage());
        if (!st.barrier() || st.phases().size() == 1) {
          throw new AssertionError("one arm gave " + k + " two durations " + prev + ", " + d);
        }
        out.put(k, Math.min(prev, d));
      }
    }
    return out;
  }
}
