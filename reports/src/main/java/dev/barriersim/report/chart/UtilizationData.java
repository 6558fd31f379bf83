package dev.barriersim.report.chart;

import dev.barriersim.report.data.Interval;
import dev.barriersim.report.data.RunEvents;
import dev.barriersim.report.data.ScenarioConf;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.data.TaskRow;
import dev.barriersim.report.data.TasksCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the utilization chart draws for replication 0 of each mode: busy and total cores (and
 * GPUs) over time, what is busy outside {@code barrier()} waits, the intervals in which a barrier
 * job or TaskSet waited for slots, and the instants of failed slot checks.
 *
 * @param modes one entry per mode that has a {@code tasks.csv}, in summary order
 * @param gpus whether any executor has GPUs or any attempt held one
 * @param timeline the time axis: the longest run of replication 0, long idle gaps cut
 */
record UtilizationData(List<Mode> modes, boolean gpus, int taskCpus, boolean taskCpusInferred, CutTimeline timeline) {
  /** Exact change points kept per curve before it is reduced to bucket maxima. */
  static final int MAX_POINTS = 20_000;
  /** Buckets of a reduced curve. */
  static final int BUCKETS = 2_000;

  /**
   * One mode.
   *
   * @param coresOutsideSync busy cores less those whose attempt was waiting inside {@code barrier()}
   * @param gpusOutsideSync the same for GPUs
   * @param syncWaits whether any attempt of the mode waited inside {@code barrier()}
   * @param waits barrier jobs in failed slot checks and barrier TaskSets waiting for slots,
   *     overlapping intervals merged
   * @param slotChecks times of failed submission slot checks, each once
   * @param runEndMs when the mode's run ended
   */
  record Mode(String mode, StepCurve.Points busyCores, StepCurve.Points totalCores, StepCurve.Points busyGpus,
      StepCurve.Points totalGpus, StepCurve.Points coresOutsideSync, StepCurve.Points gpusOutsideSync,
      boolean syncWaits, List<Interval> waits, List<Long> slotChecks, long runEndMs) {}

  /** The real time the chart spans. */
  long spanMs() {
    return timeline.spanMs();
  }

  /** Whether any curve was reduced to bucket maxima. */
  boolean downsampled() {
    return modes.stream().anyMatch(m -> m.busyCores.bucketed() || m.busyGpus.bucketed());
  }

  static UtilizationData read(ScenarioFiles in) throws IOException {
    FolderReads reads = FolderReads.of(in);
    ScenarioConf conf = reads.conf();
    Map<String, RunEvents> events = reads.events();
    long span = reads.spanMs();
    List<Mode> modes = new ArrayList<>();
    boolean gpus = false;
    for (String mode : in.modes()) {
      if (!Files.isRegularFile(in.tasks(mode))) continue;
      long end = reads.runEnds().getOrDefault(mode, span);
      Occupancy cores = new Occupancy(new StepCurve(span, MAX_POINTS, BUCKETS));
      Occupancy gpu = new Occupancy(new StepCurve(span, MAX_POINTS, BUCKETS));
      Occupancy coresWorking = new Occupancy(new StepCurve(span, MAX_POINTS, BUCKETS));
      Occupancy gpuWorking = new Occupancy(new StepCurve(span, MAX_POINTS, BUCKETS));
      boolean[] held = {false, false}; // a GPU, a barrier() wait
      TasksCsv.forEach(in.tasks(mode), (TaskRow r) -> {
        long stop = r.endOr(end);
        cores.launch(r.launchMs(), stop, r.ended(), conf.taskCpus());
        coresWorking.launch(r.launchMs(), stop, r.ended(), conf.taskCpus(), r.barrierWaits());
        held[1] |= !r.barrierWaits().isEmpty();
        int g = r.addresses("gpu").size();
        if (g > 0) {
          held[0] = true;
          gpu.launch(r.launchMs(), stop, r.ended(), g);
          gpuWorking.launch(r.launchMs(), stop, r.ended(), g, r.barrierWaits());
        }
      });
      RunEvents e = events.get(mode);
      StepCurve.Points totalCores = e != null ? capacity(e, x -> x.cores(), span)
          : flat(in.first(mode).map(r -> (double) r.cores().total()).orElse(0.0));
      StepCurve.Points totalGpus = e != null ? capacity(e, x -> x.amount("gpu"), span) : flat(0);
      gpus |= held[0] || totalGpus.max() > 0;
      List<Interval> waits = new ArrayList<>();
      if (e != null) {
        e.taskSetWaits().forEach(w -> waits.add(w.interval()));
        e.slotCheckWaits().forEach(w -> waits.add(w.interval()));
      }
      modes.add(new Mode(mode, cores.finish(), totalCores, gpu.finish(), totalGpus, coresWorking.finish(),
          gpuWorking.finish(), held[1], merged(waits),
          e == null ? List.of() : e.slotCheckFailures().stream().map(RunEvents.SlotCheck::t).distinct().toList(), end));
    }
    return new UtilizationData(modes, gpus, conf.taskCpus(), conf.taskCpusInferred(), reads.timeline());
  }

  private interface Amount {
    int of(RunEvents.ExecutorSpan x);
  }

  /** Capacity over time from executors joining and leaving. */
  private static StepCurve.Points capacity(RunEvents e, Amount amount, long span) {
    List<long[]> changes = new ArrayList<>();
    for (RunEvents.ExecutorSpan x : e.executors()) {
      int a = amount.of(x);
      if (a == 0) continue;
      changes.add(new long[] {x.addedMs(), a});
      if (x.lostMs() != RunEvents.NEVER) changes.add(new long[] {x.lostMs(), -a});
    }
    changes.sort(Comparator.comparingLong(c -> c[0])); // stable: same-time changes keep file order
    StepCurve c = new StepCurve(span, Integer.MAX_VALUE, 1);
    c.set(0, 0);
    double v = 0;
    for (long[] ch : changes) {
      v += ch[1];
      c.set(ch[0], v);
    }
    return c.finish();
  }

  private static StepCurve.Points flat(double v) {
    return new StepCurve.Points(new long[] {0}, new double[] {v}, false);
  }

  /** Sorted union of intervals, so overlapping translucent shades do not stack darker. */
  static List<Interval> merged(List<Interval> intervals) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparingLong(Interval::startMs).thenComparingLong(Interval::endMs));
    List<Interval> out = new ArrayList<>();
    for (Interval i : sorted) {
      if (i.lengthMs() == 0) continue; // launched at once: nothing to shade
      if (!out.isEmpty() && i.startMs() <= out.get(out.size() - 1).endMs()) {
        Interval last = out.remove(out.size() - 1);
        out.add(new Interval(last.startMs(), Math.max(last.endMs(), i.endMs())));
      } else {
        out.add(i);
      }
    }
    return out;
  }
}
