package dev.barriersim.core.observe;

import dev.barriersim.core.event.EventFields;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskStatus;
import java.io.Writer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams {@code events.jsonl}: one JSON object per event, {@code t} and {@code type} first, then
 * the event's fields, {@code \n} line ends. The SHA-256 of the bytes is kept whether or not a
 * writer is given, so every run has a digest. Lines are built as UTF-8 bytes ({@link ByteLine});
 * the frequent events come as values ({@link FrequentEventSink}) and are written with the fields,
 * in the order, their records give.
 */
public final class EventLogWriter implements FrequentEventSink, EventFields, java.io.Flushable, ReplaysRecords {
  private final Writer out;
  private final MessageDigest sha;
  /** Whole lines not yet digested and written: digested and written a chunk at a time. */
  private final ByteLine line = new ByteLine();
  /** Each recurring name field ({@code ,"job":"etl"}) as one cached copy: a JSON literal after the field's name. */
  private final EncodedStrings jobs = names(JOB);
  private final EncodedStrings stages = names(STAGE);
  private final EncodedStrings executors = names(EXECUTOR);
  private final EncodedStrings hosts = names(HOST);
  private long count;

  /** Writes to {@code out}, or only digests when it is {@code null}. */
  public EventLogWriter(Writer out) {
    this.out = out;
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public void onEvent(SimEvent e) {
    begin(e.t(), e.type());
    e.fields(this);
    end();
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

  /** The fields of {@link SimEvent.TaskLaunched#fields}. */
  @Override
  public void taskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, HeldResources resources, TaskLocality locality) {
    begin(t, LAUNCHED);
    name(jobs, job).name(stages, stage);
    line.bytes(STAGE_ATTEMPT).num(stageAttempt).bytes(PARTITION).num(partition).bytes(ATTEMPT).num(attempt)
        .bytes(TASK_ID).num(taskId);
    name(executors, executor).name(hosts, host);
    str("resources", resources == null ? null : resources.formatAddresses());
    line.bytes(LOCALITY[locality.ordinal()]);
    end();
  }

  /** The fields of {@link SimEvent.TaskEnded#fields}. */
  @Override
  public void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
      long[] barrierWaits) {
    begin(t, ENDED);
    name(jobs, job).name(stages, stage);
    line.bytes(STAGE_ATTEMPT).num(stageAttempt).bytes(PARTITION).num(partition).bytes(ATTEMPT).num(attempt)
        .bytes(TASK_ID).num(taskId);
    name(executors, executor);
    str("status", status.name()).str("reason", reason);
    end();
  }

  /** The fields of {@link SimEvent.BarrierRoundSkipped#fields}. */
  @Override
  public void barrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free,
      boolean fullRound) {
    begin(t, SKIPPED);
    name(jobs, job).name(stages, stage);
    num("stageAttempt", stageAttempt).num("needed", needed).num("free", free).bool("fullRound", fullRound);
    end();
  }

  /** Lines collect up to about this many bytes before they are digested and written. */
  private static final int CHUNK = 1 << 16; // as large as bench's and most streams' buffers, which then pass it on uncopied
  private static final byte[] LINE_START = ascii("{\"t\":");
  private static final byte[] LINE_END = ascii("}\n");
  private static final byte[] LAUNCHED = ascii(",\"type\":\"TaskLaunched\"");
  private static final byte[] ENDED = ascii(",\"type\":\"TaskEnded\"");
  private static final byte[] SKIPPED = ascii(",\"type\":\"BarrierRoundSkipped\"");
  private static final byte[] JOB = ascii(",\"job\":");
  private static final byte[] STAGE = ascii(",\"stage\":");
  private static final byte[] STAGE_ATTEMPT = ascii(",\"stageAttempt\":");
  private static final byte[] PARTITION = ascii(",\"partition\":");
  private static final byte[] ATTEMPT = ascii(",\"attempt\":");
  private static final byte[] TASK_ID = ascii(",\"taskId\":");
  private static final byte[] EXECUTOR = ascii(",\"executor\":");
  private static final byte[] HOST = ascii(",\"host\":");
  /** {@code ,"locality":"LEVEL"} per {@link TaskLocality}, in ordinal order. */
  private static final byte[][] LOCALITY = java.util.Arrays.stream(TaskLocality.values())
      .map(l -> ascii(",\"locality\":\"" + l.name() + "\"")).toArray(byte[][]::new);

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static EncodedStrings names(byte[] field) {
    return new EncodedStrings(field, (s, into) -> into.json(s));
  }

  /** A text field that recurs, as {@link #str} writes it. */
  private EventLogWriter name(EncodedStrings field, String value) {
    if (value != null) field.append(value, line);
    return this;
  }

  private void begin(long t, byte[] type) {
    line.bytes(LINE_START).num(t).bytes(type);
  }

  private void begin(long t, String type) {
    line.bytes(LINE_START).num(t).ascii(",\"type\":\"").ascii(type).ch('"');
  }

  private void end() {
    line.bytes(LINE_END);
    count++;
    if (line.length() >= CHUNK) flush();
  }

  /** Digests and writes the lines collected so far; {@link #digestHex} and the end of a run do it too. */
  @Override
  public void flush() {
    if (line.length() == 0) return;
    line.digestInto(sha);
    try {
      line.writeTo(out);
    } finally {
      line.clear(); // written or failed: never digested twice
    }
  }

  /** Writes the last lines once the run stopped. */
  @Override
  public void onRunEnd(long endMs, dev.barriersim.core.Outcome outcome) {
    flush();
  }

  /** Number of events written. */
  public long count() {
    return count;
  }

  /** SHA-256 hex of all bytes so far (it flushes the lines collected). */
  public String digestHex() {
    flush();
    try {
      return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public EventFields str(String name, String value) {
    if (value != null) line.ascii(",\"").text(name).ascii("\":").json(value);
    return this;
  }

  @Override
  public EventFields num(String name, long value) {
    line.ascii(",\"").text(name).ascii("\":").num(value);
    return this;
  }

  @Override
  public EventFields bool(String name, boolean value) {
    line.ascii(",\"").text(name).ascii("\":").bool(value);
    return this;
  }
}
