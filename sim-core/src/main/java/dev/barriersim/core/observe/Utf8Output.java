package dev.barriersim.core.observe;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Writer} of UTF-8 onto a byte stream that also takes bytes already encoded: the event log
 * and task timeline writers format their lines as UTF-8 bytes and hand them over without turning
 * them back into characters. Characters written the usual way are encoded as
 * {@code String.getBytes(UTF_8)} encodes them, with a surrogate pair split across two writes
 * joined again (as an {@code OutputStreamWriter} joins it). Buffering is the stream's business.
 */
public final class Utf8Output extends Writer {
  private final OutputStream out;
  /** A high surrogate that ended the last write: its low half comes with the next one. */
  private char pendingHigh;

  /** Writes to {@code out}, which it closes when closed. */
  public Utf8Output(OutputStream out) {
    this.out = out;
  }

  /** Writes {@code len} bytes of UTF-8 from {@code bytes} at {@code off}. */
  public void writeUtf8(byte[] bytes, int off, int len) throws IOException {
    writeLoneSurrogate();
    out.write(bytes, off, len);
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    write(new String(cbuf, off, len), 0, len);
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    if (len == 0) return;
    String text = s.substring(off, off + len);
    if (pendingHigh != 0) {
      text = pendingHigh + text;
      pendingHigh = 0;
    }
    char last = text.charAt(text.length() - 1);
    if (Character.isHighSurrogate(last)) {
      pendingHigh = last;
      text = text.substring(0, text.length() - 1);
    }
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void write(int c) throws IOException {
    if (c < 0x80 && pendingHigh == 0) {
      out.write(c); // a line end or another ASCII character: no string for one byte
    } else {
      write(String.valueOf((char) c), 0, 1);
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      writeLoneSurrogate();
    } finally {
      out.close();
    }
  }

  /** A high surrogate whose low half never came is written as {@code getBytes} writes it: {@code ?}. */
  private void writeLoneSurrogate() throws IOException {
    if (pendingHigh == 0) return;
    pendingHigh = 0;
    out.write('?');
  }
}
