package dev.barriersim.core.observe;

import java.io.Flushable;
import java.util.concurrent.locks.LockSupport;

/**
 * One reader of a {@link BackgroundSinks} ring: a thread that replays the published records, in
 * order, on one sink, and tells the producer how far it got. It ends at the run's end record, on
 * its sink's first exception (handed to the producer), or once a closing producer's last records
 * are replayed (then the sink's collected lines are flushed, as a run that fails in one thread
 * leaves them).
 */
final class SinkThread implements Runnable {
  /** Records replayed between two reports of progress: the producer waits for room in steps this size. */
  private static final int REPORT_EVERY = 1024;
  private static final int SPINS = 64;
  /** A safety net only: the producer wakes a waiting reader. */
  private static final long PARK_NANOS = 10_000_000;

  private final BackgroundSinks owner;
  private final EventRecords records;
  private final FrequentEventSink sink;
  private final ReplaysRecords replayer;
  private final Thread thread;
  /** Records replayed: the producer may overwrite every slot below this one. */
  private volatile long consumed;
  /** True while this thread is about to park for want of records. */
  private volatile boolean waiting;

  SinkThread(BackgroundSinks owner, EventRecords records, FrequentEventSink sink) {
    this.owner = owner;
    this.records = records;
    this.sink = sink;
    this.replayer = sink instanceof ReplaysRecords r ? r : (rs, from, to) -> rs.replay(from, to, sink);
    this.thread = new Thread(this, "barriersim-" + sink.getClass().getSimpleName());
    thread.setDaemon(true); // a bug that strands it must not keep the JVM alive
  }

  void start() {
    thread.start();
  }

  long consumed() {
    return consumed;
  }

  /** Wakes the thread if it waits for records. */
  void wake() {
    if (waiting) LockSupport.unpark(thread);
  }

  /** Wakes the thread whether or not it said it waits (closing). */
  void wakeAlways() {
    LockSupport.unpark(thread);
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  /** Waits until the thread ended; an interrupt is kept for the caller but does not cut the wait short. */
  void join() {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  @Override
  public void run() {
    long next = 0;
    try {
      while (true) {
        long available = owner.published();
        if (available == next) {
          available = awaitRecords(next);
          if (available < 0) {
            if (sink instanceof Flushable f) f.flush();
            return;
          }
        }
        while (next < available) {
          long stop = Math.min(available, next + REPORT_EVERY);
          boolean ended = replayer.replay(records, next, stop);
          next = stop; // the run's end is the last record there is
          consumed = next;
          if (ended) return;
          owner.readerAdvanced(next);
        }
      }
    } catch (Throwable e) {
      owner.failed(e);
    }
  }

  /** The published count once it passes {@code next}, or -1 when the producer closed and nothing is left. */
  private long awaitRecords(long next) {
    for (int spins = 0; ; spins++) {
      boolean closing = owner.closing(); // read before published: a closing producer published its last records first
      long available = owner.published();
      if (available != next) return available;
      if (closing) return -1;
      if (spins < SPINS) {
        Thread.onSpinWait();
        continue;
      }
      waiting = true;
      if (owner.published() == next && !owner.closing()) LockSupport.parkNanos(this, PARK_NANOS);
      waiting = false;
      Thread.interrupted(); // nobody interrupts this thread on purpose; a stray interrupt must not make it spin
    }
  }
}
