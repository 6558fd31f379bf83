package dev.barriersim.core.metrics;

import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Streams {@code tasks.csv}: one row per task attempt in launch order. A row is written as soon
 * as it and every attempt launched before it have ended, so memory holds only the attempts
 * between the oldest running one and the newest launch. Attempts still running when the run
 * stops are written last with status RUNNING and an empty {@code endMs}.
 */
public final class TaskTimelineWriter implements SimulationListener {
  /** The CSV header; the contract's columns first. */
  public static final String HEADER =
      "job,stage,stageAttempt,partition,attempt,executor,host,launchMs,endMs,status,reason,taskId\n";

  private static final class Row {
    final TaskLaunched launch;
    TaskEnded end;

    Row(TaskLaunched launch) {
      this.launch = launch;
    }
  }

  private final Writer out;
  private final ArrayDeque<Row> pending = new ArrayDeque<>();
  private final Map<Long, Row> byTaskId = new HashMap<>();
  private final StringBuilder line = new StringBuilder(160);

  /** Writes the header to {@code out}. */
  public TaskTimelineWriter(Writer out) {
    this.out = out;
    write(HEADER);
  }

  @Override
  public void onEvent(SimEvent e) {
    if (e instanceof TaskLaunched l) {
      Row row = new Row(l);
      pending.addLast(row);
      byTaskId.put(l.taskId(), row);
    } else if (e instanceof TaskEnded end) {
      Row row = byTaskId.remove(end.taskId());
      if (row != null) {
        row.end = end;
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
    csv(r.end == null || r.end.reason() == null ? "" : r.end.reason()).append(',').append(l.taskId()).append('\n');
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
