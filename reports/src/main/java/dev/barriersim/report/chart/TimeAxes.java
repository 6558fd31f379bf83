package dev.barriersim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/** The shared time axis of the Gantt and utilization charts: its axis, its break markers and what the subtitle says. */
final class TimeAxes {
  /** What the time axis shows. */
  static final String WHAT = "time since the run started";

  private TimeAxes() {}

  /**
   * The domain axis over {@code timeline}: plain numbers in the timeline's unit, or real-time
   * labels around the cuts. A little room is left of 0 so that a marker at the very start is not
   * hidden by the plot's edge.
   */
  static NumberAxis axis(CutTimeline timeline) {
    NumberAxis axis;
    if (timeline.hasCuts()) {
      axis = new CutTimeAxis(WHAT + " (tick labels in real time; idle gaps cut)", timeline);
      ChartStyle.axis(axis);
    } else {
      axis = ChartStyle.numberAxis(timeline.scale().label(WHAT));
    }
    axis.setRange(-timeline.end() * 0.004, timeline.end());
    return axis;
  }

  /** A break marker for every cut in every plot; the idle time is written in the first plot only. */
  static void addBreaks(List<XYPlot> plots, CutTimeline timeline) {
    for (int i = 0; i < plots.size(); i++) {
      for (CutTimeline.Cut c : timeline.cuts()) plots.get(i).addAnnotation(new IdleGapBreak(timeline, c, i == 0), false);
    }
  }

  /**
   * A line where a mode's run ended before the span did, labelled {@code text}, so that the empty
   * time after it does not read as idle cores. The label goes left of the line near the right edge.
   */
  static ValueMarker runEnded(CutTimeline timeline, long endMs, String text, Color color) {
    double x = timeline.x(endMs);
    ValueMarker m = new ValueMarker(x, color, new BasicStroke(1.2f));
    m.setLabel(text);
    m.setLabelFont(ChartStyle.SMALL.deriveFont(Font.BOLD));
    m.setLabelPaint(color);
    m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    boolean nearRightEdge = x > timeline.end() * 0.8;
    m.setLabelAnchor(nearRightEdge ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(nearRightEdge ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
    m.setLabelOffset(new RectangleInsets(3, 3, 3, 3));
    return m;
  }

  /** Whether a run that ended at {@code endMs} ended visibly before the span did. */
  static boolean endsEarly(long endMs, long spanMs) {
    return endMs < spanMs - spanMs / 200;
  }

  /** The subtitle line that says gaps were cut, when some were. */
  static Optional<String> subtitle(CutTimeline timeline) {
    if (!timeline.hasCuts()) return Optional.empty();
    int n = timeline.cuts().size();
    return Optional.of(String.format(Locale.ROOT,
        "%s cut from the time axis (no task running and no gang waiting in any mode; ≈ %s in all); tick labels are real time",
        n == 1 ? "1 idle gap" : n + " idle gaps", IdleGapBreak.rounded(timeline.idleCutMs())));
  }
}
