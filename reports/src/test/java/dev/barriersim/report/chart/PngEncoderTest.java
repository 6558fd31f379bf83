package dev.barriersim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@link PngEncoder}'s files, decoded by ImageIO, hold the pixels they were written from. */
class PngEncoderTest {

  @Test
  void imagesOfBarsRunsAndNoiseDecodeToTheSamePixels() {
    qt().withFixedSeed(20261127L).withExamples(300)
        .forAll(integers().between(1, 700), integers().between(1, 24), integers().between(1, 6), longs().all())
        .checkAssert((w, h, colours, seed) -> {
          BufferedImage img = chartLike(w, h, colours, new SplittableRandom(seed));
          BufferedImage back = decode(encode(img));
          assertEquals(w, back.getWidth());
          assertEquals(h, back.getHeight());
          for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) assertEquals(img.getRGB(x, y), back.getRGB(x, y), x + "," + y);
          }
        });
  }

  /** Flat bands and bars in a few colours over white, with rows of noise like antialiased text. */
  private static BufferedImage chartLike(int w, int h, int colours, SplittableRandom r) {
    int[] palette = new int[colours];
    for (int i = 0; i < colours; i++) palette[i] = r.nextInt(1 << 24);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      boolean noise = r.nextInt(5) == 0;
      boolean repeat = y > 0 && r.nextInt(3) == 0;
      for (int x = 0; x < w; x++) {
        int c;
        if (repeat) c = img.getRGB(x, y - 1) & 0xffffff;
        else if (noise) c = r.nextInt(1 << 24);
        else c = x % (1 + r.nextInt(w)) < w / 3 ? palette[(x * colours) / w] : 0xffffff;
        img.setRGB(x, y, c);
      }
    }
    return img;
  }

  private static byte[] encode(BufferedImage img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PngEncoder.write(img, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static BufferedImage decode(byte[] png) {
    try {
      return ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
