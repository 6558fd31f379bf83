package dev.barriersim.report.chart;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as {@code <name>.png} and {@code <name>.svg}, each byte-stable for the same chart.
 * The PNG is drawn by JFreeChart into an opaque image and encoded by {@link PngEncoder} rather than
 * {@code ChartUtils.writeChartAsPNG}, whose ImageIO encoder took most of the time of a folder's charts.
 */
public final class ChartFiles {
  private ChartFiles() {}

  /** Renders {@code chart} at {@code w} x {@code h} pixels into {@code dir/name.png} and {@code dir/name.svg}. */
  public static void write(JFreeChart chart, Path dir, String name, int w, int h) throws IOException {
    Files.createDirectories(dir);
    BufferedImage image = chart.createBufferedImage(w, h, BufferedImage.TYPE_INT_RGB, null);
    writeAtomically(dir.resolve(name + ".png"), out -> PngEncoder.write(image, out));
    byte[] svg = svg(chart, name, w, h).getBytes(StandardCharsets.UTF_8);
    writeAtomically(dir.resolve(name + ".svg"), out -> out.write(svg));
  }

  /** The SVG document; the defs prefix is fixed so that clip and gradient ids do not depend on the clock. */
  static String svg(JFreeChart chart, String name, int w, int h) {
    SVGGraphics2D g2 = new SVGGraphics2D(w, h);
    g2.setDefsKeyPrefix(name);
    chart.draw(g2, new Rectangle(0, 0, w, h));
    return g2.getSVGDocument();
  }

  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** A reader never sees half an image: write beside the target, then rename over it. */
  private static void writeAtomically(Path target, Body body) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
        body.write(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
