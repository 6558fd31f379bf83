package dev.barriersim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.barriersim.report.output.Outputs;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run writes its files on threads of its own only when the pool leaves a processor free for
 * them: one run at a time on a machine of several processors, not a pool as wide as the machine.
 */
class WriterThreadsTest {
  @TempDir Path tmp;

  @Test
  void aPoolAsWideAsTheMachineWritesOnTheRunsThreads() {
    int processors = Runtime.getRuntime().availableProcessors();
    assertFalse(ScenarioRunner.coresToSpare(processors));
    assertFalse(ScenarioRunner.coresToSpare(processors + 1));
    assertEquals(processors > 1, ScenarioRunner.coresToSpare(1));
  }

  @Test
  void theRunnerHandsItsChoiceToTheEngineOfEveryWrittenRun() throws Exception {
    int processors = Runtime.getRuntime().availableProcessors();
    for (int parallelism : new int[] {1, processors}) {
      Set<Boolean> seen = ConcurrentHashMap.newKeySet();
      FakeEngine fake = FakeEngine.ok();
      Engine recording = (spec, outputs) -> {
        if (outputs.eventLog() != null) seen.add(outputs.writerThreads());
        return fake.run(spec, outputs);
      };
      ExecutorService pool = Executors.newFixedThreadPool(parallelism);
      try {
        RunPlan plan = new RunPlan(FakeEngine.spec("demo", 42, true), List.of(Mode.BARRIER, Mode.NON_BARRIER), 2);
        new ScenarioRunner(recording, pool, Outputs.withoutCharts()).forParallelism(parallelism)
            .start(plan, tmp.resolve("p" + parallelism)).finish();
      } finally {
        pool.shutdownNow();
      }
      assertEquals(Set.of(ScenarioRunner.coresToSpare(parallelism)), seen, "parallelism " + parallelism);
    }
  }
}
