package dev.barriersim.core.observe;

import dev.barriersim.core.event.EventFields;
import dev.barriersim.core.event.SimEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams {@code events.jsonl}: one JSON object per event, {@code t} and {@code type} first, then
 * the event's fields, {@code \n} line ends. The SHA-256 of the bytes is kept whether or not a
 * writer is given, so every run has a digest.
 */
public final class EventLogWriter implements SimulationListener, EventFields {
  private final Writer out;
  private final MessageDigest sha;
  private final StringBuilder line = new StringBuilder(256);
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
    line.setLength(0);
    line.append("{\"t\":").append(e.t()).append(",\"type\":\"").append(e.type()).append('"');
    e.fields(this);
    line.append("}\n");
    count++;
    sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
    if (out != null) {
      try {
        out.append(line);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
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
    if (value != null) {
      line.append(",\"").append(name).append("\":");
      Json.quote(value, line);
    }
    return this;
  }

  @Override
  public EventFields num(String name, long value) {
    line.append(",\"").append(name).append("\":").append(value);
    return this;
  }

  @Override
  public EventFields bool(String name, boolean value) {
    line.append(",\"").append(name).append("\":").append(value);
    return this;
  }
}
