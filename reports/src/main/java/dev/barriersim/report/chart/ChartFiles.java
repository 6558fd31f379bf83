package dev.barriersim.report.chart;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as {@code <name>.png} and {@code <name>.svg}, each byte-stable for the same chart.
 * The PNG is drawn by JFreeChart into an opaque image and encoded by {@link PngEncoder} rather than
 * {@code ChartUtils.writeChartAsPNG}, whose ImageIO encoder took most of the time of a folder's charts.
 * The PNG's shapes are drawn without antialiasing (text keeps it): almost every shape of these
 * charts is an axis-aligned bar, band or step, which antialiasing only blurs, and antialiased paths
 * were a third of the time to draw a folder's PNGs in a fresh JVM. Renderers that draw slanted
 * details (hatching, break zig-zags, scatter markers) switch it on for those alone.
 */
public final class ChartFiles {
  private ChartFiles() {}

  /** Renders {@code chart} at {@code w} x {@code h} pixels into {@code dir/name.png} and {@code dir/name.svg}. */
  public static void write(JFreeChart chart, Path dir, String name, int w, int h) throws IOException {
    Files.createDirectories(dir);
    BufferedImage image = raster(chart, w, h);
    writeAtomically(dir.resolve(name + ".png"), out -> PngEncoder.write(image, out));
    String svg = svg(chart, name, w, h);
    writeAtomically(dir.resolve(name + ".svg"), out -> {
      Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      text.write(svg);
      text.flush();
    });
  }

  // Images of a few megabytes each, drawn one after the other on each thread: reusing them keeps a
  // folder's charts from filling the heap with short-lived giant arrays (most of the GC time they cost).
  private static final ThreadLocal<Map<Long, BufferedImage>> IMAGES = ThreadLocal.withInitial(HashMap::new);

  /** {@code chart} drawn at {@code w} x {@code h} into this thread's image of that size, cleared to white first. */
  static BufferedImage raster(JFreeChart chart, int w, int h) {
    BufferedImage image = IMAGES.get().computeIfAbsent(((long) w << 32) | h,
        k -> new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB));
    Graphics2D g2 = image.createGraphics();
    smoothShapes(chart, false);
    try {
      g2.setComposite(AlphaComposite.Src);
      g2.setColor(Color.WHITE);
      g2.fillRect(0, 0, w, h);
      g2.setComposite(AlphaComposite.SrcOver);
      chart.draw(g2, new Rectangle2D.Double(0, 0, w, h), null, null);
    } finally {
      g2.dispose();
      smoothShapes(chart, true);
    }
    return image;
  }

  /** Antialiasing of shapes on or off, in the chart and in every chart a {@link ChartGrid} holds. */
  static void smoothShapes(JFreeChart chart, boolean on) {
    chart.setAntiAlias(on);
    if (chart.getPlot() instanceof ChartGrid grid) {
      for (ChartGrid.Row row : grid.rows()) row.cells().forEach(c -> c.setAntiAlias(on));
    }
  }

  /** The SVG document; the defs prefix is fixed so that clip and gradient ids do not depend on the clock. */
  static String svg(JFreeChart chart, String name, int w, int h) {
    SVGGraphics2D g2 = new SVGGraphics2D(w, h);
    g2.setDefsKeyPrefix(name);
    g2.setGeomDoubleConverter(ChartFiles::hundredths);
    chart.draw(g2, new Rectangle(0, 0, w, h));
    return g2.getSVGDocument();
  }

  /**
   * A coordinate to a hundredth of a pixel, the shortest way ({@code 22.78}, {@code 5}, {@code -0.5}),
   * independent of the locale: shorter files than full doubles, and cheaper to write.
   */
  static String hundredths(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
    long v = Math.round(d * 100);
    StringBuilder sb = new StringBuilder(12);
    if (v < 0) sb.append('-');
    long a = Math.abs(v);
    sb.append(a / 100);
    int frac = (int) (a % 100);
    if (frac != 0) {
      sb.append('.').append((char) ('0' + frac / 10));
      if (frac % 10 != 0) sb.append((char) ('0' + frac % 10));
    }
    return sb.toString();
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
