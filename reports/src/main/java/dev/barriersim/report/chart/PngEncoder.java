package dev.barriersim.report.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG writer for opaque chart images: 8-bit RGB, the "Up" filter on every row, fast
 * deflate. Charts are mostly flat colour, so this is as small as ImageIO's output and several
 * times faster to write (ImageIO's adaptive filtering dominated the time to render a folder's
 * charts). No timestamps or other metadata: the bytes depend on the pixels alone.
 */
final class PngEncoder {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final int FILTER_UP = 2;

  private PngEncoder() {}

  /** Writes {@code image} (its alpha, if any, is dropped) as PNG to {@code out}. */
  static void write(BufferedImage image, OutputStream out) throws IOException {
    int w = image.getWidth();
    int h = image.getHeight();
    DataOutputStream d = new DataOutputStream(out);
    d.write(SIGNATURE);
    ByteArrayOutputStream header = new ByteArrayOutputStream(13);
    DataOutputStream hd = new DataOutputStream(header);
    hd.writeInt(w);
    hd.writeInt(h);
    hd.writeByte(8); // bits per sample
    hd.writeByte(2); // colour type: RGB
    hd.writeByte(0); // deflate
    hd.writeByte(0); // adaptive filtering with the five basic filters
    hd.writeByte(0); // no interlace
    chunk(d, "IHDR", header.toByteArray());
    chunk(d, "IDAT", pixelData(image, w, h));
    chunk(d, "IEND", new byte[0]);
    d.flush();
  }

  /**
   * The deflated rows. Most of a chart's pixels equal the pixel above them (inside a bar, a band, a
   * margin), which the Up filter turns into zeros: rows are compared with the row above a word at a
   * time and only the differing runs are filtered pixel by pixel (a tenth of the pixels of the
   * catalog's charts), which was most of the time a cold JVM spent encoding.
   */
  private static byte[] pixelData(BufferedImage image, int w, int h) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(w * h / 4);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
      byte[] zeros = new byte[1 + w * 3];
      zeros[0] = FILTER_UP;
      byte[] row = new byte[1 + w * 3];
      row[0] = FILTER_UP;
      int[] previous = new int[w]; // the row above the first one is zero for the Up filter
      int[] current = new int[w];
      int[] data = directPixels(image);
      for (int y = 0; y < h; y++) {
        int[] cur;
        int curOffset;
        if (data != null) {
          cur = data;
          curOffset = y * w;
        } else {
          image.getRGB(0, y, w, 1, current, 0, w);
          cur = current;
          curOffset = 0;
        }
        int[] prev = data != null && y > 0 ? data : previous;
        int prevOffset = data != null && y > 0 ? (y - 1) * w : 0;
        // Only the pixels that differ from the row above are filtered; the rest of the row stays zero.
        int first = -1;
        int last = -1;
        int x = 0;
        while (x < w) {
          int m = Arrays.mismatch(cur, curOffset + x, curOffset + w, prev, prevOffset + x, prevOffset + w);
          if (m < 0) break;
          x += m;
          if (first < 0) first = x;
          x = upFilterRun(cur, curOffset, prev, prevOffset, x, w, row);
          last = x;
        }
        if (first < 0) {
          z.write(zeros);
        } else {
          z.write(row);
          Arrays.fill(row, 1 + 3 * first, 1 + 3 * last, (byte) 0);
        }
        if (data == null) {
          int[] t = previous;
          previous = current;
          current = t;
        }
      }
    } finally {
      deflater.end();
    }
    return compressed.toByteArray();
  }

  /** The image's own pixel array when it is packed RGB, else null. */
  private static int[] directPixels(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_INT_ARGB) return null;
    if (image.getRaster().getParent() != null || image.getRaster().getSampleModelTranslateX() != 0
        || image.getRaster().getSampleModelTranslateY() != 0) {
      return null; // a sub-image: its rows are not laid out back to back
    }
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }

  /**
   * Filters the run of pixels that differ from the row above, from {@code x}: {@code row[1 + 3x..]}
   * gets each RGB byte minus the byte above it. Returns the first pixel after the run.
   */
  private static int upFilterRun(int[] cur, int curFrom, int[] prev, int prevFrom, int x, int w, byte[] row) {
    while (x < w) {
      int p = cur[curFrom + x];
      int q = prev[prevFrom + x];
      if (p == q) break;
      int i = 1 + 3 * x;
      row[i] = (byte) ((p >> 16) - (q >> 16));
      row[i + 1] = (byte) ((p >> 8) - (q >> 8));
      row[i + 2] = (byte) (p - q);
      x++;
    }
    return x;
  }

  private static void chunk(DataOutputStream d, String type, byte[] data) throws IOException {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
