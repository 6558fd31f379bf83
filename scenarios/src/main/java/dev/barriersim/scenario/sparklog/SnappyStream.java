package dev.barriersim.scenario.sparklog;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads snappy-java's stream format ({@code SnappyOutputStream}), which Spark's {@code snappy}
 * codec writes: a 16-byte header (magic {@code 0x82 "SNAPPY" 0}, version, compatible version),
 * then chunks of a big-endian length and a raw Snappy block; a header may reappear where streams
 * were concatenated. Decoding is aircompressor's pure-Java Snappy.
 */
final class SnappyStream extends BlockInputStream {
  static final byte[] MAGIC = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};
  private static final int HEADER = 16;

  private final byte[] header = new byte[HEADER];
  private final SnappyDecompressor decompressor = new SnappyDecompressor();
  private byte[] compressed = new byte[0];
  private boolean headerRead;

  SnappyStream(InputStream in) {
    super(in);
  }

  @Override
  protected boolean nextBlock() throws IOException {
    while (true) {
      if (!headerRead) {
        if (!readFully(header, HEADER, false, "the Snappy stream header")) return false;
        checkMagic(header);
        headerRead = true;
      }
      byte[] len = new byte[4];
      if (!readFully(len, 4, true, "a Snappy chunk length")) return false;
      if (Arrays.equals(len, 0, 4, MAGIC, 0, 4)) { // a concatenated stream: its header again
        System.arraycopy(len, 0, header, 0, 4);
        readFully(new byte[HEADER - 4], HEADER - 4, false, "a Snappy stream header");
        continue;
      }
      int n = (len[0] & 0xFF) << 24 | (len[1] & 0xFF) << 16 | (len[2] & 0xFF) << 8 | (len[3] & 0xFF);
      if (n < 0 || n > MAX_BLOCK) throw new CorruptLogException("a Snappy chunk length is invalid (" + n + ")");
      compressed = ensure(compressed, n);
      readFully(compressed, n, false, "a Snappy chunk");
      try {
        int length = SnappyDecompressor.getUncompressedLength(compressed, 0);
        if (length < 0 || length > MAX_BLOCK) throw new CorruptLogException("a Snappy chunk is too large (" + length + ")");
        block = ensure(block, length);
        blockLength = decompressor.decompress(compressed, 0, n, block, 0, length);
      } catch (MalformedInputException | IndexOutOfBoundsException e) {
        throw new CorruptLogException("a Snappy chunk does not decompress (" + e.getMessage() + ")");
      }
      if (blockLength > 0) return true;
    }
  }

  private static void checkMagic(byte[] header) throws CorruptLogException {
    if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new CorruptLogException("the Snappy stream header is invalid");
    }
  }
}
