package dev.barriersim.scenario.sparklog;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream of independently decoded blocks: subclasses decode the next block into {@link #block},
 * this class hands its bytes out. Lets each of Spark's block formats be a small decoder.
 */
abstract class BlockInputStream extends InputStream {
  /** The largest block accepted: lz4-java's largest block size (32 MiB); more is corrupt or hostile. */
  static final int MAX_BLOCK = 1 << 25;

  protected final InputStream in;
  protected byte[] block = new byte[0];
  protected int blockLength;
  private int pos;
  private boolean done;

  BlockInputStream(InputStream in) {
    this.in = in;
  }

  /** Decodes the next block into {@link #block} / {@link #blockLength}; false at the end of the stream. */
  protected abstract boolean nextBlock() throws IOException;

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    while (pos >= blockLength) {
      if (done || !nextBlock()) {
        done = true;
        return -1;
      }
      pos = 0;
    }
    int n = Math.min(len, blockLength - pos);
    System.arraycopy(block, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** A buffer of at least {@code n} bytes, reusing {@code old} when it is large enough. */
  static byte[] ensure(byte[] old, int n) {
    return old.length >= n ? old : new byte[Math.max(n, Math.min(MAX_BLOCK, old.length * 2))];
  }

  /**
   * Reads exactly {@code n} bytes; at a clean end (no byte read) returns false when {@code
   * endAllowed}, otherwise throws: the stream was cut.
   */
  protected boolean readFully(byte[] b, int n, boolean endAllowed, String what) throws IOException {
    int got = in.readNBytes(b, 0, n);
    if (got == 0 && endAllowed) return false;
    if (got < n) throw new CorruptLogException("the compressed stream ends in the middle of " + what);
    return true;
  }

  /** Corrupt compressed data: the message says what was wrong. */
  static final class CorruptLogException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptLogException(String message) {
      super(message);
    }
  }
}
