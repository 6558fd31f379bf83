package dev.barriersim.scenario.sparklog;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import com.ning.compress.lzf.LZFOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4BlockOutputStream;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;
import org.xerial.snappy.SnappyOutputStream;

/**
 * Writes event logs as Spark 3.5/4.x's codecs do ({@code CompressionCodec}), with the very
 * libraries Spark uses: lz4-java's block stream (32 KiB blocks, xxHash32 seed 0x9747b28c, sync
 * flush), snappy-java's stream, zstd-jni, compress-lzf (finish block on flush); lines written
 * through a PrintWriter and flushed every few events, as Spark's EventLogFileWriter does.
 */
final class CompressedLogs {
  private CompressedLogs() {}

  static OutputStream compress(String codec, OutputStream out) throws IOException {
    return switch (codec) {
      case "lz4" -> new LZ4BlockOutputStream(out, 32 * 1024, LZ4Factory.fastestInstance().fastCompressor(),
          XXHashFactory.fastestInstance().newStreamingHash32(0x9747b28c).asChecksum(), true);
      case "snappy" -> new SnappyOutputStream(out, 32 * 1024);
      case "zstd" -> new BufferedOutputStream(new ZstdOutputStreamNoFinalizer(out, RecyclingBufferPool.INSTANCE).setLevel(1),
          32 * 1024);
      case "lzf" -> new LZFOutputStream(out).setFinishBlockOnFlush(true);
      case "gzip" -> new GZIPOutputStream(out);
      case "plain" -> out;
      default -> throw new IllegalArgumentException(codec);
    };
  }

  /** Writes {@code lines} to {@code target} with {@code codec}, flushing every {@code flushEvery} lines. */
  static void write(List<String> lines, String codec, Path target, int flushEvery) throws IOException {
    try (OutputStream file = Files.newOutputStream(target);
        PrintWriter w = new PrintWriter(new OutputStreamWriter(new BufferedOutputStream(compress(codec, file), 100 * 1024),
            StandardCharsets.UTF_8))) {
      for (int i = 0; i < lines.size(); i++) {
        w.print(lines.get(i));
        w.print('\n');
        if ((i + 1) % flushEvery == 0) w.flush();
      }
    }
  }
}
