package dev.barriersim.scenario.sparklog;

/**
 * An event log that cannot be imported: unreadable, not a Spark event log, of an unsupported
 * version, cut short or corrupt. The message is one line, {@code FILE:LINE: what is wrong; what to
 * do}, ready for the user (the line is that of the decompressed log, 1-based).
 */
public final class EventLogException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A problem at {@code line} of {@code file} (line 0: the file as a whole). */
  public EventLogException(String file, long line, String what, String fix) {
    super(file + (line > 0 ? ":" + line : "") + ": " + what + (fix == null || fix.isEmpty() ? "" : "; " + fix));
  }
}
