package dev.barriersim.cli;

import java.lang.management.ManagementFactory;

/**
 * The CPU time and the heap bytes allocated by the calling thread since {@link #start()}: counters
 * of the simulation loop that, unlike wall time, other processes on the machine barely move (the
 * run is single-threaded and runs on the caller's thread). A counter the JVM does not offer reads -1.
 */
final class LoopCounters {
  private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final long cpuStartNs;
  private final long allocatedStart;

  private LoopCounters(long cpuStartNs, long allocatedStart) {
    this.cpuStartNs = cpuStartNs;
    this.allocatedStart = allocatedStart;
  }

  /** Counters from now on, for the calling thread. */
  static LoopCounters start() {
    return new LoopCounters(cpuNs(), allocated());
  }

  /** CPU time of the calling thread since {@link #start()}, in ms, or -1. */
  long cpuMs() {
    long now = cpuNs();
    return now < 0 || cpuStartNs < 0 ? -1 : (now - cpuStartNs) / 1_000_000;
  }

  /** Heap bytes the calling thread allocated since {@link #start()}, or -1. */
  long allocatedBytes() {
    long now = allocated();
    return now < 0 || allocatedStart < 0 ? -1 : now - allocatedStart;
  }

  private static long cpuNs() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  private static long allocated() {
    if (THREADS instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
      return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return -1;
  }
}
