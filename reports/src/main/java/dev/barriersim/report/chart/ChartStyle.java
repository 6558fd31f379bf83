package dev.barriersim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The look shared by every chart: fonts, colours of the two modes, white plots, Locale.ROOT numbers. */
final class ChartStyle {
  private ChartStyle() {}

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
  static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
  static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  /** The barrier arm everywhere both arms are drawn (the pages use the same, {@code html.Palette}). */
  static final Color BARRIER = new Color(0x1f, 0x77, 0xb4);
  /** The non-barrier arm. */
  static final Color NON_BARRIER = new Color(0xff, 0x7f, 0x0e);
  /** Paired differences (barrier minus non-barrier). */
  static final Color DIFFERENCE = new Color(0x55, 0x55, 0x55);
  /** Failed task attempts. */
  static final Color FAILED = new Color(0xd6, 0x27, 0x28);
  /** Killed task attempts. */
  static final Color KILLED = new Color(0xb4, 0xb4, 0xb4);
  /** Total capacity lines. */
  static final Color CAPACITY = new Color(0x22, 0x22, 0x22);
  static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
  static final Color OUTLINE = new Color(0x1a, 0x1a, 0x1a);

  static final BasicStroke DASHED =
      new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);

  /** The colour of a mode's series; modes other than the two known ones get the difference grey. */
  static Color mode(String mode) {
    return switch (mode) {
      case "barrier" -> BARRIER;
      case "non-barrier" -> NON_BARRIER;
      default -> DIFFERENCE;
    };
  }

  /** {@code c} moved towards white by {@code fraction} (0 keeps it, 1 is white). */
  static Color lighter(Color c, double fraction) {
    return new Color(mix(c.getRed(), fraction), mix(c.getGreen(), fraction), mix(c.getBlue(), fraction), c.getAlpha());
  }

  /** {@code c} moved towards black by {@code fraction}. */
  static Color darker(Color c, double fraction) {
    return new Color((int) Math.round(c.getRed() * (1 - fraction)), (int) Math.round(c.getGreen() * (1 - fraction)),
        (int) Math.round(c.getBlue() * (1 - fraction)), c.getAlpha());
  }

  /** {@code c} with {@code alpha} (0..255). */
  static Color translucent(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  private static int mix(int v, double f) {
    return (int) Math.round(v + (255 - v) * f);
  }

  /** A number format independent of the machine's locale. */
  static DecimalFormat format(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  // Built once per thread: each set holds dozens of DecimalFormats, which axes only read but which
  // are not safe to share between the threads that render folders at the same time.
  private static final ThreadLocal<TickUnitSource> STANDARD_UNITS =
      ThreadLocal.withInitial(() -> NumberAxis.createStandardTickUnits(Locale.ROOT));
  private static final ThreadLocal<TickUnitSource> INTEGER_UNITS =
      ThreadLocal.withInitial(() -> NumberAxis.createIntegerTickUnits(Locale.ROOT));

  /** A value axis with Locale.ROOT tick labels. */
  static NumberAxis numberAxis(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setStandardTickUnits(STANDARD_UNITS.get());
    axis(a);
    return a;
  }

  /** An axis of whole numbers with Locale.ROOT tick labels. */
  static NumberAxis integerAxis(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setStandardTickUnits(INTEGER_UNITS.get());
    axis(a);
    return a;
  }

  static void axis(Axis a) {
    a.setLabelFont(AXIS_LABEL);
    a.setTickLabelFont(TICK);
  }

  static void plot(XYPlot p) {
    background(p);
    p.setDomainGridlinePaint(GRID);
    p.setRangeGridlinePaint(GRID);
    p.setDomainGridlineStroke(new BasicStroke(0.6f));
    p.setRangeGridlineStroke(new BasicStroke(0.6f));
    p.setAxisOffset(RectangleInsets.ZERO_INSETS);
  }

  static void plot(CategoryPlot p) {
    background(p);
    p.setRangeGridlinePaint(GRID);
    p.setRangeGridlineStroke(new BasicStroke(0.6f));
    p.setDomainGridlinesVisible(false);
    p.setAxisOffset(RectangleInsets.ZERO_INSETS);
  }

  private static void background(Plot p) {
    p.setBackgroundPaint(Color.WHITE);
    p.setOutlinePaint(new Color(0xaa, 0xaa, 0xaa));
  }

  /** A titled chart with the house look; subtitles go under the title, one line each. */
  static JFreeChart chart(String title, Plot plot, boolean legend, String... subtitles) {
    JFreeChart c = new JFreeChart(title, TITLE, plot, legend);
    c.setBackgroundPaint(Color.WHITE);
    c.setAntiAlias(true);
    c.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    c.setPadding(new RectangleInsets(6, 8, 6, 12));
    for (String s : subtitles) {
      TextTitle t = new TextTitle(s, SUBTITLE);
      t.setPaint(new Color(0x33, 0x33, 0x33));
      c.addSubtitle(t);
    }
    LegendTitle l = c.getLegend();
    if (l != null) {
      l.setItemFont(LEGEND);
      l.setFrame(BlockBorder.NONE);
      l.setPosition(RectangleEdge.BOTTOM);
      l.setBackgroundPaint(Color.WHITE);
    }
    return c;
  }

  /** A legend entry drawn as a filled box, outlined when {@code outline} is not null. */
  static LegendItem swatch(String label, Color fill, Color outline) {
    return new LegendItem(label, null, null, null, true, new Rectangle2D.Double(-6, -5, 12, 10), true, fill,
        outline != null, outline == null ? fill : outline, new BasicStroke(1.2f), false,
        new Line2D.Double(-7, 0, 7, 0), new BasicStroke(1f), fill);
  }

  /** A legend entry drawn as a line. */
  static LegendItem line(String label, Color paint, BasicStroke stroke) {
    return new LegendItem(label, null, null, null, false, new Rectangle2D.Double(-6, -5, 12, 10), false, paint,
        false, paint, stroke, true, new Line2D.Double(-9, 0, 9, 0), stroke, paint);
  }
}
