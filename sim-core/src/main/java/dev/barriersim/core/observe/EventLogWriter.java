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
public final class EventLogWriter implements FrequentEventSink, EventFields {
  private final Writer out;
  private final MessageDigest sha;
  private final ByteLine line = new ByteLine();
  /** JSON literals of the names that recur on every task line. */
  private final EncodedStrings names = new EncodedStrings((s, into) -> into.json(s));
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

  /** The fields of {@link SimEvent.TaskLaunched#fields}. */
  @Override
  public void taskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, HeldResources resources, TaskLocality locality) {
    begin(t, LAUNCHED);
    name(JOB, job).name(STAGE, stage);
    line.bytes(STAGE_ATTEMPT).num(stageAttempt).bytes(PARTITION).num(partition).bytes(ATTEMPT).num(attempt)
        .bytes(TASK_ID).num(taskId);
    name(EXECUTOR, executor).name(HOST, host);
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
    name(JOB, job).name(STAGE, stage);
    line.bytes(STAGE_ATTEMPT).num(stageAttempt).bytes(PARTITION).num(partition).bytes(ATTEMPT).num(attempt)
        .bytes(TASK_ID).num(taskId);
    name(EXECUTOR, executor);
    str("status", status.name()).str("reason", reason);
    end();
  }

  /** The fields of {@link SimEvent.BarrierRoundSkipped#fields}. */
  @Override
  public void barrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free,
      boolean fullRound) {
    begin(t, SKIPPED);
    name(JOB, job).name(STAGE, stage);
    num("stageAttempt", stageAttempt).num("needed", needed).num("free", free).bool("fullRound", fullRound);
    end();
  }

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

  /** A text field that recurs, as {@link #str} writes it. */
  private EventLogWriter name(byte[] field, String value) {
    if (value == null) return this;
    line.bytes(field);
    names.append(value, line);
    return this;
  }

  private void begin(long t, byte[] type) {
    line.clear();
    line.ascii("{\"t\":").num(t).bytes(type);
  }

  private void begin(long t, String type) {
    line.clear();
    line.ascii("{\"t\":").num(t).ascii(",\"type\":\"").ascii(type).ch('"');
  }

  private void end() {
    line.ascii("}\n");
    count++;
    line.digestInto(sha);
    line.writeTo(out);
  }

  /** Number of events written. */
  public long count() {
    return count;
  }

  /** SHA-256 hex of all bytes so far. */
  public String digestHex() {
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
