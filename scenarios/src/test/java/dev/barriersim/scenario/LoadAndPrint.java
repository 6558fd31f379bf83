package dev.barriersim.scenario;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A child-JVM entry point for {@link SmallHeapTest}: loads one scenario file the way the commands
 * do and prints "ok" or each problem on stdout, one per line; then, on stderr, how long the load
 * took and the most heap seen in use while it ran.
 */
public final class LoadAndPrint {
  private LoadAndPrint() {}

  /** {@code LoadAndPrint FILE}. */
  public static void main(String[] args) throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    long t0 = System.nanoTime();
    try {
      Scenario s = ScenarioLoader.load(Path.of(args[0]));
      System.out.println("ok");
      s.warnings().forEach(System.out::println);
    } catch (ScenarioException e) {
      e.problems().forEach(System.out::println);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    sampler.interrupt();
    sampler.join();
    System.err.printf(Locale.ROOT, "loadMs=%d peakHeapMb=%d%n", ms, peak.get() >> 20);
  }
}
