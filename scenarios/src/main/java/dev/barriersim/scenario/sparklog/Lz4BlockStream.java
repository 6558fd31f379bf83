package dev.barriersim.scenario.sparklog;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lz4-java's block stream format ({@code LZ4BlockOutputStream}), which Spark's {@code lz4}
 * codec writes: blocks of {@code "LZ4Block"}, a token, compressed and original lengths and an
 * xxHash32 checksum (seed {@code 0x9747b28c}, low 28 bits), each block raw or LZ4-compressed.
 * Empty blocks end one stream and another may follow, as Spark reads them (concatenation on).
 * Decoding is aircompressor's pure-Java LZ4; every checksum is verified.
 */
final class Lz4BlockStream extends BlockInputStream {
  static final byte[] MAGIC = "LZ4Block".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + 1 + 4 + 4 + 4;
  private static final int SEED = 0x9747b28c;
  private static final int RAW = 0x10;
  private static final int LZ4 = 0x20;

  private final byte[] header = new byte[HEADER];
  private final Lz4Decompressor decompressor = new Lz4Decompressor();
  private byte[] compressed = new byte[0];

  Lz4BlockStream(InputStream in) {
    super(in);
  }

  @Override
  protected boolean nextBlock() throws IOException {
    while (true) {
      if (!readFully(header, HEADER, true, "an LZ4 block header")) return false;
      if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
        throw new CorruptLogException("an LZ4 block does not start with 'LZ4Block'");
      }
      int token = header[8] & 0xFF;
      int method = token & 0xF0;
      int maxSize = 1 << (10 + (token & 0x0F));
      int compressedLength = XxHash32.intLe(header, 9);
      int length = XxHash32.intLe(header, 13);
      int checksum = XxHash32.intLe(header, 17);
      if ((method != RAW && method != LZ4) || length < 0 || length > maxSize || compressedLength < 0
          || compressedLength > MAX_BLOCK || (method == RAW && compressedLength != length)) {
        throw new CorruptLogException("an LZ4 block header is invalid (token " + token + ", lengths "
            + compressedLength + "/" + length + ")");
      }
      if (length == 0) continue; // an empty block ends one stream; Spark reads on (concatenated streams)
      compressed = ensure(compressed, compressedLength);
      readFully(compressed, compressedLength, false, "an LZ4 block");
      block = ensure(block, length);
      if (method == RAW) {
        System.arraycopy(compressed, 0, block, 0, length);
      } else {
        int n;
        try {
          n = decompressor.decompress(compressed, 0, compressedLength, block, 0, length);
        } catch (MalformedInputException | IndexOutOfBoundsException e) {
          throw new CorruptLogException("an LZ4 block does not decompress (" + e.getMessage() + ")");
        }
        if (n != length) throw new CorruptLogException("an LZ4 block decompresses to " + n + " bytes, not " + length);
      }
      if ((XxHash32.hash(block, 0, length, SEED) & 0x0FFFFFFF) != checksum) {
        throw new CorruptLogException("an LZ4 block fails its checksum");
      }
      blockLength = length;
      return true;
    }
  }
}
