package dev.barriersim.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A vertical axis of lanes (or executor rows) that draws a tick only where a label is given. A plain
 * {@link SymbolAxis} counts blank labels as taking room and then hides real ones next to them.
 */
final class LaneAxis extends SymbolAxis {
  private static final long serialVersionUID = 1L;

  LaneAxis(String label, String[] symbols) {
    super(label, symbols);
  }

  @Override
  protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
    List<NumberTick> ticks = new ArrayList<>();
    TextAnchor anchor = edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
    String[] symbols = getSymbols();
    for (int i = 0; i < symbols.length; i++) {
      if (symbols[i].isEmpty() || !getRange().contains(i)) continue;
      ticks.add(new NumberTick((double) i, symbols[i], anchor, anchor, 0.0));
    }
    return ticks;
  }
}
