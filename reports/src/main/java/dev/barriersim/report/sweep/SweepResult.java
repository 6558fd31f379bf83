package dev.barriersim.report.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * Every point of a sweep, in grid order, and the folder they were written to.
 *
 * @param metrics the headline metrics some point has, in output order
 */
public record SweepResult(SweepPlan plan, Path outDir, List<PointResult> points, List<SweepMetric> metrics) {
  /** Freezes the lists. */
  public SweepResult {
    points = List.copyOf(points);
    metrics = List.copyOf(metrics);
  }
}
