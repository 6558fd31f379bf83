package dev.barriersim.report.chart;

import dev.barriersim.report.data.Interval;
import dev.barriersim.report.data.RunEvents;
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
 * Long stretches of a folder's replication 0 in which nothing happens in any mode shown: no task
 * attempt runs and no barrier job or TaskSet waits for slots. A stretch counts when it is longer
 * than {@link #MIN_GAP_MS} and than {@link #SHARE_OF_SPAN} of the time shown once the longer
 * stretches are cut: three nights a day apart lose the two days first, then the hours before the
 * first night, which are long next to what is left. Read from the files only ({@code tasks.csv} of
 * every mode, the waits of {@code events.jsonl}), streaming, so the result is the same for the same
 * folder and costs the memory of the gaps found.
 */
final class IdleGaps {
  /** A gap must be longer than this share of the span... */
  static final double SHARE_OF_SPAN = 0.10;
  /** ...and than this. */
  static final long MIN_GAP_MS = 5_000;

  private IdleGaps() {}

  /** The shortest gap worth cutting when {@code shownMs} is shown (exclusive). */
  static long threshold(long shownMs) {
    return Math.max(MIN_GAP_MS, (long) Math.ceil(shownMs * SHARE_OF_SPAN));
  }

  /**
   * The gaps worth cutting among {@code gaps} (sorted): those longer than the threshold of the span,
   * then, as long as some are found, those longer than the threshold of what is left shown.
   */
  static List<Interval> select(List<Interval> gaps, long spanMs) {
    boolean[] chosen = new boolean[gaps.size()];
    long shown = spanMs;
    boolean more = true;
    while (more) {
      more = false;
      long min = threshold(shown);
      for (int i = 0; i < gaps.size(); i++) {
        if (!chosen[i] && gaps.get(i).lengthMs() > min) {
          chosen[i] = true;
          shown -= gaps.get(i).lengthMs();
          more = true;
        }
      }
    }
    List<Interval> out = new ArrayList<>();
    for (int i = 0; i < gaps.size(); i++) if (chosen[i]) out.add(gaps.get(i));
    return out;
  }

  /**
   * The gaps of {@code in} over {@code [0, spanMs]} worth cutting, in time order: idle in every mode
   * that has a {@code tasks.csv} (an attempt still running is busy until its run's end in
   * {@code runEnds}), outside every barrier wait in {@code events}. None when no mode has a file.
   */
  static List<Interval> find(ScenarioFiles in, Map<String, RunEvents> events, Map<String, Long> runEnds, long spanMs)
      throws IOException {
    long min = MIN_GAP_MS;
    List<Interval> common = null;
    for (String mode : in.modes()) {
      if (!Files.isRegularFile(in.tasks(mode))) continue;
      ModeScan scan = new ModeScan(spanMs, runEnds.getOrDefault(mode, spanMs), min);
      TasksCsv.forEach(in.tasks(mode), scan::accept);
      List<Interval> idle = scan.finish();
      RunEvents e = events.get(mode);
      if (e != null) {
        for (RunEvents.TaskSetWait w : e.taskSetWaits()) idle = minus(idle, w.interval(), min);
        for (RunEvents.SlotCheckWait w : e.slotCheckWaits()) idle = minus(idle, w.interval(), min);
      }
      common = common == null ? idle : intersect(common, idle, min);
    }
    if (Files.isRegularFile(in.recordedTasks())) {
      // The recorded run is drawn on the same axis: a gap is cut only where it was idle too.
      ModeScan scan = new ModeScan(spanMs, runEnds.getOrDefault(GanttData.RECORDED, spanMs), min);
      TasksCsv.forEach(in.recordedTasks(), scan::accept);
      common = common == null ? scan.finish() : intersect(common, scan.finish(), min);
    }
    return common == null ? List.of() : select(common, spanMs);
  }

  /** The gaps of one mode's attempts, given in launch order (a row out of order is still honoured). */
  static final class ModeScan {
    private final long spanMs;
    private final long runEndMs;
    private final long min;
    private final List<Interval> gaps = new ArrayList<>();
    private long busyUntil;
    private long lastLaunch = Long.MIN_VALUE;

    ModeScan(long spanMs, long runEndMs, long min) {
      this.spanMs = spanMs;
      this.runEndMs = runEndMs;
      this.min = min;
    }

    /** Takes one attempt: busy from launch to end (to its run's end if it never ended). */
    void accept(TaskRow r) {
      accept(r.launchMs(), r.endOr(runEndMs));
    }

    void accept(long launchMs, long endMs) {
      if (launchMs < lastLaunch) {
        // Files are in launch order; should one not be, the attempt still cuts the gaps it overlaps.
        List<Interval> kept = new ArrayList<>();
        for (Interval g : gaps) kept.addAll(minus(List.of(g), new Interval(launchMs, Math.max(launchMs, endMs)), min));
        gaps.clear();
        gaps.addAll(kept);
      } else {
        if (launchMs - busyUntil > min) gaps.add(new Interval(busyUntil, launchMs));
        lastLaunch = launchMs;
      }
      busyUntil = Math.max(busyUntil, endMs);
    }

    /** The gaps, the one after the last attempt included. */
    List<Interval> finish() {
      List<Interval> out = new ArrayList<>(gaps);
      if (spanMs - busyUntil > min) out.add(new Interval(busyUntil, spanMs));
      out.sort(Comparator.comparingLong(Interval::startMs));
      return out;
    }
  }

  /** {@code gaps} without {@code busy}, keeping the pieces longer than {@code min}. */
  static List<Interval> minus(List<Interval> gaps, Interval busy, long min) {
    List<Interval> out = new ArrayList<>();
    for (Interval g : gaps) {
      if (busy.endMs() <= g.startMs() || busy.startMs() >= g.endMs()) {
        out.add(g);
        continue;
      }
      if (busy.startMs() - g.startMs() > min) out.add(new Interval(g.startMs(), busy.startMs()));
      if (g.endMs() - busy.endMs() > min) out.add(new Interval(busy.endMs(), g.endMs()));
    }
    return out;
  }

  /** The stretches idle in both lists (each sorted), keeping those longer than {@code min}. */
  static List<Interval> intersect(List<Interval> a, List<Interval> b, long min) {
    List<Interval> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      long s = Math.max(a.get(i).startMs(), b.get(j).startMs());
      long e = Math.min(a.get(i).endMs(), b.get(j).endMs());
      if (e - s > min) out.add(new Interval(s, e));
      if (a.get(i).endMs() < b.get(j).endMs()) i++;
      else j++;
    }
    return out;
  }
}
