package dev.barriersim.report.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the rows of a {@code tasks.csv}, one {@link TaskRow} at a time. Columns are found by
 * their header names, so files written before {@code slot}, {@code resources} and
 * {@code barrierWaits} existed still read; a missing {@code slot} is derived (see
 * {@link SlotAssigner}).
 */
public final class TasksCsv implements Closeable {
  /** Columns every file has. */
  static final List<String> REQUIRED =
      List.of("job", "stage", "stageAttempt", "partition", "attempt", "executor", "launchMs", "endMs", "status");

  private final Path file;
  private final CsvRecords records;
  private final Map<String, Integer> column = new HashMap<>();
  private final SlotAssigner derivedSlots;

  private TasksCsv(Path file, CsvRecords records) throws IOException {
    this.file = file;
    this.records = records;
    List<String> header = records.next();
    if (header == null) throw new IOException(file + ": empty file, expected a header line");
    for (int i = 0; i < header.size(); i++) column.putIfAbsent(header.get(i).trim(), i);
    List<String> missing = REQUIRED.stream().filter(c -> !column.containsKey(c)).toList();
    if (!missing.isEmpty()) throw new IOException(file + ": the header lacks the column(s) " + String.join(", ", missing));
    derivedSlots = column.containsKey("slot") ? null : new SlotAssigner();
  }

  /** Opens {@code file} and reads its header. */
  public static TasksCsv open(Path file) throws IOException {
    BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    try {
      return new TasksCsv(file, new CsvRecords(in));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Reads every row of {@code file} in order and hands it to {@code sink}. */
  public static void forEach(Path file, RowSink sink) throws IOException {
    try (TasksCsv csv = open(file)) {
      TaskRow row;
      while ((row = csv.next()) != null) sink.accept(row);
    }
  }

  /** Receives rows; may throw to stop the reading. */
  @FunctionalInterface
  public interface RowSink {
    /** Takes one row. */
    void accept(TaskRow row) throws IOException;
  }

  /** Whether the file has the {@code slot} column (otherwise slots are derived). */
  public boolean hasSlotColumn() {
    return derivedSlots == null;
  }

  /** Whether the file has the {@code resources} column. */
  public boolean hasResourcesColumn() {
    return column.containsKey("resources");
  }

  /** The next row, or null after the last one. */
  public TaskRow next() throws IOException {
    List<String> f = records.next();
    if (f == null) return null;
    try {
      String executor = text(f, "executor");
      long launch = number(f, "launchMs");
      String endText = text(f, "endMs");
      long end = endText.isEmpty() ? TaskRow.NO_END : Long.parseLong(endText);
      TaskStatus status = status(text(f, "status"));
      if (end != TaskRow.NO_END && end < launch) throw new IllegalArgumentException("endMs " + end + " is before launchMs " + launch);
      int slot = derivedSlots != null
          ? derivedSlots.assign(executor, launch, end, end != TaskRow.NO_END)
          : (int) number(f, "slot");
      return new TaskRow(text(f, "job"), text(f, "stage"), (int) number(f, "stageAttempt"), (int) number(f, "partition"),
          (int) number(f, "attempt"), executor, text(f, "host"), launch, end, status, text(f, "reason"),
          optionalNumber(f, "taskId"), slot, text(f, "resources"), waits(text(f, "barrierWaits")));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": line " + records.recordLine() + ": " + e.getMessage(), e);
    }
  }

  private String text(List<String> f, String name) {
    Integer i = column.get(name);
    return i == null || i >= f.size() ? "" : f.get(i);
  }

  private long number(List<String> f, String name) {
    String s = text(f, name);
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("column " + name + ": '" + s + "' is not a whole number");
    }
  }

  private long optionalNumber(List<String> f, String name) {
    return text(f, name).isEmpty() ? -1 : number(f, name);
  }

  private static TaskStatus status(String s) {
    try {
      return TaskStatus.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("column status: '" + s + "' is not SUCCESS, FAILED, KILLED or RUNNING");
    }
  }

  /** Parses {@code 1000-1500 3000-3200}. */
  static List<Interval> waits(String s) {
    if (s.isBlank()) return List.of();
    List<Interval> out = new ArrayList<>(2);
    for (String pair : s.trim().split(" +")) {
      int dash = pair.indexOf('-', 1);
      if (dash < 0) throw new IllegalArgumentException("column barrierWaits: '" + pair + "' is not enter-leave");
      try {
        out.add(new Interval(Long.parseLong(pair.substring(0, dash)), Long.parseLong(pair.substring(dash + 1))));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("column barrierWaits: '" + pair + "' is not enter-leave in whole ms");
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    records.close();
  }
}
