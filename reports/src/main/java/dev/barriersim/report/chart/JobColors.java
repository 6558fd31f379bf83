package dev.barriersim.report.chart;

import dev.barriersim.report.data.ScenarioConf;
import dev.barriersim.report.data.ScenarioFiles;
import java.awt.Color;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A colour per declared job: the colour of its first stage in the folder's {@link StagePalette},
 * so that a job's points on the slowdown panel match its bars on the Gantt chart, and a shape per
 * job, so that jobs stay apart where colours are close.
 */
final class JobColors {
  private static final List<Shape> SHAPES = List.of(
      new Rectangle2D.Double(-3, -3, 6, 6),
      new Ellipse2D.Double(-3.5, -3.5, 7, 7),
      new Polygon(new int[] {0, 4, -4}, new int[] {-4, 3, 3}, 3),
      new Polygon(new int[] {0, 4, 0, -4}, new int[] {-4, 0, 4, 0}, 4),
      new Polygon(new int[] {-4, 4, 0}, new int[] {-3, -3, 4}, 3));

  private final StagePalette palette;

  private JobColors(StagePalette palette) {
    this.palette = palette;
  }

  /** The colours of {@code in}'s jobs. */
  static JobColors of(ScenarioFiles in, ScenarioConf conf) {
    return new JobColors(StagePalette.of(in, conf));
  }

  /** The colour of job {@code template}: its first stage's, or the difference grey when no stage of it is known. */
  Color of(String template) {
    String prefix = template + "/";
    List<String> stages = palette.stages();
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).startsWith(prefix)) return StagePalette.color(i);
    }
    return ChartStyle.DIFFERENCE;
  }

  /** The marker of the {@code i}-th job. */
  static Shape shape(int i) {
    return SHAPES.get(Math.floorMod(i, SHAPES.size()));
  }
}
