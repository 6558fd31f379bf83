package dev.barriersim.core.observe;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.event.TaskStatus;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes the formatting, digesting and writing of output sinks off the simulation thread: each
 * event is copied into a bounded ring of records ({@link EventRecords}), and one
 * {@link SinkThread} per sink replays the records on it in exactly the order they came, so every
 * sink sees the calls it would have seen on the simulation thread. The simulation waits when the
 * ring is full. The run's end waits for every sink to finish, so their results (a digest) are
 * complete when {@link #onRunEnd} returns; a sink's exception reaches the simulation thread at the
 * next hand-over or at the end. After any failure, {@link #stop} ends the threads.
 *
 * <p>The sinks must use nothing that the simulation thread touches after handing the event over:
 * the events' values are immutable or handed over for good (a task's barrier waits array).
 */
public final class BackgroundSinks implements FrequentEventSink {
  /** Records in the ring by default: about 1.3 MB. */
  public static final int DEFAULT_CAPACITY = 1 << 14;
  /** Records written between two publications: the readers see the ring advance in steps this size. */
  private static final int PUBLISH_EVERY = 512;
  private static final int SPINS = 64;
  private static final long PARK_NANOS = 1_000_000;

  private final EventRecords records;
  private final SinkThread[] readers;
  private final boolean countsSkippedRounds;
  private final Thread producer = Thread.currentThread();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  /** Records written (producer only). */
  private long tail;
  /** Records that may be written before the readers are asked again how far they got (producer only). */
  private long room;
  private volatile long published;
  private volatile boolean closing;
  private volatile boolean producerWaiting;
  /** While the producer waits: how far every reader must get before it is worth waking it. */
  private volatile long producerWants;
  /** A waiting reader is woken once this many records wait for it, not for every publication. */
  private final int wakeBatch;

  /**
   * Starts one thread per sink, replaying from a ring of {@code capacity} records (a power of two);
   * the calling thread is the one that will run the simulation.
   */
  public BackgroundSinks(List<? extends FrequentEventSink> sinks, int capacity) {
    if (sinks.isEmpty()) throw new IllegalArgumentException("no sink");
    records = new EventRecords(capacity);
    room = capacity;
    wakeBatch = Math.max(1, capacity / 4);
    readers = new SinkThread[sinks.size()];
    boolean counts = true;
    for (int i = 0; i < readers.length; i++) {
      readers[i] = new SinkThread(this, records, sinks.get(i));
      counts &= sinks.get(i).countsSkippedRounds();
    }
    countsSkippedRounds = counts;
    for (SinkThread r : readers) r.start();
  }

  @Override
  public void onEvent(SimEvent e) {
    records.other(claim(), e);
    advance();
  }

  @Override
  public void taskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, HeldResources resources, TaskLocality locality) {
    records.taskLaunched(claim(), t, job, stage, stageAttempt, partition, attempt, taskId, executor, host, resources,
        locality);
    advance();
  }

  @Override
  public void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
      long[] barrierWaits) {
    records.taskEnded(claim(), t, job, stage, stageAttempt, partition, attempt, taskId, executor, host, launchMs,
        status, reason, resources, barrierWaits);
    advance();
  }

  @Override
  public void barrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free,
      boolean fullRound) {
    records.barrierRoundSkipped(claim(), t, job, stage, stageAttempt, needed, free, fullRound);
    advance();
  }

  /** True when every sink takes skipped rounds as a count. */
  @Override
  public boolean countsSkippedRounds() {
    return countsSkippedRounds;
  }

  @Override
  public void barrierRoundsSkipped(long t, long count) {
    records.barrierRoundsSkipped(claim(), t, count);
    advance();
  }

  /** Hands over the end and waits until every sink has taken it; throws a sink's failure. */
  @Override
  public void onRunEnd(long endMs, Outcome outcome) {
    records.runEnd(claim(), endMs, outcome);
    tail++;
    publish(true);
    for (SinkThread r : readers) r.join();
    throwIfFailed();
  }

  /**
   * After {@code primary} stopped the run: lets every sink replay what it was handed, flush and
   * end, and waits for that; a sink's own failure other than {@code primary} is attached to it.
   * Returns at once when the sinks already ended.
   */
  public void stop(Throwable primary) {
    published = tail;
    closing = true;
    for (SinkThread r : readers) r.wakeAlways();
    for (SinkThread r : readers) r.join();
    Throwable f = failure.get();
    if (f != null && f != primary) primary.addSuppressed(f);
  }

  /** True while some sink's thread runs (tests: no thread is left behind). */
  public boolean anyThreadAlive() {
    for (SinkThread r : readers) if (r.isAlive()) return true;
    return false;
  }

  long published() {
    return published;
  }

  boolean closing() {
    return closing;
  }

  /** A reader got to {@code consumed}: wakes the producer if it waits for room this makes. */
  void readerAdvanced(long consumed) {
    if (producerWaiting && consumed >= producerWants) LockSupport.unpark(producer);
  }

  /** A reader's sink threw: the first failure is kept for the producer, which is woken. */
  void failed(Throwable e) {
    failure.compareAndSet(null, e);
    LockSupport.unpark(producer);
  }

  /** The sequence number of the next record, once its slot is free. */
  private long claim() {
    if (tail >= room) awaitRoom();
    return tail;
  }

  private void advance() {
    if ((++tail & (PUBLISH_EVERY - 1)) == 0) publish(false);
  }

  /**
   * Makes the records written so far visible; wakes a waiting reader once a batch waits for it
   * (each wake-up is a system call and a context switch, dear on two shared cores), or at once
   * when {@code urgent} (the producer is about to wait, or the run ends).
   */
  private void publish(boolean urgent) {
    published = tail;
    for (SinkThread r : readers) {
      if (urgent || tail - r.consumed() >= wakeBatch) r.wake();
    }
    throwIfFailed();
  }

  /**
   * Waits until every reader has freed a quarter of the ring (not one slot: a full ring then
   * costs one wake-up per quarter). An interrupt does not stop the run, as it never did; it is
   * kept for the caller.
   */
  private void awaitRoom() {
    publish(true);
    int capacity = records.capacity();
    long wanted = tail - capacity + wakeBatch; // every reader at or past this: wakeBatch (at least one) slots free
    producerWants = wanted;
    boolean interrupted = false;
    for (int spins = 0; ; spins++) {
      long slowest = slowestConsumed();
      if (slowest >= wanted) {
        room = slowest + capacity;
        break;
      }
      throwIfFailed();
      if (spins < SPINS) {
        Thread.onSpinWait();
        continue;
      }
      producerWaiting = true;
      if (slowestConsumed() < wanted && failure.get() == null) LockSupport.parkNanos(this, PARK_NANOS);
      producerWaiting = false;
      if (Thread.interrupted()) interrupted = true;
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  private long slowestConsumed() {
    long min = Long.MAX_VALUE;
    for (SinkThread r : readers) min = Math.min(min, r.consumed());
    return min;
  }

  private void throwIfFailed() {
    Throwable f = failure.get();
    if (f == null) return;
    if (f instanceof RuntimeException e) throw e;
    if (f instanceof Error e) throw e;
    throw new IllegalStateException("an output sink failed", f);
  }
}
