package dev.barriersim.core.observe;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Writer} of UTF-8 onto a byte stream that also takes bytes already encoded: the event log
 * and task timeline writers format their lines as UTF-8 bytes and hand them over without turning
 * them back into characters. Characters written the usual way are encoded as
 * {@code String.getBytes(UTF_8)} encodes them. Buffering is the stream's business.
 */
public final class Utf8Output extends Writer {
  private final OutputStream out;

  /** Writes to {@code out}, which it closes when closed. */
  public Utf8Output(OutputStream out) {
    this.out = out;
  }

  /** Writes {@code len} bytes of UTF-8 from {@code bytes} at {@code off}. */
  public void writeUtf8(byte[] bytes, int off, int len) throws IOException {
    out.write(bytes, off, len);
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    out.write(new String(cbuf, off, len).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
