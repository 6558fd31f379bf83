package dev.barriersim.core.observe;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.event.TaskStatus;

/**
 * A fixed ring of event records in columns (primitives, and strings and other immutable values
 * by reference): {@link BackgroundSinks} copies each call of a {@link FrequentEventSink} into the
 * slot it claimed, and {@link SinkThread}s replay the slots, in order, as the same calls: through
 * {@link #replay} for any sink, through their own copy of it for the writers
 * ({@link ReplaysRecords}). The columns are allocated once, so copying an event allocates
 * nothing. Which slot is free to write or ready to read is the callers' business.
 */
final class EventRecords {
  static final byte LAUNCHED = 0;
  static final byte ENDED = 1;
  static final byte SKIPPED = 2;
  static final byte SKIPPED_RUN = 3;
  static final byte OTHER = 4;
  static final byte RUN_END = 5;
  static final TaskLocality[] LOCALITIES = TaskLocality.values();
  static final TaskStatus[] STATUSES = TaskStatus.values();
  static final Outcome[] OUTCOMES = Outcome.values();

  private final int mask;
  final byte[] kind;
  final long[] t;
  /** The task id; for a run of skipped rounds, their count. */
  final long[] taskId;
  final long[] launchMs;
  /** The stage attempt of every kind. */
  final int[] stageAttempt;
  /** The partition; for a skipped round, the slots needed. */
  final int[] partition;
  /** The task attempt; for a skipped round, the free slots. */
  final int[] attempt;
  /** An enum's ordinal: locality (launch), status (end), outcome (run end); for a skipped round, 1 for a full round. */
  final int[] code;
  final String[] job;
  final String[] stage;
  final String[] executor;
  final String[] host;
  final String[] reason;
  final HeldResources[] resources;
  final long[][] barrierWaits;
  /** A rare event's record, passed as it is (records are immutable). */
  final SimEvent[] event;

  /** A ring of {@code capacity} records, a power of two. */
  EventRecords(int capacity) {
    if (capacity < 2 || Integer.bitCount(capacity) != 1) throw new IllegalArgumentException("capacity " + capacity);
    mask = capacity - 1;
    kind = new byte[capacity];
    t = new long[capacity];
    taskId = new long[capacity];
    launchMs = new long[capacity];
    stageAttempt = new int[capacity];
    partition = new int[capacity];
    attempt = new int[capacity];
    code = new int[capacity];
    job = new String[capacity];
    stage = new String[capacity];
    executor = new String[capacity];
    host = new String[capacity];
    reason = new String[capacity];
    resources = new HeldResources[capacity];
    barrierWaits = new long[capacity][];
    event = new SimEvent[capacity];
  }

  /** The slot of record {@code seq}. */
  int index(long seq) {
    return (int) seq & mask;
  }

  /** The number of records the ring holds. */
  int capacity() {
    return mask + 1;
  }

  /** Record {@code seq} is a {@code TaskLaunched}. */
  void taskLaunched(long seq, long t, String job, String stage, int stageAttempt, int partition, int attempt,
      long taskId, String executor, String host, HeldResources resources, TaskLocality locality) {
    int i = (int) seq & mask;
    kind[i] = LAUNCHED;
    task(i, t, job, stage, stageAttempt, partition, attempt, taskId, executor, host);
    this.resources[i] = resources;
    code[i] = locality.ordinal();
  }

  /** Record {@code seq} is a {@code TaskEnded}. */
  void taskEnded(long seq, long t, String job, String stage, int stageAttempt, int partition, int attempt,
      long taskId, String executor, String host, long launchMs, TaskStatus status, String reason,
      HeldResources resources, long[] barrierWaits) {
    int i = (int) seq & mask;
    kind[i] = ENDED;
    task(i, t, job, stage, stageAttempt, partition, attempt, taskId, executor, host);
    this.launchMs[i] = launchMs;
    code[i] = status.ordinal();
    this.reason[i] = reason;
    this.resources[i] = resources;
    this.barrierWaits[i] = barrierWaits;
  }

  private void task(int i, long t, String job, String stage, int stageAttempt, int partition, int attempt,
      long taskId, String executor, String host) {
    this.t[i] = t;
    this.job[i] = job;
    this.stage[i] = stage;
    this.stageAttempt[i] = stageAttempt;
    this.partition[i] = partition;
    this.attempt[i] = attempt;
    this.taskId[i] = taskId;
    this.executor[i] = executor;
    this.host[i] = host;
  }

  /** Record {@code seq} is a {@code BarrierRoundSkipped}. */
  void barrierRoundSkipped(long seq, long t, String job, String stage, int stageAttempt, int needed, int free,
      boolean fullRound) {
    int i = (int) seq & mask;
    kind[i] = SKIPPED;
    this.t[i] = t;
    this.job[i] = job;
    this.stage[i] = stage;
    this.stageAttempt[i] = stageAttempt;
    partition[i] = needed;
    attempt[i] = free;
    code[i] = fullRound ? 1 : 0;
  }

  /** Record {@code seq} is a run of {@code count} skipped rounds at {@code t}. */
  void barrierRoundsSkipped(long seq, long t, long count) {
    int i = (int) seq & mask;
    kind[i] = SKIPPED_RUN;
    this.t[i] = t;
    taskId[i] = count;
  }

  /** Record {@code seq} is any other event. */
  void other(long seq, SimEvent e) {
    int i = (int) seq & mask;
    kind[i] = OTHER;
    event[i] = e;
  }

  /** Record {@code seq} is the end of the run. */
  void runEnd(long seq, long endMs, Outcome outcome) {
    int i = (int) seq & mask;
    kind[i] = RUN_END;
    t[i] = endMs;
    code[i] = outcome.ordinal();
  }

  /** Replays records {@code from} (inclusive) to {@code to} on {@code sink}; true when the last one was the run's end. */
  boolean replay(long from, long to, FrequentEventSink sink) {
    for (long seq = from; seq < to; seq++) {
      if (!replay(seq, sink)) return true;
    }
    return false;
  }

  /** Makes record {@code seq} the call it holds on {@code sink}; false when it was the run's end. */
  boolean replay(long seq, FrequentEventSink sink) {
    int i = (int) seq & mask;
    switch (kind[i]) {
      case LAUNCHED -> sink.taskLaunched(t[i], job[i], stage[i], stageAttempt[i], partition[i], attempt[i], taskId[i],
          executor[i], host[i], resources[i], LOCALITIES[code[i]]);
      case ENDED -> sink.taskEnded(t[i], job[i], stage[i], stageAttempt[i], partition[i], attempt[i], taskId[i],
          executor[i], host[i], launchMs[i], STATUSES[code[i]], reason[i], resources[i], barrierWaits[i]);
      case SKIPPED -> sink.barrierRoundSkipped(t[i], job[i], stage[i], stageAttempt[i], partition[i], attempt[i],
          code[i] == 1);
      case SKIPPED_RUN -> sink.barrierRoundsSkipped(t[i], taskId[i]);
      case OTHER -> sink.onEvent(event[i]);
      case RUN_END -> {
        sink.onRunEnd(t[i], OUTCOMES[code[i]]);
        return false;
      }
      default -> throw new IllegalStateException("record kind " + kind[i]);
    }
    return true;
  }
}
