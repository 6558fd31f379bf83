package dev.barriersim.core.observe;

import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Streams {@code tasks.csv}: one row per task attempt in launch order. A row is written as soon
 * as it and every attempt launched before it have ended, so memory holds only the attempts
 * between the oldest running one and the newest launch. Attempts still running when the run
 * stops are written last with status RUNNING and an empty {@code endMs}.
 *
 * <p>{@code slot} is the lane the attempt held on its executor, the lowest one free at launch;
 * {@code resources} the custom resource addresses it held ({@code gpu:0 1;fpga:0}); and
 * {@code barrierWaits} its intervals inside {@code barrier()} ({@code 1000-1500 3000-3200}).
 */
public final class TaskTimelineWriter implements SimulationListener {
  /** The CSV header; the contract's columns first. */
  public static final String HEADER =
      "job,stage,stageAttempt,partition,attempt,executor,host,launchMs,endMs,status,reason,taskId,slot,resources,"
          + "barrierWaits\n";

  private static final class Row {
    final TaskLaunched launch;
    final int slot;
    TaskEnded end;

    Row(TaskLaunched launch, int slot) {
      this.launch = launch;
      this.slot = slot;
    }
  }

  private final Writer out;
  private final ArrayDeque<Row> pending = new ArrayDeque<>();
  private final Map<Long, Row> byTaskId = new HashMap<>();
  /** Lanes held on each executor. */
  private final Map<String, BitSet> lanes = new HashMap<>();
  private final StringBuilder line = new StringBuilder(160);

  /** Writes the header to {@code out}. */
  public TaskTimelineWriter(Writer out) {
    this.out = out;
    write(HEADER);
  }

  @Override
  public void onEvent(SimEvent e) {
    if (e instanceof TaskLaunched l) {
      BitSet held = lanes.computeIfAbsent(l.executor(), x -> new BitSet());
      int slot = held.nextClearBit(0);
      held.set(slot);
      Row row = new Row(l, slot);
      pending.addLast(row);
      byTaskId.put(l.taskId(), row);
    } else if (e instanceof TaskEnded end) {
      Row row = byTaskId.remove(end.taskId());
      if (row != null) {
        row.end = end;
        lanes.get(row.launch.executor()).clear(row.slot);
        while (!pending.isEmpty() && pending.peekFirst().end != null) writeRow(pending.pollFirst());
      }
    }
  }

  @Override
  public void onRunEnd(long endMs, dev.barriersim.core.Outcome outcome) {
    while (!pending.isEmpty()) writeRow(pending.pollFirst());
    byTaskId.clear();
  }

  private void writeRow(Row r) {
    TaskLaunched l = r.launch;
    line.setLength(0);
    csv(l.job()).append(',');
    csv(l.stage()).append(',').append(l.stageAttempt()).append(',').append(l.partition()).append(',')
        .append(l.attempt()).append(',');
    csv(l.executor()).append(',');
    csv(l.host()).append(',').append(l.t()).append(',');
    if (r.end != null) line.append(r.end.t());
    line.append(',').append(r.end == null ? TaskStatus.RUNNING : r.end.status()).append(',');
    csv(r.end == null || r.end.reason() == null ? "" : r.end.reason()).append(',').append(l.taskId()).append(',')
        .append(r.slot).append(',');
    if (l.resources() != null) line.append(l.resources().formatAddresses());
    line.append(',');
    if (r.end != null) {
      long[] w = r.end.barrierWaits();
      for (int i = 0; i < w.length; i += 2) {
        if (i > 0) line.append(' ');
        line.append(w[i]).append('-').append(w[i + 1]);
      }
    }
    line.append('\n');
    write(line);
  }

  private StringBuilder csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return line.append(s);
    }
    line.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') line.append('"');
      line.append(c);
    }
    return line.append('"');
  }

  private void write(CharSequence s) {
    try {
      out.append(s);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
