package dev.barriersim.report.chart;

import dev.barriersim.report.SummaryJson;
import dev.barriersim.report.data.EventsJsonl;
import dev.barriersim.report.data.RunEvents;
import dev.barriersim.report.data.ScenarioConf;
import dev.barriersim.report.data.ScenarioFiles;
import dev.barriersim.report.data.TasksCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What several charts of one folder read alike, read once per folder: the scenario's settings, the
 * events of each mode, how long each run lasted, and the time axis they share (idle gaps cut).
 * Every chart of a folder is rendered from the same {@link ScenarioFiles} instance, so the reads
 * are kept per instance, for the last few folders only.
 */
final class FolderReads {
  /** Folders kept: a batch renders at most one folder per pool thread at a time. */
  private static final int KEEP = 8;
  // Identity lookups only, never iterated: the order of evictions comes from the deque.
  private static final Map<ScenarioFiles, FolderReads> CACHE = new IdentityHashMap<>();
  private static final Deque<ScenarioFiles> ORDER = new ArrayDeque<>();

  private final ScenarioFiles in;
  private ScenarioConf conf;
  private Map<String, RunEvents> events;
  private Map<String, Long> runEnds;
  private long spanMs;
  private CutTimeline timeline;

  private FolderReads(ScenarioFiles in) {
    this.in = in;
  }

  /** The reads of {@code in}, shared with the other charts of the same folder. */
  static FolderReads of(ScenarioFiles in) {
    synchronized (CACHE) {
      FolderReads r = CACHE.get(in);
      if (r == null) {
        r = new FolderReads(in);
        CACHE.put(in, r);
        ORDER.addLast(in);
        while (ORDER.size() > KEEP) CACHE.remove(ORDER.removeFirst());
      }
      return r;
    }
  }

  /** {@code spark.task.cpus} and the declared stages, from the folder's scenario copy. */
  synchronized ScenarioConf conf() throws IOException {
    if (conf == null) conf = ScenarioConf.of(in);
    return conf;
  }

  /** The events of each mode that has an {@code events.jsonl}, in mode order. */
  synchronized Map<String, RunEvents> events() throws IOException {
    readRuns();
    return events;
  }

  /** When each mode's replication 0 ended: its makespan, or its last event if later. */
  synchronized Map<String, Long> runEnds() throws IOException {
    readRuns();
    return runEnds;
  }

  /** The time the timelines span: the longest run of replication 0 (at least 1 ms). */
  synchronized long spanMs() throws IOException {
    readRuns();
    return spanMs;
  }

  /** The time axis of the Gantt and utilization charts: the span with long idle gaps cut out. */
  synchronized CutTimeline timeline() throws IOException {
    if (timeline == null) {
      readRuns();
      timeline = CutTimeline.of(spanMs, IdleGaps.find(in, events, runEnds, spanMs));
    }
    return timeline;
  }

  private void readRuns() throws IOException {
    if (events != null) return;
    Map<String, RunEvents> ev = new LinkedHashMap<>();
    Map<String, Long> ends = new LinkedHashMap<>();
    long span = 1;
    for (String mode : in.modes()) {
      long end = 0;
      Optional<SummaryJson.Run> run = in.first(mode);
      if (run.isPresent()) end = run.get().makespanMs();
      if (Files.isRegularFile(in.events(mode))) {
        RunEvents e = EventsJsonl.read(in.events(mode));
        ev.put(mode, e);
        end = Math.max(end, e.runEndMs());
      }
      ends.put(mode, end);
      span = Math.max(span, end);
    }
    // A recorded run (an imported scenario) shares the time axis: its end counts like a mode's.
    if (Files.isRegularFile(in.recordedTasks())) {
      long[] end = {0};
      TasksCsv.forEach(in.recordedTasks(), row -> end[0] = Math.max(end[0], Math.max(row.launchMs(), row.endMs())));
      ends.put(GanttData.RECORDED, end[0]);
      span = Math.max(span, end[0]);
    }
    events = Collections.unmodifiableMap(ev);
    runEnds = Collections.unmodifiableMap(ends);
    spanMs = span;
  }
}
