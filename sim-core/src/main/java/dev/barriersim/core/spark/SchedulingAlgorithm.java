package dev.barriersim.core.spark;

import java.util.Comparator;

/** Spark's {@code SchedulingAlgorithm}s: FIFO (job id, then stage id) and FAIR (minShare, weight, name). */
final class SchedulingAlgorithm {
  private SchedulingAlgorithm() {}

  /** What the FAIR comparator reads from a pool or a TaskSetManager. */
  interface Schedulable {
    int minShare();
    int weight();
    int runningTasks();
    String name();
  }

  /** {@code FIFOSchedulingAlgorithm}: priority (= job id), then stage id; attempt breaks the last tie. */
  static final Comparator<TaskSetManager> FIFO_TASK_SETS = (a, b) -> {
    int c = Integer.compare(a.stage.job.jobId, b.stage.job.jobId);
    if (c == 0) c = Integer.compare(a.stage.id, b.stage.id);
    return c != 0 ? c : Integer.compare(a.stageAttempt, b.stageAttempt);
  };

  /** {@code FairSchedulingAlgorithm}: needy first, then minShare ratio, then weight ratio, then name. */
  static final Comparator<Schedulable> FAIR = (s1, s2) -> {
    boolean needy1 = s1.runningTasks() < s1.minShare();
    boolean needy2 = s2.runningTasks() < s2.minShare();
    if (needy1 && !needy2) return -1;
    if (!needy1 && needy2) return 1;
    int c;
    if (needy1) {
      c = Double.compare(s1.runningTasks() / Math.max(s1.minShare(), 1.0), s2.runningTasks() / Math.max(s2.minShare(), 1.0));
    } else {
      c = Double.compare(s1.runningTasks() / (double) s1.weight(), s2.runningTasks() / (double) s2.weight());
    }
    return c != 0 ? c : s1.name().compareTo(s2.name());
  };
}
