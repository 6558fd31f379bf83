package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Simulations;
import dev.barriersim.report.Engine;
import dev.barriersim.report.Mode;
import dev.barriersim.report.Progress;
import dev.barriersim.report.output.Outputs;
import dev.barriersim.report.sweep.SweepPlan;
import dev.barriersim.report.sweep.SweepRunner;
import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep that is stopped (abort, a failing run, Ctrl-C) leaves no half-written output. */
class SweepInterruptTest {
  @TempDir Path tmp;

  private static Scenario scenario(int replications) throws Exception {
    return ScenarioLoader.load("s.yaml", SweepCommandTest.SWEEP.replace("replications: 2", "replications: " + replications));
  }

  private static SweepPlan plan(Scenario s) {
    return new SweepPlan(s, List.of(Mode.BARRIER, Mode.NON_BARRIER), s.replications(), s.spec().seed(), null);
  }

  private List<String> leftovers() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void abortWhileRunsAreUnderWayLeavesNothing() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Engine slow = (spec, outputs) -> {
      started.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Simulations.run(spec, outputs);
    };
    ExecutorService pool = Pools.fixed(2);
    try {
      SweepRunner runner = new SweepRunner(slow, pool, 2, Outputs.ALL, true, Progress.NONE);
      SweepRunner.Pending p = runner.start(plan(scenario(2)), tmp.resolve("out"));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      assertEquals(1, leftovers().size(), "the temporary folder exists while runs are under way: " + leftovers());
      Thread releaser = new Thread(() -> {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        release.countDown();
      });
      releaser.start();
      p.abort(); // waits for the runs under way, then deletes
      releaser.join();
      assertEquals(List.of(), leftovers());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRunThatFailsMidwayLeavesNothing() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Engine breaking = (spec, outputs) -> {
      if (runs.incrementAndGet() == 7) throw new IllegalStateException("engine broke");
      return Simulations.run(spec, outputs);
    };
    ExecutorService pool = Pools.fixed(2);
    try {
      SweepRunner runner = new SweepRunner(breaking, pool, 2, Outputs.ALL, true, Progress.NONE);
      SweepRunner.Pending p = runner.start(plan(scenario(2)), tmp.resolve("out"));
      IllegalStateException e = assertThrows(IllegalStateException.class, p::finish);
      assertEquals("engine broke", e.getMessage());
      assertEquals(List.of(), leftovers());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Ctrl-C for real: a child JVM gets SIGTERM in the middle of a sweep; its shutdown hook removes the partial folder. */
  @Test
  void terminatingTheProcessLeavesNoPartialFolder() throws Exception {
    Path yaml = tmp.resolve("long.yaml");
    Files.writeString(yaml, SweepCommandTest.SWEEP.replace("replications: 2", "replications: 2000"), StandardCharsets.UTF_8);
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
        Main.class.getName(), "run", yaml.toString(), "--out", work.resolve("out").toString(), "--keep-points",
        "--parallelism", "2", "--quiet")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!partialExists(work) && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
      assertTrue(partialExists(work), "the sweep started writing: " + Files.readString(tmp.resolve("child.log")));
      Thread.sleep(300); // runs are writing point folders now
      assertTrue(child.isAlive(), "the sweep is long enough to be interrupted");
      child.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    try (Stream<Path> s = Files.list(work)) {
      assertEquals(List.of(), s.map(p -> p.getFileName().toString()).toList());
    }
    assertFalse(Files.exists(work.resolve("out")));
  }

  private static boolean partialExists(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith(".out.partial-"));
    }
  }
}
