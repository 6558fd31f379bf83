package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.FakeEngine;
import dev.barriersim.report.Mode;
import dev.barriersim.report.Progress;
import dev.barriersim.report.output.Outputs;
import dev.barriersim.report.sweep.SweepPlan;
import dev.barriersim.report.sweep.SweepResult;
import dev.barriersim.report.sweep.SweepRunner;
import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 10,000-point sweep holds only the points under way: each is reduced to its aggregates when its last run ends. */
class SweepMemoryTest {
  @TempDir Path tmp;

  @Test
  void tenThousandPointsKeepOnlyAFewPointsInFlight() throws Exception {
    Scenario s = ScenarioLoader.load("big.yaml", SweepCommandTest.SWEEP
        .replace("jobs[fit].stages[train].tasks: [2, 4, 8]", "jobs[fit].stages[train].tasks: {from: 1, to: 100, step: 1}")
        .replace("cluster.executors[0].count: [2, 3]", "cluster.executors[0].count: {from: 1, to: 100, step: 1}")
        .replace("replications: 2", "replications: 1"));
    assertEquals(10_000, s.sweep().points());
    AtomicLong runs = new AtomicLong();
    FakeEngine fake = FakeEngine.ok();
    ExecutorService pool = Pools.fixed(2);
    try {
      SweepRunner runner = new SweepRunner((spec, out) -> {
        runs.incrementAndGet();
        return fake.run(spec, out);
      }, pool, 2, Outputs.withoutCharts(), false, Progress.NONE);
      SweepRunner.Pending p = runner.start(new SweepPlan(s, List.of(Mode.BARRIER, Mode.NON_BARRIER), 1, 5, null),
          tmp.resolve("out"));
      SweepResult r = p.finish();
      assertEquals(20_000, runs.get());
      assertEquals(10_000, r.points().size());
      assertTrue(p.pointsInFlightPeak() <= 4, "points held at once: " + p.pointsInFlightPeak());
      assertEquals(1 + 20_000, Files.readAllLines(tmp.resolve("out/sweep.csv")).size());
    } finally {
      pool.shutdownNow();
    }
  }
}
