package dev.barriersim.core.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskStatus;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The generated scenarios really exercise what the properties talk about (so no property holds
 * vacuously): over a fixed sample, count the runs in which each kind of event happens.
 */
class GeneratorCoverageTest {
  @Test
  void fullScenarios_exerciseEveryFeatureThePropertiesTalkAbout() {
    TreeMap<String, Integer> runsWith = new TreeMap<>();
    SplittableRandom r = new SplittableRandom(PropertyRuns.seed());
    int n = 300;
    for (int i = 0; i < n; i++) {
      PropertyRuns.Observed o = PropertyRuns.run(ScenarioGen.scenario(Draw.seeded(r.split()), ScenarioGen.Shape.FULL));
      assertTrue(o.crash() == null, () -> "engine threw " + o.crash());
      java.util.Set<String> seen = new java.util.TreeSet<>();
      for (SimEvent e : o.events()) {
        seen.add(e.type());
        if (e instanceof SimEvent.TaskLaunched l && l.attempt() > 0) seen.add("retry");
        if (e instanceof SimEvent.StageSubmitted s && s.barrier() && s.stageAttempt() > 0) seen.add("barrierRerun");
        if (e instanceof SimEvent.TaskEnded t && t.status() == TaskStatus.FAILED) seen.add("failed");
        if (e instanceof SimEvent.JobEnded j && j.reason() != null && j.reason().contains("times, most recent")) seen.add("tooManyTaskFailures");
        if (e instanceof SimEvent.JobEnded j && j.reason() != null && j.reason().contains("barrier ResultStage")) seen.add("barrierResultAbort");
      }
      seen.add("outcome " + o.result().outcome());
      for (String s : seen) runsWith.merge(s, 1, Integer::sum);
    }
    System.out.println("runs (of " + n + ") with: " + runsWith);
    assertTrue(runsWith.getOrDefault("BarrierPlacementReverted", 0) >= 1, () -> "no reverted placement: " + runsWith);
    for (String k : new String[] {"SpeculativeTaskLaunched", "TaskKillRequested", "BarrierRoundSkipped", "SlotCheckFailed",
        "ExecutorLost", "ExecutorAdded", "ExecutorDecommissioned", "BarrierSyncReleased", "BarrierSyncTimedOut", "retry",
        "barrierRerun", "failed", "tooManyTaskFailures", "barrierResultAbort", "outcome " + Outcome.COMPLETED}) {
      assertTrue(runsWith.getOrDefault(k, 0) >= 3, () -> "too few runs with " + k + ": " + runsWith);
    }
  }
}
