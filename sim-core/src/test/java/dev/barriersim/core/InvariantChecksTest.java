package dev.barriersim.core;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.observe.SimulationListener;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The invariant checker watches every run unless the caller leaves it out ({@code bench} only), and
 * leaving it out changes nothing the run produces.
 */
class InvariantChecksTest {
  @Test
  void everyWayToMakeOutputsKeepsTheCheckerUntilToldOtherwise() {
    StringWriter w = new StringWriter();
    for (RunOutputs o : List.of(new RunOutputs(w, w, List.of()), new RunOutputs(null, null, List.of(), false),
        RunOutputs.none(), RunOutputs.bare(), RunOutputs.none().withEventLog(w).withTaskTimeline(w)
            .withWriterThreads(false).withListener(new SimulationListener() { }))) {
      assertTrue(o.invariantChecks(), o.toString());
    }
    RunOutputs off = RunOutputs.bare().withInvariantChecks(false);
    assertFalse(off.invariantChecks());
    assertFalse(off.withWriterThreads(false).withListener(new SimulationListener() { }).invariantChecks(), "the withers keep it off");
  }

  @Test
  void aRunWithoutTheCheckerGivesTheSameResultAndBytes() {
    SimulationSpec s = spec().seed(11).executors(3, 4).job("gang", barrier("fit", 8, new long[] {300, 200}))
        .job("etl", stage("scan", 60, 300), stage("agg", 6, 200, "scan")).build();
    StringWriter events = new StringWriter();
    StringWriter tasks = new StringWriter();
    RunResult checked = Simulations.run(s, new RunOutputs(events, tasks, List.of()));
    StringWriter events2 = new StringWriter();
    StringWriter tasks2 = new StringWriter();
    RunResult unchecked = Simulations.run(s, new RunOutputs(events2, tasks2, List.of()).withInvariantChecks(false));
    assertEquals(checked, unchecked);
    assertEquals(events.toString(), events2.toString());
    assertEquals(tasks.toString(), tasks2.toString());
  }
}
