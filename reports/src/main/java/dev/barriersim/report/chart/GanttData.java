package dev.barriersim.report.chart;

import dev.barriersim.report.SummaryJson;
import dev.barriersim.report.data.Interval;
import dev.barriersim.report.data.RunEvents;
import dev.barriersim.report.data.RunEvents.StageRef;
import dev.barriersim.report.data.ScenarioConf;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.data.TaskRow;
import dev.barriersim.report.data.TaskStatus;
import dev.barriersim.report.data.TasksCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Gantt chart draws, read from an output folder: per mode, one lane per executor slot and
 * a bar per task attempt; or, when a mode has more attempts than the limit, one heat row per
 * executor (mean busy slots per time bucket) for every mode. Bars are kept only up to the limit,
 * so memory stays bounded whatever the size of {@code tasks.csv}.
 *
 * @param stages stage keys ({@code job/stage}) in palette order; {@link Bar#stage()} indexes it
 * @param heat whether the arms are heat strips rather than bars
 * @param timeline the time axis: the longest run of replication 0, long idle gaps cut
 */
record GanttData(List<String> stages, List<Arm> arms, boolean heat, CutTimeline timeline, int limit) {
  /** Time buckets of a heat strip. */
  static final int HEAT_BUCKETS = 240;
  /** Heat rows at most: beyond, each row is the mean of several consecutive executors. */
  static final int MAX_HEAT_ROWS = 80;
  /** The panel of the recorded run of an imported scenario ({@code recorded/tasks.csv}). */
  static final String RECORDED = "recorded (Spark)";

  /** One executor slot. */
  record Lane(String executor, int slot) {}

  /**
   * One task attempt.
   *
   * @param stage index into {@link GanttData#stages()}
   * @param gpus the GPU addresses it held ({@code gpu 0,1}), or null
   */
  record Bar(int lane, long startMs, long endMs, int stage, TaskStatus status, boolean barrierStage,
      List<Interval> barrierWaits, String gpus) {}

  /**
   * Time an executor was not part of the cluster, over its lanes (or heat row) {@code first..last}:
   * before it was added, or after it was lost ({@code lost}).
   */
  record Absence(int first, int last, Interval interval, boolean lost) {}

  /**
   * Heat rows: one per executor, or per group of consecutive executors when there are many.
   * Buckets are of display time (real time with idle gaps cut), so a cut leaves no empty buckets.
   *
   * @param bucketMs the length of a bucket, in display milliseconds
   * @param rows the executor id of each row, or {@code first–last} for a group
   * @param meanBusy per row, per bucket: the mean number of busy slots of an executor of the row
   * @param maxLanes the most slots any executor has (the top of the colour scale)
   * @param executorsPerRow 1, or the size of the groups
   */
  record Heat(long bucketMs, List<String> rows, double[][] meanBusy, int maxLanes, int executorsPerRow) {}

  /**
   * One mode.
   *
   * @param bars empty in heat mode
   * @param heat null in bar mode
   * @param attempts every task attempt of the mode's file
   * @param slotChecks times of failed submission slot checks of barrier jobs, each once
   * @param runEndMs when this mode's run ended (earlier than the span when the other mode ran longer)
   */
  record Arm(String mode, List<Lane> lanes, List<Bar> bars, Heat heat, long attempts, List<Absence> absences,
      List<Long> slotChecks, long runEndMs) {}

  /** Reads every mode of {@code in} that has a {@code tasks.csv}. */
  static GanttData read(ScenarioFiles in, int limit) throws IOException {
    FolderReads reads = FolderReads.of(in);
    ScenarioConf conf = reads.conf();
    StagePalette palette = StagePalette.of(in, conf);
    Map<String, RunEvents> events = reads.events();
    CutTimeline timeline = reads.timeline();
    List<ArmReader> readers = new ArrayList<>();
    Recorded recorded = Recorded.scan(in);
    if (recorded != null) {
      // Above the simulated arms: what Spark did, then its replay (barrier, the scenario as written), then the what-if.
      ArmReader r = new ArmReader(RECORDED, null, barrierStages(in.first("barrier"), events.get("barrier")), palette,
          conf.taskCpus(), limit, timeline, reads.runEnds().getOrDefault(RECORDED, timeline.spanMs()));
      recorded.executors().forEach(r::declare);
      TasksCsv.forEach(in.recordedTasks(), r::accept);
      readers.add(r);
    }
    for (String mode : in.modes()) {
      if (!Files.isRegularFile(in.tasks(mode))) continue;
      ArmReader r = new ArmReader(mode, events.get(mode), barrierStages(in.first(mode), events.get(mode)), palette,
          conf.taskCpus(), limit, timeline, reads.runEnds().getOrDefault(mode, timeline.spanMs()));
      TasksCsv.forEach(in.tasks(mode), r::accept);
      readers.add(r);
    }
    boolean heat = readers.stream().anyMatch(r -> r.overflowed);
    List<Arm> arms = new ArrayList<>();
    for (ArmReader r : readers) arms.add(r.finish(heat));
    return new GanttData(palette.stages(), arms, heat, timeline, limit);
  }

  /** The real time the chart spans: the longest run of replication 0. */
  long spanMs() {
    return timeline.spanMs();
  }

  /** What a first pass over {@code recorded/tasks.csv} tells: its last instant and its executors in id order. */
  private record Recorded(long endMs, List<String> executors) {
    static Recorded scan(ScenarioFiles in) throws IOException {
      if (!Files.isRegularFile(in.recordedTasks())) return null;
      long[] end = {0};
      Set<String> ids = new java.util.TreeSet<>(Recorded::byId);
      TasksCsv.forEach(in.recordedTasks(), row -> {
        end[0] = Math.max(end[0], Math.max(row.launchMs(), row.endMs()));
        ids.add(row.executor());
      });
      return new Recorded(end[0], List.copyOf(ids));
    }

    /** Numeric ids by value ({@code 2} before {@code 10}), then others by text. */
    private static int byId(String a, String b) {
      boolean na = a.matches("[0-9]{1,9}");
      boolean nb = b.matches("[0-9]{1,9}");
      if (na && nb) return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
      if (na != nb) return na ? -1 : 1;
      return a.compareTo(b);
    }
  }

  private static Set<StageRef> barrierStages(Optional<SummaryJson.Run> run, RunEvents events) {
    Set<StageRef> out = new HashSet<>(); // lookups only
    run.ifPresent(r -> r.stages().stream().filter(SummaryJson.Stage::barrier)
        .forEach(s -> out.add(new StageRef(s.job(), s.stage()))));
    if (events != null) out.addAll(events.barrierStages());
    return out;
  }

  /** One executor as the reader sees it. */
  private static final class Track {
    final String id;
    final int cores;
    final long addedMs;
    final long lostMs;
    final int row;
    int maxSlot = -1;

    Track(String id, int cores, long addedMs, long lostMs, int row) {
      this.id = id;
      this.cores = cores;
      this.addedMs = addedMs;
      this.lostMs = lostMs;
      this.row = row;
    }
  }

  private record RawBar(Track track, int slot, long startMs, long endMs, int stage, TaskStatus status,
      boolean barrierStage, List<Interval> barrierWaits, String gpus) {}

  /** Folds one mode's rows into bars, or into heat buckets once the limit is passed. */
  private static final class ArmReader {
    final String mode;
    final Set<StageRef> barrierStages;
    final StagePalette palette;
    final int taskCpus;
    final int limit;
    final long span;
    final CutTimeline timeline;
    final long runEndMs;
    final long bucketMs;
    final Map<String, Track> tracks = new LinkedHashMap<>();
    final List<RawBar> bars = new ArrayList<>();
    // Heat buckets per row, not per executor: memory stays bounded by MAX_HEAT_ROWS however many executors.
    final List<double[]> rowBusyMs = new ArrayList<>();
    final List<int[]> rowFullBuckets = new ArrayList<>();
    final int executorsPerRow;
    final List<Long> slotChecks;
    long attempts;
    boolean overflowed;

    ArmReader(String mode, RunEvents events, Set<StageRef> barrierStages, StagePalette palette, int taskCpus, int limit,
        CutTimeline timeline, long runEndMs) {
      this.mode = mode;
      this.barrierStages = barrierStages;
      this.palette = palette;
      this.taskCpus = taskCpus;
      this.limit = limit;
      this.span = timeline.spanMs();
      this.timeline = timeline;
      this.runEndMs = runEndMs;
      long display = timeline.displaySpanMs();
      this.bucketMs = Math.max(1, (display + HEAT_BUCKETS - 1) / HEAT_BUCKETS);
      slotChecks = events == null ? List.of()
          : events.slotCheckFailures().stream().map(RunEvents.SlotCheck::t).distinct().toList();
      int known = events == null ? 0 : events.executors().size();
      this.executorsPerRow = Math.max(1, (known + MAX_HEAT_ROWS - 1) / MAX_HEAT_ROWS);
      if (events != null) {
        for (RunEvents.ExecutorSpan x : events.executors()) {
          tracks.put(x.id(), new Track(x.id(), x.cores(), x.addedMs(), x.lostMs(), tracks.size() / executorsPerRow));
        }
      }
    }

    /** An executor known before its rows (lanes in id order rather than in order of first launch). */
    void declare(String id) {
      tracks.computeIfAbsent(id, x -> new Track(x, 0, 0, RunEvents.NEVER, tracks.size() / executorsPerRow));
    }

    void accept(TaskRow row) {
      attempts++;
      Track t = tracks.computeIfAbsent(row.executor(),
          id -> new Track(id, 0, 0, RunEvents.NEVER, tracks.size() / executorsPerRow));
      t.maxSlot = Math.max(t.maxSlot, row.slot());
      long end = row.endOr(runEndMs);
      if (overflowed) {
        addHeat(t, row.launchMs(), end);
        return;
      }
      List<String> gpus = row.addresses("gpu");
      bars.add(new RawBar(t, row.slot(), row.launchMs(), end, palette.indexOf(ScenarioConf.stageKey(row.job(), row.stage())),
          row.status(), barrierStages.contains(new StageRef(row.job(), row.stage())), row.barrierWaits(),
          gpus.isEmpty() ? null : "gpu " + String.join(",", gpus)));
      if (bars.size() > limit) {
        overflowed = true;
        spill();
      }
    }

    private void spill() {
      for (RawBar b : bars) addHeat(b.track, b.startMs, b.endMs);
      bars.clear();
    }

    /**
     * Adds a busy interval of real time to the executor's buckets of display time in O(1): partial
     * first and last buckets, whole ones as a difference. An attempt never overlaps a cut (cuts are
     * idle in every mode), so display time runs at real speed across it.
     */
    private void addHeat(Track t, long realStart, long realEnd) {
      long start = timeline.toDisplayMs(realStart);
      long end = timeline.toDisplayMs(realEnd);
      while (rowBusyMs.size() <= t.row) {
        rowBusyMs.add(new double[HEAT_BUCKETS]);
        rowFullBuckets.add(new int[HEAT_BUCKETS + 1]);
      }
      if (end <= start) return;
      double[] busy = rowBusyMs.get(t.row);
      int[] full = rowFullBuckets.get(t.row);
      int b0 = bucket(start);
      int b1 = bucket(end - 1);
      if (b0 == b1) {
        busy[b0] += end - start;
        return;
      }
      busy[b0] += (b0 + 1) * bucketMs - start;
      busy[b1] += end - b1 * bucketMs;
      full[b0 + 1]++;
      full[b1]--;
    }

    private int bucket(long ms) {
      return (int) Math.min(HEAT_BUCKETS - 1, Math.max(0, ms / bucketMs));
    }

    /** An executor's lanes: its cores over spark.task.cpus, or more if the file shows more. */
    private int lanesOf(Track t) {
      return Math.max(1, Math.max(t.cores / taskCpus, t.maxSlot + 1));
    }

    Arm finish(boolean heat) {
      List<Lane> lanes = new ArrayList<>();
      Map<Track, Integer> firstLane = new LinkedHashMap<>();
      for (Track t : tracks.values()) {
        firstLane.put(t, lanes.size());
        for (int s = 0; s < lanesOf(t); s++) lanes.add(new Lane(t.id, s));
      }
      if (heat) {
        spill();
        // A row that stands for several executors cannot show one executor's absence.
        return new Arm(mode, lanes, List.of(), heat(), attempts, executorsPerRow == 1 ? absences(null) : List.of(),
            slotChecks, runEndMs);
      }
      List<Bar> out = new ArrayList<>(bars.size());
      for (RawBar b : bars) {
        out.add(new Bar(firstLane.get(b.track) + b.slot, b.startMs, b.endMs, b.stage, b.status, b.barrierStage,
            b.barrierWaits, b.gpus));
      }
      return new Arm(mode, lanes, out, null, attempts, absences(firstLane), slotChecks, runEndMs);
    }

    private Heat heat() {
      int rows = tracks.values().stream().mapToInt(t -> t.row + 1).max().orElse(0);
      List<List<Track>> members = new ArrayList<>();
      for (int r = 0; r < rows; r++) members.add(new ArrayList<>());
      int maxLanes = 1;
      for (Track t : tracks.values()) {
        members.get(t.row).add(t);
        maxLanes = Math.max(maxLanes, lanesOf(t));
      }
      List<String> labels = new ArrayList<>();
      double[][] mean = new double[rows][HEAT_BUCKETS];
      for (int r = 0; r < rows; r++) {
        List<Track> m = members.get(r);
        labels.add(m.size() == 1 ? m.get(0).id : m.get(0).id + "–" + m.get(m.size() - 1).id);
        if (r >= rowBusyMs.size()) continue;
        double[] busy = rowBusyMs.get(r);
        int[] fullDiff = rowFullBuckets.get(r);
        int full = 0;
        for (int b = 0; b < HEAT_BUCKETS; b++) {
          full += fullDiff[b];
          mean[r][b] = (busy[b] + (double) full * bucketMs) / bucketMs / m.size();
        }
      }
      return new Heat(bucketMs, labels, mean, maxLanes, executorsPerRow);
    }

    /** With {@code firstLane} null, rows are executors (heat); otherwise each executor covers its lanes. */
    private List<Absence> absences(Map<Track, Integer> firstLane) {
      List<Absence> out = new ArrayList<>();
      for (Track t : tracks.values()) {
        int first = firstLane == null ? t.row : firstLane.get(t);
        int last = firstLane == null ? t.row : first + lanesOf(t) - 1;
        if (t.addedMs > 0) out.add(new Absence(first, last, new Interval(0, Math.min(t.addedMs, runEndMs)), false));
        if (t.lostMs != RunEvents.NEVER && t.lostMs < runEndMs) {
          out.add(new Absence(first, last, new Interval(t.lostMs, runEndMs), true));
        }
      }
      return out;
    }
  }
}
