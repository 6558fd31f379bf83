package dev.barriersim.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a large, well-formed Spark 3.5 event log to a file without holding it: a coarse-grained
 * cluster, jobs of chained stages (every fifth stage a barrier stage), each task a TaskStart and a
 * TaskEnd line with Task Metrics and accumulables as Spark writes them (about 1 KB per TaskEnd with
 * the default padding), launched in waves over the cluster's slots.
 */
final class SyntheticEventLog {
  private SyntheticEventLog() {}

  /** Writes {@code tasks} tasks ({@code 2 x tasks} task events) in stages of {@code perStage}; returns the file's size. */
  static long write(Path file, int tasks, int perStage, int executors, int cores) throws IOException {
    long t0 = 1_700_000_000_000L;
    int stages = (tasks + perStage - 1) / perStage;
    int stagesPerJob = 5;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"3.5.9\"}\n");
      w.write("{\"Event\":\"SparkListenerResourceProfileAdded\",\"Resource Profile Id\":0,\"Executor Resource Requests\":"
          + "{\"cores\":{\"Resource Name\":\"cores\",\"Amount\":" + cores + ",\"Discovery Script\":\"\",\"Vendor\":\"\"}},"
          + "\"Task Resource Requests\":{\"cpus\":{\"Resource Name\":\"cpus\",\"Amount\":1.0}}}\n");
      w.write("{\"Event\":\"SparkListenerEnvironmentUpdate\",\"JVM Information\":{\"Java Version\":\"17\"},\"Spark Properties\":"
          + "{\"spark.master\":\"spark://master:7077\",\"spark.app.id\":\"app-synthetic\",\"spark.scheduler.mode\":\"FIFO\"},"
          + "\"Hadoop Properties\":{},\"System Properties\":{},\"Metrics Properties\":{},\"Classpath Entries\":{}}\n");
      w.write("{\"Event\":\"SparkListenerApplicationStart\",\"App Name\":\"synthetic\",\"App ID\":\"app-synthetic\","
          + "\"Timestamp\":" + t0 + ",\"User\":\"spark\"}\n");
      w.write("{\"Event\":\"SparkListenerBlockManagerAdded\",\"Block Manager ID\":{\"Executor ID\":\"driver\",\"Host\":\"h\","
          + "\"Port\":1},\"Maximum Memory\":1,\"Timestamp\":" + (t0 + 500) + "}\n");
      for (int e = 0; e < executors; e++) {
        w.write("{\"Event\":\"SparkListenerExecutorAdded\",\"Timestamp\":" + (t0 + 1000) + ",\"Executor ID\":\"" + e
            + "\",\"Executor Info\":{\"Host\":\"node-" + e + "\",\"Total Cores\":" + cores + ",\"Log Urls\":{},"
            + "\"Attributes\":{},\"Resources\":{},\"Resource Profile Id\":0}}\n");
      }
      long now = t0 + 2000;
      long taskId = 0;
      int slots = executors * cores;
      long[] slotFree = new long[slots];
      int written = 0;
      for (int s = 0; s < stages; s++) {
        int job = s / stagesPerJob;
        int n = Math.min(perStage, tasks - written);
        boolean barrier = s % 5 == 4 && n <= slots;
        if (s % stagesPerJob == 0) {
          StringBuilder ids = new StringBuilder();
          StringBuilder infos = new StringBuilder();
          for (int k = s; k < Math.min(stages, s + stagesPerJob); k++) {
            int nk = Math.min(perStage, tasks - k * perStage);
            ids.append(k == s ? "" : ",").append(k);
            infos.append(k == s ? "" : ",").append(stageInfo(k, nk, k % 5 == 4 && nk <= slots, k == s ? "" : String.valueOf(k - 1)));
          }
          w.write("{\"Event\":\"SparkListenerJobStart\",\"Job ID\":" + job + ",\"Submission Time\":" + now
              + ",\"Stage Infos\":[" + infos + "],\"Stage IDs\":[" + ids + "],\"Properties\":{\"spark.job.description\":\"job "
              + job + "\"}}\n");
        }
        w.write("{\"Event\":\"SparkListenerStageSubmitted\",\"Stage Info\":" + stageInfo(s, n, barrier, s % stagesPerJob == 0
            ? "" : String.valueOf(s - 1)).replace("\"Accumulables\":[]", "\"Submission Time\":" + now + ",\"Accumulables\":[]")
            + ",\"Properties\":{}}\n");
        long stageEnd = now;
        java.util.Arrays.fill(slotFree, now);
        for (int p = 0; p < n; p++) {
          int slot = p % slots;
          long launch = barrier ? now : Math.max(now, slotFree[slot]);
          long duration = 200 + (p * 7919L + s * 104729L) % 1800;
          long finish = launch + duration;
          slotFree[slot] = finish;
          stageEnd = Math.max(stageEnd, finish);
          String exec = String.valueOf(slot % executors);
          String info = taskInfo(taskId, p, launch, 0, exec);
          w.write("{\"Event\":\"SparkListenerTaskStart\",\"Stage ID\":" + s + ",\"Stage Attempt ID\":0,\"Task Info\":" + info + "}\n");
          w.write("{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":" + s + ",\"Stage Attempt ID\":0,\"Task Type\":\""
              + (s % stagesPerJob == stagesPerJob - 1 ? "ResultTask" : "ShuffleMapTask") + "\",\"Task End Reason\":"
              + "{\"Reason\":\"Success\"},\"Task Info\":" + taskInfo(taskId, p, launch, finish, exec).replace(
                  "\"Accumulables\":[]", ACCUMULABLES) + ",\"Task Executor Metrics\":{\"JVMHeapMemory\":0,\"JVMOffHeapMemory\":0},"
              + "\"Task Metrics\":{\"Executor Deserialize Time\":5,\"Executor Deserialize CPU Time\":4000000,"
              + "\"Executor Run Time\":" + (duration - 20) + ",\"Executor CPU Time\":" + (duration - 30) * 1_000_000
              + ",\"Peak Execution Memory\":0,\"Result Size\":1500,\"JVM GC Time\":0,\"Result Serialization Time\":1,"
              + "\"Memory Bytes Spilled\":0,\"Disk Bytes Spilled\":0,\"Shuffle Read Metrics\":{\"Remote Blocks Fetched\":0,"
              + "\"Local Blocks Fetched\":4,\"Fetch Wait Time\":0,\"Remote Bytes Read\":0,\"Local Bytes Read\":236},"
              + "\"Shuffle Write Metrics\":{\"Shuffle Bytes Written\":59,\"Shuffle Write Time\":412345,"
              + "\"Shuffle Records Written\":1},\"Input Metrics\":{\"Bytes Read\":0,\"Records Read\":0},"
              + "\"Output Metrics\":{\"Bytes Written\":0,\"Records Written\":0},\"Updated Blocks\":[]}}\n");
          taskId++;
        }
        written += n;
        w.write("{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":" + stageInfo(s, n, barrier, "").replace(
            "\"Accumulables\":[]", "\"Submission Time\":" + now + ",\"Completion Time\":" + (stageEnd + 3)
                + ",\"Accumulables\":[]") + "}\n");
        now = stageEnd + 10;
        if (s % stagesPerJob == stagesPerJob - 1 || s == stages - 1) {
          w.write("{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":" + job + ",\"Completion Time\":" + now
              + ",\"Job Result\":{\"Result\":\"JobSucceeded\"}}\n");
          now += 50;
        }
      }
      w.write("{\"Event\":\"SparkListenerApplicationEnd\",\"Timestamp\":" + now + "}\n");
    }
    return Files.size(file);
  }

  private static final String ACCUMULABLES = "\"Accumulables\":[" + String.join(",",
      acc(2, "internal.metrics.executorDeserializeTime", 5), acc(3, "internal.metrics.executorDeserializeCpuTime", 4000000),
      acc(4, "internal.metrics.executorRunTime", 1000), acc(5, "internal.metrics.executorCpuTime", 990000000),
      acc(6, "internal.metrics.resultSize", 1500), acc(11, "internal.metrics.shuffle.write.bytesWritten", 59)) + "]";

  private static String acc(int id, String name, long value) {
    return "{\"ID\":" + id + ",\"Name\":\"" + name + "\",\"Update\":" + value + ",\"Value\":" + value
        + ",\"Internal\":true,\"Count Failed Values\":true}";
  }

  private static String taskInfo(long id, int p, long launch, long finish, String exec) {
    return "{\"Task ID\":" + id + ",\"Index\":" + p + ",\"Attempt\":0,\"Partition ID\":" + p + ",\"Launch Time\":" + launch
        + ",\"Executor ID\":\"" + exec + "\",\"Host\":\"node-" + exec + "\",\"Locality\":\"PROCESS_LOCAL\","
        + "\"Speculative\":false,\"Getting Result Time\":0,\"Finish Time\":" + finish + ",\"Failed\":false,"
        + "\"Killed\":false,\"Accumulables\":[]}";
  }

  private static String stageInfo(int id, int tasks, boolean barrier, String parent) {
    return "{\"Stage ID\":" + id + ",\"Stage Attempt ID\":0,\"Stage Name\":\"map at Synthetic.scala:" + id + "\","
        + "\"Number of Tasks\":" + tasks + ",\"RDD Info\":[{\"RDD ID\":" + id + ",\"Name\":\"rdd\",\"Parent IDs\":[],"
        + "\"Storage Level\":{\"Use Disk\":false,\"Use Memory\":false,\"Use Off Heap\":false,\"Deserialized\":false,"
        + "\"Replication\":1},\"Barrier\":" + barrier + ",\"DeterministicLevel\":\"DETERMINATE\",\"Number of Partitions\":"
        + tasks + ",\"Number of Cached Partitions\":0,\"Memory Size\":0,\"Disk Size\":0}],\"Parent IDs\":[" + parent
        + "],\"Details\":\"\",\"Resource Profile Id\":0,\"Accumulables\":[]}";
  }
}
