package dev.barriersim.core.observe;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams {@code tasks.csv}: one row per task attempt in launch order. A row is written as soon
 * as it and every attempt launched before it have ended, so memory holds only the attempts
 * between the oldest running one and the newest launch. Attempts still running when the run
 * stops are written last with status RUNNING and an empty {@code endMs}.
 *
 * <p>{@code slot} is the lane the attempt held on its executor, the lowest one free at launch;
 * {@code resources} the custom resource addresses it held ({@code gpu:0 1;fpga:0}); and
 * {@code barrierWaits} its intervals inside {@code barrier()} ({@code 1000-1500 3000-3200}).
 *
 * <p>Task events come as values ({@link FrequentEventSink}); rows wait in a ring in launch order,
 * found by task id (ids grow by one per launch) and written as UTF-8 bytes ({@link ByteLine}); a
 * written row's object is reused by a later launch.
 */
public final class TaskTimelineWriter implements FrequentEventSink, java.io.Flushable, ReplaysRecords {
  /** The CSV header; the contract's columns first. */
  public static final String HEADER =
      "job,stage,stageAttempt,partition,attempt,executor,host,launchMs,endMs,status,reason,taskId,slot,resources,"
          + "barrierWaits\n";

  /** One attempt's row: its launch, and its end once it ended. */
  private static final class Row {
    String job;
    String stage;
    int stageAttempt;
    int partition;
    int attempt;
    long taskId;
    String executor;
    String host;
    /** The lanes of its executor, kept so that its end needs no lookup by name. */
    BitSet lanes;
    long launchMs;
    HeldResources resources;
    int slot;
    boolean ended;
    long endMs;
    TaskStatus status;
    String reason;
    long[] barrierWaits;
  }

  private final Writer out;
  /** Rows not written yet, in launch order: a ring. */
  private Row[] ring = new Row[1024];
  private int head;
  private int size;
  /** Lanes held on each executor: by index for numeric ids, by name otherwise. */
  private final List<BitSet> lanesByIndex = new ArrayList<>();
  private final Map<String, BitSet> lanesByName = new HashMap<>();
  /** Whole rows not yet written: written a chunk at a time. */
  private final ByteLine line = new ByteLine();
  /** CSV fields of the names that recur on every row, those after the first with their comma. */
  private final EncodedStrings jobs = new EncodedStrings(TaskTimelineWriter::csv);
  private final EncodedStrings stages = new EncodedStrings(COMMA, TaskTimelineWriter::csv);
  private final EncodedStrings executors = new EncodedStrings(TaskTimelineWriter::csv);
  private final EncodedStrings hosts = new EncodedStrings(COMMA, TaskTimelineWriter::csv);
  /** Rows collect up to about this many bytes before they are written. */
  private static final int CHUNK = 1 << 16; // as large as bench's and most streams' buffers, which then pass it on uncopied
  private static final byte[] COMMA = {','};

  /** Writes the header to {@code out}. */
  public TaskTimelineWriter(Writer out) {
    this.out = out;
    line.ascii(HEADER);
    flush();
  }

  @Override
  public void onEvent(SimEvent e) {
    acceptAsValues(e); // the other events have no row
  }

  /** {@link EventRecords#replay(long, long, FrequentEventSink)}, with this class's calls only ({@link ReplaysRecords}). */
  @Override
  public boolean replay(EventRecords r, long from, long to) {
    for (long seq = from; seq < to; seq++) {
      int i = r.index(seq);
      switch (r.kind[i]) {
        case EventRecords.LAUNCHED -> taskLaunched(r.t[i], r.job[i], r.stage[i], r.stageAttempt[i], r.partition[i],
            r.attempt[i], r.taskId[i], r.executor[i], r.host[i], r.resources[i], EventRecords.LOCALITIES[r.code[i]]);
        case EventRecords.ENDED -> taskEnded(r.t[i], r.job[i], r.stage[i], r.stageAttempt[i], r.partition[i],
            r.attempt[i], r.taskId[i], r.executor[i], r.host[i], r.launchMs[i], EventRecords.STATUSES[r.code[i]],
            r.reason[i], r.resources[i], r.barrierWaits[i]);
        default -> {
          if (!r.replay(seq, this)) return true;
        }
      }
    }
    return false;
  }

