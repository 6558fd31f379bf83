package dev.barriersim.report.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(w * h / 4);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
      byte[] previous = new byte[w * 3];
      byte[] raw = new byte[w * 3];
      byte[] row = new byte[1 + w * 3];
      int[] argb = new int[w];
      for (int y = 0; y < h; y++) {
        pixels(image, y, argb);
        for (int x = 0; x < w; x++) {
          int p = argb[x];
          raw[3 * x] = (byte) (p >> 16);
          raw[3 * x + 1] = (byte) (p >> 8);
          raw[3 * x + 2] = (byte) p;
        }
        row[0] = FILTER_UP;
        for (int i = 0; i < raw.length; i++) row[i + 1] = (byte) (raw[i] - previous[i]);
        z.write(row);
        byte[] t = previous;
        previous = raw;
        raw = t;
      }
    } finally {
      deflater.end();
    }
    chunk(d, "IDAT", compressed.toByteArray());
    chunk(d, "IEND", new byte[0]);
    d.flush();
  }

  private static void pixels(BufferedImage image, int y, int[] into) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB) {
      int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
      System.arraycopy(data, y * image.getWidth(), into, 0, image.getWidth());
    } else {
      image.getRGB(0, y, image.getWidth(), 1, into, 0, image.getWidth());
    }
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
