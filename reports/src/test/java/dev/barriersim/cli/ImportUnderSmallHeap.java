package dev.barriersim.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import picocli.CommandLine;

/** Child-JVM entry of the scale test: runs the command line, then prints its wall time and the heap's peak use. */
public final class ImportUnderSmallHeap {
  private ImportUnderSmallHeap() {}

  /** Runs {@code args} as the barriersim command line and reports {@code wallMs=... peakHeapMb=...}. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    int code = new CommandLine(new Main()).execute(args);
    long wallMs = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    System.out.println("exit=" + code + " wallMs=" + wallMs + " peakHeapMb=" + peak / (1024 * 1024)
        + " maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    System.exit(code);
  }
}
