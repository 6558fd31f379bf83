package dev.barriersim.core.observe;

import dev.barriersim.core.event.EventFields;
import dev.barriersim.core.event.HeldResources;
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
      String executor, String host, HeldResources resources) {
    begin(t, "TaskLaunched");
    str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("partition", partition)
        .num("attempt", attempt).num("taskId", taskId).str("executor", executor).str("host", host)
        .str("resources", resources == null ? null : resources.formatAddresses());
    end();
  }

  /** The fields of {@link SimEvent.TaskEnded#fields}. */
  @Override
  public void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
      long[] barrierWaits) {
    begin(t, "TaskEnded");
    str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("partition", partition)
        .num("attempt", attempt).num("taskId", taskId).str("executor", executor).str("status", status.name())
        .str("reason", reason);
    end();
  }

  /** The fields of {@link SimEvent.BarrierRoundSkipped#fields}. */
  @Override
  public void barrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free,
      boolean fullRound) {
    begin(t, "BarrierRoundSkipped");
    str("job", job).str("stage", stage).num("stageAttempt", stageAttempt).num("needed", needed).num("free", free)
        .bool("fullRound", fullRound);
    end();
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
