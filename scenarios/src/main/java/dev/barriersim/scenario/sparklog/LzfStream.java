package dev.barriersim.scenario.sparklog;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the LZF chunk format of compress-lzf ({@code LZFOutputStream}), which Spark's {@code lzf}
 * codec writes: chunks of {@code "ZV"}, a type (0 stored, 1 compressed) and 16-bit lengths, at
 * most 64 KiB each, compressed with LZF.
 */
final class LzfStream extends BlockInputStream {
  private final byte[] header = new byte[7];
  private byte[] compressed = new byte[0];

  LzfStream(InputStream in) {
    super(in);
  }

  @Override
  protected boolean nextBlock() throws IOException {
    while (true) {
      if (!readFully(header, 5, true, "an LZF chunk header")) return false;
      if (header[0] != 'Z' || header[1] != 'V') throw new CorruptLogException("an LZF chunk does not start with 'ZV'");
      int type = header[2];
      int first = u16(header, 3);
      if (type == 0) {
        block = ensure(block, first);
        readFully(block, first, false, "a stored LZF chunk");
        blockLength = first;
      } else if (type == 1) {
        byte[] more = new byte[2];
        readFully(more, 2, false, "an LZF chunk header");
        int length = u16(more, 0);
        compressed = ensure(compressed, first);
        readFully(compressed, first, false, "an LZF chunk");
        block = ensure(block, length);
        decode(compressed, first, block, length);
        blockLength = length;
      } else {
        throw new CorruptLogException("an LZF chunk has an unknown type " + type);
      }
      if (blockLength > 0) return true;
    }
  }

  private static int u16(byte[] b, int i) {
    return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
  }

  /** LZF decompression with every index checked: literal runs and back references. */
  static void decode(byte[] in, int inLength, byte[] out, int outLength) throws CorruptLogException {
    int ip = 0;
    int op = 0;
    while (ip < inLength) {
      int ctrl = in[ip++] & 0xFF;
      if (ctrl < 32) {
        int run = ctrl + 1;
        if (ip + run > inLength || op + run > outLength) throw corrupt();
        System.arraycopy(in, ip, out, op, run);
        ip += run;
        op += run;
      } else {
        int len = ctrl >> 5;
        if (len == 7) {
          if (ip >= inLength) throw corrupt();
          len += in[ip++] & 0xFF;
        }
        if (ip >= inLength) throw corrupt();
        int ref = op - ((ctrl & 0x1F) << 8) - (in[ip++] & 0xFF) - 1;
        len += 2;
        if (ref < 0 || op + len > outLength) throw corrupt();
        for (int k = 0; k < len; k++) out[op++] = out[ref++]; // may overlap: byte by byte
      }
    }
    if (op != outLength) throw corrupt();
  }

  private static CorruptLogException corrupt() {
    return new CorruptLogException("an LZF chunk does not decompress");
  }
}