  @Override
  public void taskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, HeldResources resources, TaskLocality locality) {
    BitSet held = lanes(executor);
    int slot = held.nextClearBit(0);
    held.set(slot);
    if (size == ring.length) grow();
    int i = (head + size++) & (ring.length - 1);
    Row r = ring[i];
    if (r == null) ring[i] = r = new Row();
    // A reused row is an old object: a reference field is stored only when it changes, which spares
    // the collector's write barrier for the names that recur from row to row.
    if (r.job != job) r.job = job;
    if (r.stage != stage) r.stage = stage;
    r.stageAttempt = stageAttempt;
    r.partition = partition;
    r.attempt = attempt;
    r.taskId = taskId;
    if (r.executor != executor) r.executor = executor;
    if (r.host != host) r.host = host;
    if (r.lanes != held) r.lanes = held;
    r.launchMs = t;
    if (r.resources != resources) r.resources = resources;
    r.slot = slot;
    r.ended = false;
  }

  @Override
  public void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
      long[] barrierWaits) {
    Row r = find(taskId);
    if (r == null) return;
    r.ended = true;
    r.endMs = t;
    if (r.status != status) r.status = status;
    if (r.reason != reason) r.reason = reason;
    if (r.barrierWaits != barrierWaits) r.barrierWaits = barrierWaits;
    r.lanes.clear(r.slot);
    while (size > 0 && ring[head].ended) writeRow(poll());
    if (line.length() >= CHUNK) flush();
  }

  /** Task rows ignore skipped rounds. */
  @Override
  public boolean countsSkippedRounds() {
    return true;
  }

  @Override
  public void barrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free,
      boolean fullRound) {}

  @Override
  public void barrierRoundsSkipped(long t, long count) {}

  @Override
  public void onRunEnd(long endMs, Outcome outcome) {
    while (size > 0) writeRow(poll());
    flush();
  }

  /** Writes the rows collected so far; the end of a run does it too. */
  @Override
  public void flush() {
    if (line.length() == 0) return;
    try {
      line.writeTo(out);
    } finally {
      line.clear();
    }
  }

  /** The pending row of {@code taskId} that has not ended, or null: by offset from the oldest, else by search. */
  private Row find(long taskId) {
    if (size == 0) return null;
    long offset = taskId - ring[head].taskId;
    if (offset >= 0 && offset < size) {
      Row r = ring[(int) ((head + offset) & (ring.length - 1))];
      if (r.taskId == taskId && !r.ended) return r;
    }
    for (int i = size - 1; i >= 0; i--) { // ids out of launch order: the latest launch with that id, as a map kept it
      Row r = ring[(head + i) & (ring.length - 1)];
      if (r.taskId == taskId) return r.ended ? null : r;
    }
    return null;
  }

  /**
   * Takes the oldest row, to be written at once: its object stays in the ring for a later launch
   * (so that a run in steady state allocates no row).
   */
  private Row poll() {
    Row r = ring[head];
    head = (head + 1) & (ring.length - 1);
    size--;
    return r;
  }

  private void grow() {
    Row[] bigger = new Row[2 * ring.length];
    for (int i = 0; i < size; i++) bigger[i] = ring[(head + i) & (ring.length - 1)];
    ring = bigger;
    head = 0;
  }

  private BitSet lanes(String executor) {
    int i = digits(executor);
    if (i < 0) return lanesByName.computeIfAbsent(executor, x -> new BitSet());
    while (lanesByIndex.size() <= i) lanesByIndex.add(null);
    BitSet b = lanesByIndex.get(i);
    if (b == null) lanesByIndex.set(i, b = new BitSet());
    return b;
  }

  /** The value of an id of one to nine decimal digits, else -1. */
  private static int digits(String id) {
    int n = id.length();
    if (n == 0 || n > 9) return -1;
    int v = 0;
    for (int i = 0; i < n; i++) {
      int d = id.charAt(i) - '0';
      if (d < 0 || d > 9) return -1;
      v = 10 * v + d;
    }
    return v;
  }

  private void writeRow(Row r) {
    jobs.append(r.job, line);
    stages.append(r.stage, line);
    line.ch(',').num(r.stageAttempt).ch(',').num(r.partition).ch(',').num(r.attempt).ch(',');
    executors.append(r.executor, line);
    hosts.append(r.host, line);
    line.ch(',').num(r.launchMs).ch(',');
    if (r.ended) line.num(r.endMs);
    line.ch(',').ascii(r.ended ? r.status.name() : TaskStatus.RUNNING.name()).ch(',');
    csv(!r.ended || r.reason == null ? "" : r.reason, line);
    line.ch(',').num(r.taskId).ch(',').num(r.slot).ch(',');
    if (r.resources != null) line.text(r.resources.formatAddresses());
    line.ch(',');
    if (r.ended) {
      long[] w = r.barrierWaits;
      for (int i = 0; i < w.length; i += 2) {
        if (i > 0) line.ch(' ');
        line.num(w[i]).ch('-').num(w[i + 1]);
      }
    }
    line.ch('\n');
  }

  /** Appends {@code s} as a CSV field: quoted, quotes doubled, when it holds a comma, quote or line break. */
  private static void csv(String s, ByteLine line) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      line.text(s);
      return;
    }
    line.ch('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') line.ch('"');
      if (c < 0x80) {
        line.ch(c);
      } else {
        boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        line.text(s.substring(i, pair ? i + 2 : i + 1));
        if (pair) i++;
      }
    }
    line.ch('"');
  }

}
