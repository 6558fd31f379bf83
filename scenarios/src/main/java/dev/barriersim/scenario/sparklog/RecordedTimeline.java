package dev.barriersim.scenario.sparklog;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The recorded task attempts of the imported jobs in the {@code tasks.csv} format of a run
 * (docs/outputs.md), so a report can draw the recorded run beside the simulated one: scenario
 * names ({@code job-4}, {@code stage-8}), the scenario's executor ids, times in ms after the
 * scenario's time 0, rows in launch order, each attempt on the lowest lane of its executor free
 * at its launch (as the simulator assigns slots). Spark's {@code Finish Time} is the driver's, a
 * few ms after the executor reused the slot, so when every lane of an executor seems held, the
 * one whose attempt ends first is taken: it was free.
 */
public final class RecordedTimeline {
  /** The header, the same as the simulator's {@code tasks.csv}. */
  public static final String HEADER = "job,stage,stageAttempt,partition,attempt,executor,host,launchMs,endMs,status,"
      + "reason,taskId,slot,resources,barrierWaits\n";

  /** The lane of an attempt that never ended. */
  private static final long HELD_FOREVER = Long.MAX_VALUE;

  private final RecordedTasks tasks;
  private final Map<Integer, RecordedStage> stages;
  private final long origin;
  private final Map<String, String> executorIds;
  private final Map<String, Integer> lanes;

  /** {@code lanes}: task slots per Spark executor id (cores over spark.task.cpus); unknown executors have no limit. */
  RecordedTimeline(RecordedTasks tasks, Map<Integer, RecordedStage> stages, long origin, Map<String, String> executorIds,
      Map<String, Integer> lanes) {
    this.tasks = tasks;
    this.stages = stages;
    this.origin = origin;
    this.executorIds = Map.copyOf(executorIds);
    this.lanes = Map.copyOf(lanes);
  }

  /** The number of task attempts (rows). */
  public int attempts() {
    return tasks.size();
  }

  /** Writes the header and every row to {@code out} (not closed). */
  public void writeTo(Writer out) throws IOException {
    out.write(HEADER);
    Integer[] order = launchOrder();
    int[] slots = slots(order);
    StringBuilder line = new StringBuilder(160);
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      RecordedStage s = stages.get(tasks.stage(i));
      line.setLength(0);
      line.append(s.owner.name()).append(',').append(s.scenarioName()).append(',').append(tasks.stageAttempt(i)).append(',')
          .append(tasks.partition(i)).append(',').append(tasks.attempt(i)).append(',');
      csv(line, executorIds.getOrDefault(tasks.executor(i), tasks.executor(i))).append(',');
      csv(line, tasks.host(i)).append(',').append(tasks.launch(i) - origin).append(',');
      if (tasks.finish(i) >= 0) line.append(Math.max(tasks.finish(i), tasks.launch(i)) - origin);
      line.append(',').append(RecordedTasks.STATUS[tasks.status(i)]).append(',');
      csv(line, tasks.reason(i)).append(',').append(tasks.taskId(i)).append(',').append(slots[k]).append(",,\n");
      out.append(line);
    }
  }

  private Integer[] launchOrder() {
    Integer[] order = new Integer[tasks.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> tasks.launch(a) != tasks.launch(b) ? Long.compare(tasks.launch(a), tasks.launch(b))
        : Long.compare(tasks.taskId(a), tasks.taskId(b)));
    return order;
  }

  /** The lowest lane of its executor free at each launch; an attempt that ended at or before a launch has freed its lane. */
  private int[] slots(Integer[] order) {
    int[] slot = new int[order.length];
    Map<String, long[]> laneEnds = new HashMap<>(); // per executor: the end of the attempt on each lane (-1: free)
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      String ex = tasks.executor(i);
      long[] ends = laneEnds.computeIfAbsent(ex, x -> new long[Math.max(1, lanes.getOrDefault(x, 1))]);
      long launch = tasks.launch(i);
      int lane = -1;
      int earliest = 0;
      for (int l = 0; l < ends.length && lane < 0; l++) {
        if (ends[l] != HELD_FOREVER && ends[l] <= launch) lane = l;
        else if (ends[l] < ends[earliest]) earliest = l;
      }
      if (lane < 0 && lanes.containsKey(ex)) lane = earliest;
      if (lane < 0) {
        // More attempts than known lanes (an executor without an ExecutorAdded): a new lane.
        ends = java.util.Arrays.copyOf(ends, ends.length + 1);
        laneEnds.put(ex, ends);
        lane = ends.length - 1;
      }
      ends[lane] = tasks.finish(i) >= 0 ? Math.max(tasks.finish(i), launch) : HELD_FOREVER;
      slot[k] = lane;
    }
    return slot;
  }

  private static StringBuilder csv(StringBuilder line, String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return line.append(s);
    line.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') line.append('"');
      line.append(c);
    }
    return line.append('"');
  }
}
