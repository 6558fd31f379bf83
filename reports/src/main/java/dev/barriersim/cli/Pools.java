package dev.barriersim.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The fixed thread pool the runs share; each run stays on one thread. */
final class Pools {
  private Pools() {}

  /** The default {@code --parallelism}. */
  static int defaultParallelism() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** {@code n} daemon threads named {@code barriersim-run-<i>}. */
  static ExecutorService fixed(int n) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "barriersim-run-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }
}
