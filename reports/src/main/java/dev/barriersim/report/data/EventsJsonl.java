package dev.barriersim.report.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.barriersim.report.data.RunEvents.ExecutorSpan;
import dev.barriersim.report.data.RunEvents.SlotCheck;
import dev.barriersim.report.data.RunEvents.SlotCheckWait;
import dev.barriersim.report.data.RunEvents.StageRef;
import dev.barriersim.report.data.RunEvents.TaskSetWait;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@code events.jsonl} with Jackson's streaming parser and keeps only what the charts
 * need (see {@link RunEvents}); unknown event types and fields are skipped. Memory grows with
 * executors and barrier stages, never with tasks.
 */
public final class EventsJsonl {
  private static final JsonFactory JSON = new JsonFactory();

  private EventsJsonl() {}

  /** Reads {@code file}. */
  public static RunEvents read(Path file) throws IOException {
    try (JsonParser p = JSON.createParser(file.toFile())) {
      Collector c = new Collector();
      Event e = new Event();
      JsonToken tok;
      while ((tok = p.nextToken()) != null) {
        if (tok != JsonToken.START_OBJECT) throw new JsonParseException(p, "expected one JSON object per line");
        e.read(p);
        c.accept(e);
      }
      return c.finish();
    } catch (JsonParseException e) {
      throw new IOException(file + ": line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** The fields of one event that matter here; reused from line to line. */
  private static final class Event {
    long t;
    String type;
    String job;
    String stage;
    int stageAttempt;
    String executor;
    String host;
    int cores;
    String resources;
    boolean barrier;
    int required;
    int available;
    boolean willRetry;

    void read(JsonParser p) throws IOException {
      t = 0;
      type = job = stage = executor = host = resources = null;
      stageAttempt = cores = required = available = 0;
      barrier = willRetry = false;
      JsonToken tok;
      while ((tok = p.nextToken()) != JsonToken.END_OBJECT) {
        if (tok != JsonToken.FIELD_NAME) throw new JsonParseException(p, "expected a field name");
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        switch (name) {
          case "t" -> t = p.getLongValue();
          case "type" -> {
            type = p.getText();
            if (!Collector.wanted(type)) {
              skipRest(p);
              return;
            }
          }
          case "job" -> job = p.getText();
          case "stage" -> stage = p.getText();
          case "stageAttempt" -> stageAttempt = p.getIntValue();
          case "executor" -> executor = p.getText();
          case "host" -> host = p.getText();
          case "cores" -> cores = p.getIntValue();
          case "resources" -> resources = p.getText();
          case "barrier" -> barrier = v == JsonToken.VALUE_TRUE;
          case "required" -> required = p.getIntValue();
          case "available" -> available = p.getIntValue();
          case "willRetry" -> willRetry = v == JsonToken.VALUE_TRUE;
          default -> { }
        }
      }
    }

    /** Skips to the end of this (flat or nested) object; {@code t} was read already, as it comes first. */
    private static void skipRest(JsonParser p) throws IOException {
      int depth = 1;
      while (depth > 0) {
        JsonToken tok = p.nextToken();
        if (tok == null) throw new JsonParseException(p, "unexpected end of input inside an event");
        if (tok == JsonToken.START_OBJECT || tok == JsonToken.START_ARRAY) depth++;
        else if (tok == JsonToken.END_OBJECT || tok == JsonToken.END_ARRAY) depth--;
      }
    }
  }

  /** Folds events into the result, one at a time. */
  private static final class Collector {
    private static final Set<String> WANTED = Set.of("ExecutorAdded", "ExecutorLost", "ExecutorDecommissioned",
        "JobStarted", "JobEnded", "SlotCheckFailed", "StageSubmitted", "StageCompleted", "TaskLaunched");

    private final Map<String, MutableExecutor> executors = new LinkedHashMap<>();
    private final List<MutableWait> taskSetWaits = new ArrayList<>();
    private final Map<String, MutableWait> openTaskSetWaits = new LinkedHashMap<>();
    private final List<MutableWait> slotCheckWaits = new ArrayList<>();
    private final Map<String, MutableWait> openSlotCheckWaits = new LinkedHashMap<>();
    private final List<SlotCheck> slotChecks = new ArrayList<>();
    private final Set<StageRef> barrierStages = new LinkedHashSet<>();
    private long lastT;

    static boolean wanted(String type) {
      return WANTED.contains(type);
    }

    void accept(Event e) {
      lastT = Math.max(lastT, e.t);
      if (e.type == null || !wanted(e.type)) return;
      switch (e.type) {
        case "ExecutorAdded" -> executors.put(e.executor, new MutableExecutor(e.executor, e.host, e.cores,
            amounts(e.resources), e.t));
        case "ExecutorDecommissioned" -> {
          MutableExecutor x = executors.get(e.executor);
          if (x != null) x.decommissionedMs = e.t;
        }
        case "ExecutorLost" -> {
          MutableExecutor x = executors.get(e.executor);
          if (x != null && x.lostMs == RunEvents.NEVER) x.lostMs = e.t;
        }
        case "SlotCheckFailed" -> {
          slotChecks.add(new SlotCheck(e.t, e.job, e.stage, e.required, e.available, e.willRetry));
          if (!openSlotCheckWaits.containsKey(e.job)) {
            MutableWait w = new MutableWait(e.job, e.stage, 0, e.t);
            openSlotCheckWaits.put(e.job, w);
            slotCheckWaits.add(w);
          }
        }
        case "JobStarted" -> close(openSlotCheckWaits.remove(e.job), e.t, true);
        case "JobEnded" -> close(openSlotCheckWaits.remove(e.job), e.t, false);
        case "StageSubmitted" -> {
          if (e.barrier) {
            barrierStages.add(new StageRef(e.job, e.stage));
            MutableWait w = new MutableWait(e.job, e.stage, e.stageAttempt, e.t);
            openTaskSetWaits.put(key(e), w);
            taskSetWaits.add(w);
          }
        }
        case "TaskLaunched" -> {
          if (!openTaskSetWaits.isEmpty()) close(openTaskSetWaits.remove(key(e)), e.t, true);
        }
        case "StageCompleted" -> close(openTaskSetWaits.remove(key(e)), e.t, false);
        default -> { }
      }
    }

    private static String key(Event e) {
      return e.job + '\u0000' + e.stage + '\u0000' + e.stageAttempt;
    }

    private static void close(MutableWait w, long t, boolean happened) {
      if (w == null) return;
      w.endMs = t;
      w.happened = happened;
    }

    RunEvents finish() {
      List<ExecutorSpan> ex = executors.values().stream().map(x -> new ExecutorSpan(x.id, x.host, x.cores, x.resources,
          x.addedMs, x.decommissionedMs, x.lostMs)).toList();
      List<TaskSetWait> ts = taskSetWaits.stream().map(w -> new TaskSetWait(w.job, w.stage, w.stageAttempt,
          new Interval(w.startMs, w.endOr(lastT)), w.happened)).toList();
      List<SlotCheckWait> sc = slotCheckWaits.stream().map(w -> new SlotCheckWait(w.job, w.stage,
          new Interval(w.startMs, w.endOr(lastT)), w.happened)).toList();
      return new RunEvents(ex, ts, sc, slotChecks, barrierStages, lastT);
    }

    /** {@code gpu:2;fpga:1} to {@code {gpu=2, fpga=1}}. */
    static Map<String, Integer> amounts(String s) {
      Map<String, Integer> out = new LinkedHashMap<>();
      if (s == null || s.isBlank()) return out;
      for (String part : s.split(";")) {
        int colon = part.indexOf(':');
        if (colon <= 0) continue;
        try {
          out.put(part.substring(0, colon).trim(), Integer.parseInt(part.substring(colon + 1).trim()));
        } catch (NumberFormatException ignored) {
          // An amount we cannot read is left out rather than failing the whole chart.
        }
      }
      return out;
    }
  }

  private static final class MutableExecutor {
    final String id;
    final String host;
    final int cores;
    final Map<String, Integer> resources;
    final long addedMs;
    long decommissionedMs = RunEvents.NEVER;
    long lostMs = RunEvents.NEVER;

    MutableExecutor(String id, String host, int cores, Map<String, Integer> resources, long addedMs) {
      this.id = id;
      this.host = host;
      this.cores = cores;
      this.resources = resources;
      this.addedMs = addedMs;
    }
  }

  private static final class MutableWait {
    final String job;
    final String stage;
    final int stageAttempt;
    final long startMs;
    long endMs = RunEvents.NEVER;
    boolean happened;

    MutableWait(String job, String stage, int stageAttempt, long startMs) {
      this.job = job;
      this.stage = stage;
      this.stageAttempt = stageAttempt;
      this.startMs = startMs;
    }

    long endOr(long runEnd) {
      return endMs == RunEvents.NEVER ? Math.max(startMs, runEnd) : endMs;
    }
  }
}
