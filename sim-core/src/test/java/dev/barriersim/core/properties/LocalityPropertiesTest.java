package dev.barriersim.core.properties;

import static dev.barriersim.core.properties.PropertyRuns.assertHolds;
import static dev.barriersim.core.properties.PropertyRuns.qt;
import static dev.barriersim.core.properties.PropertyRuns.scenariosWithLocality;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.properties.ScenarioGen.Shape;
import dev.barriersim.core.properties.checks.AllOrNothingCheck;
import dev.barriersim.core.properties.checks.BarrierSlotsCheck;
import dev.barriersim.core.properties.checks.LocalityWaitCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delay-scheduling invariants on random scenarios with hosts, racks, cached partitions and input hosts. */
class LocalityPropertiesTest {
  static final int EXAMPLES = 300;

  @Test
  void noLaunchAboveTheAllowedLevel_andNoLevelLeftBeforeItsWait() {
    qt(EXAMPLES).forAll(scenariosWithLocality(Shape.FULL))
        .checkAssert(s -> assertHolds(s, List.of(new LocalityWaitCheck())));
  }

  @Test
  void barrierStageAttempt_underDelayScheduling_stillLaunchesAllAtOnceOrNone() {
    qt(EXAMPLES).forAll(scenariosWithLocality(Shape.FULL))
        .checkAssert(s -> assertHolds(s, List.of(new AllOrNothingCheck(), new BarrierSlotsCheck())));
  }

  /** The check bites: a launch moved to ANY in a set that was allowed only PROCESS_LOCAL is reported. */
  @Test
  void localityWaitCheck_reportsADoctoredEarlyAnyLaunch() {
    var spec = dev.barriersim.core.testing.SpecBuilder.spec().executorsOn(1, 1, 1, null).executorsOn(1, 1, 1, null)
        .job("j", dev.barriersim.core.testing.SpecBuilder.inputHosts(
            dev.barriersim.core.testing.SpecBuilder.stage("s", 2, 10_000), List.of("host-0"))).build();
    PropertyRuns.Observed run = PropertyRuns.run(spec);
    List<SimEvent> doctored = new ArrayList<>();
    for (SimEvent e : run.events()) {
      if (e instanceof SimEvent.LocalityLevelChanged c && "wait".equals(c.reason())) continue;
      if (e instanceof TaskLaunched l && l.locality() == TaskLocality.ANY) {
        doctored.add(new TaskLaunched(0, l.job(), l.stage(), l.stageAttempt(), l.partition(), l.attempt(), l.taskId(),
            l.executor(), l.host(), l.resources(), TaskLocality.ANY));
        continue;
      }
      doctored.add(e);
    }
    assertFalse(new LocalityWaitCheck().check(doctored, spec, run.result()).isEmpty());
  }
}
