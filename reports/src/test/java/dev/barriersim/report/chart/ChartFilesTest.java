package dev.barriersim.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.data.ScenarioFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartFilesTest {
  @TempDir Path tmp;

  @Test
  void kindsComeInReportOrderWithTheirFileNames() {
    assertEquals(List.of("gantt", "utilization", "comparison", "jct-cdf"),
        Arrays.stream(ChartKind.values()).map(k -> k.chart().name()).toList());
  }

  @Test
  void everyChartOfTheSameFolderIsWrittenAsTheSameBytesAndReadsBack() throws IOException {
    ScenarioFiles in = TinyFolder.write(tmp.resolve("out"));
    for (ChartKind kind : ChartKind.values()) {
      Chart chart = kind.chart();
      // Two independent builds, as two `report` runs would do.
      JFreeChart first = chart.build(in).orElseThrow(() -> new AssertionError(kind + " applies to the tiny folder"));
      JFreeChart second = kind.chart().build(ScenarioFiles.open(in.dir())).orElseThrow();
      Path a = tmp.resolve("a");
      Path b = tmp.resolve("b");
      ChartFiles.write(first, a, chart.name(), chart.width(), chart.height());
      ChartFiles.write(second, b, chart.name(), chart.width(), chart.height());
      for (String ext : List.of(".png", ".svg")) {
        assertArrayEquals(Files.readAllBytes(a.resolve(chart.name() + ext)), Files.readAllBytes(b.resolve(chart.name() + ext)),
            chart.name() + ext + " differs between two renderings of the same folder");
      }
      BufferedImage png = ImageIO.read(a.resolve(chart.name() + ".png").toFile());
      assertEquals(chart.width(), png.getWidth());
      assertEquals(chart.height(), png.getHeight());
      assertEquals(0xffffffff, png.getRGB(2, 2), "white background");
      Document svg = Jsoup.parse(Files.readString(a.resolve(chart.name() + ".svg"), StandardCharsets.UTF_8), "",
          Parser.xmlParser());
      Element root = svg.selectFirst("svg");
      assertEquals(chart.width(), Double.parseDouble(root.attr("width")), 1e-9);
      assertFalse(svg.select("text").isEmpty(), "titles and labels are text");
      assertTrue(svg.select("[id]").stream().allMatch(e -> e.id().startsWith(chart.name())),
          "every generated id carries the chart's name");
    }
    try (Stream<Path> left = Files.list(tmp.resolve("a"))) {
      assertTrue(left.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file is left");
    }
  }

  @Test
  void theMachinesLocaleDoesNotReachTheFiles() throws IOException {
    ScenarioFiles in = TinyFolder.write(tmp.resolve("out"));
    Locale before = Locale.getDefault();
    try {
      for (ChartKind kind : ChartKind.values()) {
        Chart chart = kind.chart();
        Locale.setDefault(Locale.US);
        String us = ChartFiles.svg(chart.build(in).orElseThrow(), chart.name(), chart.width(), chart.height());
        Locale.setDefault(Locale.GERMANY); // decimal comma, dot grouping
        String de = ChartFiles.svg(chart.build(in).orElseThrow(), chart.name(), chart.width(), chart.height());
        assertEquals(us, de, kind + " depends on the default locale");
      }
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void pngEncodingIsLosslessForRepeatedRowsAndRunsOfChange() throws IOException {
    // Identical rows, rows that differ in two separate runs, and a row that differs at its last pixel.
    BufferedImage img = new BufferedImage(40, 12, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 40; x++) {
        int c = 0xffffff;
        if (y >= 3 && y < 6 && (x < 5 || (x >= 20 && x < 31))) c = 0x59a14f;
        if (y == 8 && x == 39) c = 0x123456;
        img.setRGB(x, y, c);
      }
    }
    Path f = tmp.resolve("runs.png");
    try (var out = Files.newOutputStream(f)) {
      PngEncoder.write(img, out);
    }
    BufferedImage back = ImageIO.read(f.toFile());
    for (int x = 0; x < 40; x++) {
      for (int y = 0; y < 12; y++) assertEquals(img.getRGB(x, y), back.getRGB(x, y), x + "," + y);
    }
  }

  @Test
  void svgCoordinatesAreWrittenToAHundredthOfAPixel() {
    assertEquals("22.78", ChartFiles.hundredths(22.77978515625));
    assertEquals("5", ChartFiles.hundredths(5.0));
    assertEquals("5.1", ChartFiles.hundredths(5.1));
    assertEquals("-0.5", ChartFiles.hundredths(-0.5));
    assertEquals("-12.05", ChartFiles.hundredths(-12.049999));
    assertEquals("0", ChartFiles.hundredths(-0.001));
    assertEquals("1400", ChartFiles.hundredths(1400));
  }

  @Test
  void pngEncodingIsLosslessForOpaquePixels() throws IOException {
    BufferedImage img = new BufferedImage(7, 3, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 7; x++) {
      for (int y = 0; y < 3; y++) img.setRGB(x, y, (x * 37 << 16) | (y * 91 << 8) | (x * y * 13));
    }
    Path f = tmp.resolve("p.png");
    try (var out = Files.newOutputStream(f)) {
      PngEncoder.write(img, out);
    }
    BufferedImage back = ImageIO.read(f.toFile());
    for (int x = 0; x < 7; x++) {
      for (int y = 0; y < 3; y++) assertEquals(img.getRGB(x, y), back.getRGB(x, y), x + "," + y);
    }
  }
}
