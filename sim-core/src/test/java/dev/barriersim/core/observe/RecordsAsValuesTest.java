package dev.barriersim.core.observe;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.core.event.SimEvent;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sinks that take frequent events as values ({@link FrequentEventSink}) end in the same state
 * when the same run reaches them as records through {@code onEvent}, as their contract says.
 */
class RecordsAsValuesTest {
  /** Gangs that wait for slots (skipped rounds), a failed task and a rerun, on a small cluster. */
  private static SimulationSpec contended() {
    return spec().seed(11).executors(3, 4)
        .job("etl", stage("map", 30, 700), stage("reduce", 6, 400, "map"))
        .job("train", 500, "default", barrier("fit", 8, 900))
        .job("train2", 900, "default", barrier("fit", 10, 600))
        .fail("etl", "map", 3, 0, 0, 200)
        .build();
  }

  @Test
  void metricsTimelineAndCheckerTakeRecordsAsTheyTakeValues() {
    SimulationSpec spec = contended();
    List<SimEvent> records = new ArrayList<>();
    MetricsCollector metricsFromValues = new MetricsCollector(spec);
    StringWriter timelineFromValues = new StringWriter();
    TaskTimelineWriter timelineSink = new TaskTimelineWriter(timelineFromValues);
    SimulationListener recorder = new SimulationListener() {
      @Override
      public void onEvent(SimEvent e) {
        records.add(e);
      }
    };
    Simulations.run(spec, RunOutputs.none().withListener(recorder).withListener(metricsFromValues)
        .withListener(timelineSink));
    long endMs = records.get(records.size() - 1).t();
    timelineSink.onRunEnd(endMs, Outcome.COMPLETED);
    assertTrue(records.stream().anyMatch(e -> e instanceof SimEvent.BarrierRoundSkipped), "the run skips rounds");

    MetricsCollector metricsFromRecords = new MetricsCollector(spec);
    StringWriter timelineFromRecords = new StringWriter();
    TaskTimelineWriter timelineRecords = new TaskTimelineWriter(timelineFromRecords);
    InvariantChecker checker = new InvariantChecker(spec);
    for (SimEvent e : records) {
      metricsFromRecords.onEvent(e);
      timelineRecords.onEvent(e);
      checker.onEvent(e); // throws on a broken rule: the records are the run's, so none may break
    }
    timelineRecords.onRunEnd(endMs, Outcome.COMPLETED);
    checker.onRunEnd(endMs, Outcome.COMPLETED);

    assertEquals(metricsFromValues.events(), metricsFromRecords.events());
    RunResult fromValues = metricsFromValues.result(Outcome.COMPLETED, endMs, metricsFromValues.events(), "");
    RunResult fromRecords = metricsFromRecords.result(Outcome.COMPLETED, endMs, metricsFromRecords.events(), "");
    assertEquals(fromValues, fromRecords);
    assertEquals(timelineFromValues.toString(), timelineFromRecords.toString());
  }
}
