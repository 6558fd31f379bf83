package dev.barriersim.scenario.sparklog;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * How an event log file is stored, told from its first bytes rather than its name (a renamed
 * file still reads): Spark's four codecs ({@code spark.eventLog.compression.codec}: zstd, the
 * default since Spark 3.0, lz4, snappy, lzf), gzip (archived logs), or plain JSON lines.
 */
enum LogCodec {
  PLAIN("plain JSON lines"),
  ZSTD("zstd"),
  LZ4("lz4 (lz4-java block stream)"),
  SNAPPY("snappy (snappy-java stream)"),
  LZF("lzf"),
  GZIP("gzip");

  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
  private final String label;

  LogCodec(String label) {
    this.label = label;
  }

  /** What messages and comments call it. */
  String label() {
    return label;
  }

  /** The codec whose magic bytes start {@code head} ({@code n} bytes valid); PLAIN otherwise. */
  static LogCodec sniff(byte[] head, int n) {
    if (startsWith(head, n, ZSTD_MAGIC)) return ZSTD;
    if (startsWith(head, n, Lz4BlockStream.MAGIC)) return LZ4;
    if (startsWith(head, n, SnappyStream.MAGIC)) return SNAPPY;
    if (n >= 3 && head[0] == 'Z' && head[1] == 'V' && (head[2] == 0 || head[2] == 1)) return LZF;
    if (n >= 2 && head[0] == 0x1F && head[1] == (byte) 0x8B) return GZIP;
    return PLAIN;
  }

  /** The decompressed bytes of {@code raw}, which must support mark/reset. */
  InputStream open(InputStream raw) throws IOException {
    return switch (this) {
      case PLAIN -> raw;
      case ZSTD -> new BufferedInputStream(new ZstdInputStream(raw), 1 << 16);
      case LZ4 -> new Lz4BlockStream(raw);
      case SNAPPY -> new SnappyStream(raw);
      case LZF -> new LzfStream(raw);
      case GZIP -> new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
    };
  }

  private static boolean startsWith(byte[] head, int n, byte[] magic) {
    return n >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }
}
