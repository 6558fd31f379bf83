package dev.barriersim.core;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.withStragglers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.testing.RecordedRun;
import dev.barriersim.core.workload.StageSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Same spec and seed give the same bytes; both arms of a comparison draw the same work. */
class DeterminismTest {

  private static StageSpec exponential(String name, int tasks, boolean barrier, String... parents) {
    return new StageSpec(name, tasks, barrier, List.of(parents), null,
        List.of(DurationSpec.of(new Distribution.Continuous(Distribution.Continuous.Kind.EXPONENTIAL, 5_000, 0))), null);
  }

  private static SimulationSpec busyScenario(long seed) {
    return spec().seed(seed).executors(3, 4).mtbf(60_000, 2_000).failureProbability(0.05)
        .repeatedJob("etl", 10, 3_000, exponential("load", 12, false), stage("agg", 3, 800, "load"))
        .job("train", 5_000, "default", exponential("prep", 6, false),
            withStragglers(exponential("fit", 8, true, "prep"), 0.2, 3), stage("eval", 2, 500, "fit"))
        .build();
  }

  @Test
  void sameSeedTwice_givesByteIdenticalOutputs() {
    RecordedRun a = RecordedRun.of(busyScenario(11));
    RecordedRun b = RecordedRun.of(busyScenario(11));
    assertEquals(a.eventLog, b.eventLog);
    assertEquals(a.taskCsv, b.taskCsv);
    assertEquals(a.result, b.result);
  }

  @Test
  void anotherSeed_givesAnotherRun() {
    assertNotEquals(RecordedRun.of(busyScenario(11)).result.digest(), RecordedRun.of(busyScenario(12)).result.digest());
  }

  /** Common random numbers: the successful first attempts of both arms took exactly the same time. */
  @Test
  void barrierAndNonBarrierArmsDrawIdenticalDurations() {
    SimulationSpec barrierArm = spec().seed(5).executors(2, 8)
        .job("j", exponential("map", 12, false), exponential("gang", 8, true, "map"), stage("out", 1, 10, "gang"))
        .build();
    Map<String, Long> a = firstAttemptDurations(RecordedRun.of(barrierArm));
    Map<String, Long> b = firstAttemptDurations(RecordedRun.of(barrierArm.withoutBarrier()));
    assertEquals(21, a.size());
    assertEquals(a, b);
  }

  private static Map<String, Long> firstAttemptDurations(RecordedRun run) {
    Map<String, Long> d = new TreeMap<>();
    for (TaskEnded e : run.all(TaskEnded.class, e -> e.status() == TaskStatus.SUCCESS && e.attempt() == 0)) {
      d.put(e.stage() + "/" + e.partition(), e.t() - e.launchMs());
    }
    return d;
  }
}
