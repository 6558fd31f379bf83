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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Reads {@code file}. Most lines are task launches and ends that the charts do not need: a line
   * that starts the way this project's writer starts every line ({@code {"t":123,"type":"Name"})
   * and names such a type is skipped after reading its time, without a JSON parser; every other line
   * is parsed in full.
   */
  public static RunEvents read(Path file) throws IOException {
    Collector c = new Collector();
    Event e = new Event();
    try (LineReader lines = new LineReader(Files.newInputStream(file))) {
      long lineNr = 0;
      while (lines.next()) {
        lineNr++;
        if (lines.blank()) continue;
        if (skippable(lines, c)) continue;
        try (JsonParser p = JSON.createParser(lines.buffer(), lines.start(), lines.length())) {
          if (p.nextToken() != JsonToken.START_OBJECT) throw new JsonParseException(p, "expected one JSON object per line");
          e.read(p);
          if (p.nextToken() != null) throw new JsonParseException(p, "expected one JSON object per line");
        } catch (JsonParseException ex) {
          throw new IOException(file + ": line " + lineNr + ": " + ex.getOriginalMessage(), ex);
        }
        c.accept(e);
      }
    }
    return c.finish();
  }

  private static final byte[] PREFIX = "{\"t\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TYPE = ",\"type\":\"".getBytes(StandardCharsets.US_ASCII);

  /**
   * Whether the current line is an event the charts skip: its time is taken, the rest is not
   * parsed. A line in any other shape is left to the parser, which reports it if it is broken.
   */
  private static boolean skippable(LineReader lines, Collector c) {
    byte[] b = lines.buffer();
    int i = lines.start();
    int end = i + lines.length();
    if (!startsWith(b, i, end, PREFIX)) return false;
    i += PREFIX.length;
    long t = 0;
    int digits = 0;
    while (i < end && b[i] >= '0' && b[i] <= '9' && digits < 18) {
      t = t * 10 + (b[i++] - '0');
      digits++;
    }
    if (digits == 0 || !startsWith(b, i, end, TYPE)) return false;
    i += TYPE.length;
    int nameStart = i;
    while (i < end && b[i] != '"' && b[i] != '\\') i++;
    if (i >= end || b[i] != '"' || b[end - 1] != '}') return false;
    String type = new String(b, nameStart, i - nameStart, StandardCharsets.US_ASCII);
    if (!c.skips(type)) return false;
    c.seen(t);
    return true;
  }

  private static boolean startsWith(byte[] b, int from, int end, byte[] prefix) {
    if (end - from < prefix.length) return false;
    for (int k = 0; k < prefix.length; k++) {
      if (b[from + k] != prefix[k]) return false;
    }
    return true;
  }

  /** Lines of a byte stream, one at a time, in a buffer that grows to the longest line. */
  private static final class LineReader implements java.io.Closeable {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int filled;
    private int pos;
    private int lineStart;
    private int lineEnd;
    private boolean eof;

    LineReader(InputStream in) {
      this.in = in;
    }

    /** Moves to the next line (without its line break); false at the end. */
    boolean next() throws IOException {
      while (true) {
        for (int i = pos; i < filled; i++) {
          if (buf[i] == '\n') {
            lineStart = pos;
            lineEnd = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
            pos = i + 1;
            return true;
          }
        }
        if (eof) {
          if (pos >= filled) return false;
          lineStart = pos;
          lineEnd = filled;
          pos = filled;
          return true;
        }
        fill();
      }
    }

    private void fill() throws IOException {
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, filled - pos);
        filled -= pos;
        pos = 0;
      }
      if (filled == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
      int n = in.read(buf, filled, buf.length - filled);
      if (n < 0) eof = true;
      else filled += n;
    }

    byte[] buffer() {
      return buf;
    }

    int start() {
      return lineStart;
    }

    int length() {
      return lineEnd - lineStart;
    }

    boolean blank() {
      for (int i = lineStart; i < lineEnd; i++) {
        if (buf[i] != ' ' && buf[i] != '\t') return false;
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
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

    /** Whether an event of {@code type} can be skipped: not wanted, or a launch while no barrier TaskSet waits. */
    boolean skips(String type) {
      return !wanted(type) || (type.equals("TaskLaunched") && openTaskSetWaits.isEmpty());
    }

    /** The time of a skipped event: it still moves the run's end. */
    void seen(long t) {
      lastT = Math.max(lastT, t);
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
