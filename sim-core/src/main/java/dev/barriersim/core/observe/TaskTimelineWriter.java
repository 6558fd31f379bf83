package dev.barriersim.core.observe;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskStatus;
import java.io.Writer;
import java.lang.reflect.Array;
import java.util.ArrayList;
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
 * <p>Task events come as values ({@link FrequentEventSink}). A row's first columns, known at its
 * launch, are written at once as UTF-8 bytes ({@link ByteLine}) to a buffer of pending row starts,
 * in launch order; what the end adds waits in flat arrays indexed by the row's place in a ring of
 * pending rows, found by task id (ids grow by one per launch). So a task's end touches one small
 * entry, not an object written long before: with a few hundred thousand rows pending behind a
 * long task, objects per row made the writer miss the cache at every launch and end.
 */
public final class TaskTimelineWriter implements FrequentEventSink, java.io.Flushable, ReplaysRecords {
  /** The CSV header; the contract's columns first. */
  public static final String HEADER =
      "job,stage,stageAttempt,partition,attempt,executor,host,launchMs,endMs,status,reason,taskId,slot,resources,"
          + "barrierWaits\n";

  private static final TaskStatus[] STATUSES = TaskStatus.values();
  /** {@link #ends} of a row that has not ended. */
  private static final long NOT_ENDED = Long.MIN_VALUE;

  private final Writer out;
  /** Rows not written yet, in launch order: a ring of {@link #capacity} places, {@link #size} used from {@link #head}. */
  private int capacity = 1024;
  private int head;
  private int size;
  /** Per place: task id, end (or NOT_ENDED), and slot with status; dense, so that an end touches a few words, not a row object. */
  private long[] ids = new long[capacity];
  private long[] ends = new long[capacity];
  private int[] slotAndStatus = new int[capacity];
  /** Per place: the length of the row's start in {@link #starts}. */
  private int[] startLengths = new int[capacity];
  /** Per place, null for most rows: custom resources held, Spark's reason, intervals inside {@code barrier()}. */
  private HeldResources[] resources = new HeldResources[capacity];
  private String[] reasons = new String[capacity];
  private long[][] barrierWaits = new long[capacity][];
  /** The first columns of the pending rows, in launch order, from {@link #startsRead} on. */
  private final ByteLine starts = new ByteLine();
  private int startsRead;
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
    if (size == capacity) grow();
    int p = (head + size++) & (capacity - 1);
    int before = starts.length();
    jobs.append(job, starts);
    stages.append(stage, starts);
    starts.ch(',').num(stageAttempt).ch(',').num(partition).ch(',').num(attempt).ch(',');
    executors.append(executor, starts);
    hosts.append(host, starts);
    starts.ch(',').num(t).ch(',');
    startLengths[p] = starts.length() - before;
    ids[p] = taskId;
    ends[p] = NOT_ENDED;
    slotAndStatus[p] = slot;
    if (resources != null) this.resources[p] = resources;
  }

  @Override
  public void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
      long[] barrierWaits) {
    int p = find(taskId);
    if (p < 0) return;
    ends[p] = t;
    int slot = slotAndStatus[p];
    slotAndStatus[p] = slot | status.ordinal() << 24;
    if (reason != null) reasons[p] = reason;
    if (barrierWaits.length > 0) this.barrierWaits[p] = barrierWaits;
    lanes(executor).clear(slot);
    while (size > 0 && ends[head] != NOT_ENDED) writeRow(poll());
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

  /** The place of the pending row of {@code taskId} that has not ended, or -1: by offset from the oldest, else by search. */
  private int find(long taskId) {
    if (size == 0) return -1;
    long offset = taskId - ids[head];
    if (offset >= 0 && offset < size) {
      int p = (int) ((head + offset) & (capacity - 1));
      if (ids[p] == taskId && ends[p] == NOT_ENDED) return p;
    }
    for (int i = size - 1; i >= 0; i--) { // ids out of launch order: the latest launch with that id, as a map kept it
      int p = (head + i) & (capacity - 1);
      if (ids[p] == taskId) return ends[p] == NOT_ENDED ? p : -1;
    }
    return -1;
  }

  /** Takes the oldest row's place, to be written at once. */
  private int poll() {
    int p = head;
    head = (head + 1) & (capacity - 1);
    size--;
    return p;
  }

  private void grow() {
    int n = 2 * capacity;
    ids = (long[]) unwrapped(ids, n);
    ends = (long[]) unwrapped(ends, n);
    slotAndStatus = (int[]) unwrapped(slotAndStatus, n);
    startLengths = (int[]) unwrapped(startLengths, n);
    resources = (HeldResources[]) unwrapped(resources, n);
    reasons = (String[]) unwrapped(reasons, n);
    barrierWaits = (long[][]) unwrapped(barrierWaits, n);
    capacity = n;
    head = 0;
  }

  /** A new array of {@code n} places of {@code ring}'s type, with the pending rows' entries first, in order. */
  private Object unwrapped(Object ring, int n) {
    Object out = Array.newInstance(ring.getClass().getComponentType(), n);
    int first = Math.min(size, capacity - head);
    System.arraycopy(ring, head, out, 0, first);
    System.arraycopy(ring, 0, out, first, size - first);
    return out;
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

  /** Writes the row at place {@code p} and clears what the place held beyond its numbers. */
  private void writeRow(int p) {
    int length = startLengths[p];
    line.bytes(starts, startsRead, length);
    startsRead += length;
    if (startsRead >= CHUNK && 2 * startsRead >= starts.length()) {
      starts.dropFirst(startsRead); // copies at most what was read since the last drop: O(1) per byte
      startsRead = 0;
    }
    boolean ended = ends[p] != NOT_ENDED;
    if (ended) line.num(ends[p]);
    line.ch(',').ascii(ended ? STATUSES[slotAndStatus[p] >>> 24].name() : TaskStatus.RUNNING.name()).ch(',');
    String reason = reasons[p]; // set at the end only, like the barrier waits
    if (reason != null) {
      csv(reason, line);
      reasons[p] = null;
    }
    line.ch(',').num(ids[p]).ch(',').num(slotAndStatus[p] & 0xffffff).ch(',');
    HeldResources held = resources[p];
    if (held != null) {
      line.text(held.formatAddresses());
      resources[p] = null;
    }
    line.ch(',');
    long[] w = barrierWaits[p];
    if (w != null) {
      for (int i = 0; i < w.length; i += 2) {
        if (i > 0) line.ch(' ');
        line.num(w[i]).ch('-').num(w[i + 1]);
      }
      barrierWaits[p] = null;
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
