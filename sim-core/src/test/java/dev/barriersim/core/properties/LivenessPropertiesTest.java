package dev.barriersim.core.properties;

import static dev.barriersim.core.properties.PropertyRuns.qt;
import static dev.barriersim.core.properties.PropertyRuns.report;
import static dev.barriersim.core.properties.PropertyRuns.run;
import static dev.barriersim.core.properties.PropertyRuns.scenarios;
import static dev.barriersim.core.properties.PropertyRuns.violations;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.properties.ScenarioGen.Shape;
import dev.barriersim.core.properties.checks.SlotCheckScheduleCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Liveness: healthy scenarios finish; a barrier stage larger than the cluster fails on the slot-check schedule. */
class LivenessPropertiesTest {
  @Test
  void withoutFailuresAndWithEnoughSlots_everyJobSucceeds() {
    qt(500).forAll(scenarios(Shape.HEALTHY)).checkAssert(s -> {
      PropertyRuns.Observed o = run(s);
      List<String> v = new ArrayList<>(violations(o, PropertyRuns.allChecks()));
      if (o.result() != null) {
        if (o.result().outcome() != Outcome.COMPLETED) v.add("outcome " + o.result().outcome() + ", expected COMPLETED");
        for (RunResult.JobResult j : o.result().jobs()) {
          if (!j.status().equals("SUCCEEDED")) v.add("job " + j.name() + " " + j.status() + ": " + j.failureReason());
        }
      }
      if (!v.isEmpty()) throw new AssertionError(report(s, v));
    });
  }

  @Test
  void barrierStageLargerThanTheCluster_failsItsJobOnTheSlotCheckSchedule() {
    qt(300).forAll(scenarios(Shape.TOO_LARGE)).checkAssert(s -> {
      PropertyRuns.Observed o = run(s);
      List<String> v = new ArrayList<>(violations(o, List.of(new SlotCheckScheduleCheck())));
      if (o.result() != null) {
        String job = s.jobs().get(0).repeat() == null ? "j0" : "j0#1";
        long checks = o.events().stream().filter(e -> e instanceof SimEvent.SlotCheckFailed f && f.job().equals(job)).count();
        int max = s.conf().slotCheckMaxFailures();
        if (checks != max + 1) v.add(job + " had " + checks + " slot checks, expected maxFailures + 1 = " + (max + 1));
        boolean failed = o.events().stream().anyMatch(e -> e instanceof SimEvent.JobEnded j && j.job().equals(job)
            && j.status().equals("FAILED") && j.reason().contains("[SPARK-24819]"));
        if (!failed) v.add(job + " did not fail with [SPARK-24819]");
      }
      if (!v.isEmpty()) throw new AssertionError(report(s, v));
    });
  }
}
