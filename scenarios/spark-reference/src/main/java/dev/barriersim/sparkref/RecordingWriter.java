package dev.barriersim.sparkref;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a recording: {@code tasks.csv} in the format of barriersim's recorded timelines (the
 * columns of a run's tasks.csv, docs/outputs.md, then {@code speculative} and {@code locality}),
 * {@code jobs.csv} and {@code executors.csv}, every time in ms after time 0 (the first timed job's
 * submission as Spark recorded it).
 */
final class RecordingWriter {
  private RecordingWriter() {}

  static final String TASKS_HEADER = "job,stage,stageAttempt,partition,attempt,executor,host,launchMs,endMs,status,"
      + "reason,taskId,slot,resources,barrierWaits,speculative,locality\n";

  static void write(Path dir, long origin, TaskRecorder r) throws IOException {
    Files.createDirectories(dir);
    List<TaskRecorder.Attempt> attempts = new ArrayList<>(r.attempts());
    attempts.sort(Comparator.comparingLong((TaskRecorder.Attempt a) -> a.launch).thenComparingLong(a -> a.taskId));
    Map<String, Integer> cores = new HashMap<>();
    for (TaskRecorder.ExecutorLife x : r.executors()) cores.put(x.id, x.cores);
    Map<String, long[]> lanes = new HashMap<>();
    StringBuilder t = new StringBuilder(TASKS_HEADER);
    for (TaskRecorder.Attempt a : attempts) {
      long[] ends = lanes.computeIfAbsent(a.executor, x -> filled(cores.getOrDefault(x, 1)));
      int slot = lane(ends, a.launch);
      ends[slot] = a.end >= 0 ? Math.max(a.end, a.launch) : Long.MAX_VALUE;
      t.append(a.job).append(',').append(a.stage).append(',').append(a.stageAttempt).append(',').append(a.partition)
          .append(',').append(a.attempt).append(',').append(a.executor).append(',').append(a.host).append(',')
          .append(a.launch - origin).append(',').append(a.end >= 0 ? String.valueOf(Math.max(a.end, a.launch) - origin) : "")
          .append(',').append(a.status).append(',').append(csv(a.reason)).append(',').append(a.taskId).append(',')
          .append(slot).append(",,,").append(a.speculative).append(',').append(a.locality).append('\n');
    }
    Files.writeString(dir.resolve("tasks.csv"), t, StandardCharsets.UTF_8);
    StringBuilder j = new StringBuilder("job,sparkJobId,submittedMs,endedMs,result\n");
    for (TaskRecorder.Job job : r.jobs()) {
      j.append(job.name()).append(',').append(job.id()).append(',').append(job.submitted() - origin).append(',')
          .append(job.ended() - origin).append(',').append(job.result()).append('\n');
    }
    Files.writeString(dir.resolve("jobs.csv"), j, StandardCharsets.UTF_8);
    StringBuilder e = new StringBuilder("executor,host,cores,addedMs,removedMs,reason\n");
    for (TaskRecorder.ExecutorLife x : r.executors()) {
      e.append(x.id).append(',').append(x.host).append(',').append(x.cores).append(',').append(x.added - origin).append(',')
          .append(x.removed >= 0 ? String.valueOf(x.removed - origin) : "").append(',').append(csv(x.reason)).append('\n');
    }
    Files.writeString(dir.resolve("executors.csv"), e, StandardCharsets.UTF_8);
  }

  private static long[] filled(int n) {
    long[] ends = new long[Math.max(1, n)];
    java.util.Arrays.fill(ends, -1);
    return ends;
  }

  /** The lowest lane free at {@code launch}; Spark's finish time is the driver's, so when none is, the earliest-ending. */
  private static int lane(long[] ends, long launch) {
    int earliest = 0;
    for (int l = 0; l < ends.length; l++) {
      if (ends[l] <= launch) return l;
      if (ends[l] < ends[earliest]) earliest = l;
    }
    return earliest;
  }

  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
