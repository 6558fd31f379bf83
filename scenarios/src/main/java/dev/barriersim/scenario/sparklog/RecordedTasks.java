package dev.barriersim.scenario.sparklog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every task attempt of the imported jobs as the log recorded it, kept in primitive columns (a
 * few dozen bytes per attempt, so a million attempts stay small): what {@code FILE.recorded.csv}
 * is written from. Attempts with a TaskStart but no TaskEnd (still running when the log ends) are
 * kept apart until their end shows up, which bounds that map by the slots of the cluster.
 */
final class RecordedTasks {
  /** Status codes, in {@code tasks.csv}'s words. */
  static final String[] STATUS = {"SUCCESS", "FAILED", "KILLED", "RUNNING"};
  static final byte SUCCESS = 0;
  static final byte FAILED = 1;
  static final byte KILLED = 2;
  static final byte RUNNING = 3;

  private int n;
  private int[] stage = new int[256];
  private int[] stageAttempt = new int[256];
  private int[] partition = new int[256];
  private int[] attempt = new int[256];
  private int[] executor = new int[256];
  private int[] reason = new int[256];
  private long[] taskId = new long[256];
  private long[] launch = new long[256];
  private long[] finish = new long[256];
  private byte[] status = new byte[256];
  private final List<String> executors = new ArrayList<>();
  private final List<String> hosts = new ArrayList<>();
  private final Map<String, Integer> executorIndex = new HashMap<>();
  private final List<String> reasons = new ArrayList<>();
  /** Started, not yet ended: task id -> {stage, stageAttempt, partition, attempt, executor, launch}. */
  private final Map<Long, long[]> running = new HashMap<>();

  /** A TaskStart: remembered until its TaskEnd. */
  void started(long id, int stageId, int stageAttemptId, int partitionId, int attemptNumber, String executorId,
      String host, long launchMs) {
    running.put(id, new long[] {stageId, stageAttemptId, partitionId, attemptNumber, executor(executorId, host), launchMs});
  }

  /** A TaskEnd; {@code why} is null for a success. */
  void ended(long id, int stageId, int stageAttemptId, int partitionId, int attemptNumber, String executorId, String host,
      long launchMs, long finishMs, byte how, String why) {
    running.remove(id);
    add(id, stageId, stageAttemptId, partitionId, attemptNumber, executor(executorId, host), launchMs, finishMs, how, why);
  }

  /** Moves the attempts that never ended into the table, as RUNNING; called once, after reading. */
  void closeRunning() {
    List<Long> ids = new ArrayList<>(running.keySet());
    ids.sort(null);
    for (long id : ids) {
      long[] r = running.get(id);
      add(id, (int) r[0], (int) r[1], (int) r[2], (int) r[3], (int) r[4], r[5], -1, RUNNING, null);
    }
    running.clear();
  }

  int size() {
    return n;
  }

  int stage(int i) {
    return stage[i];
  }

  int stageAttempt(int i) {
    return stageAttempt[i];
  }

  int partition(int i) {
    return partition[i];
  }

  int attempt(int i) {
    return attempt[i];
  }

  String executor(int i) {
    return executors.get(executor[i]);
  }

  String host(int i) {
    return hosts.get(executor[i]);
  }

  long taskId(int i) {
    return taskId[i];
  }

  long launch(int i) {
    return launch[i];
  }

  /** Epoch ms of the end, -1 while running. */
  long finish(int i) {
    return finish[i];
  }

  byte status(int i) {
    return status[i];
  }

  /** The end reason's first line, empty for a success. */
  String reason(int i) {
    return reason[i] < 0 ? "" : reasons.get(reason[i]);
  }

  private int executor(String id, String host) {
    Integer known = executorIndex.get(id);
    if (known != null) return known;
    executors.add(id);
    hosts.add(host);
    executorIndex.put(id, executors.size() - 1);
    return executors.size() - 1;
  }

  private void add(long id, int stageId, int stageAttemptId, int partitionId, int attemptNumber, int executorIdx,
      long launchMs, long finishMs, byte how, String why) {
    if (n == stage.length) grow();
    stage[n] = stageId;
    stageAttempt[n] = stageAttemptId;
    partition[n] = partitionId;
    attempt[n] = attemptNumber;
    executor[n] = executorIdx;
    taskId[n] = id;
    launch[n] = launchMs;
    finish[n] = finishMs;
    status[n] = how;
    if (why == null || why.isEmpty()) {
      reason[n] = -1;
    } else {
      reasons.add(why);
      reason[n] = reasons.size() - 1;
    }
    n++;
  }

  private void grow() {
    int m = n * 2;
    stage = Arrays.copyOf(stage, m);
    stageAttempt = Arrays.copyOf(stageAttempt, m);
    partition = Arrays.copyOf(partition, m);
    attempt = Arrays.copyOf(attempt, m);
    executor = Arrays.copyOf(executor, m);
    reason = Arrays.copyOf(reason, m);
    taskId = Arrays.copyOf(taskId, m);
    launch = Arrays.copyOf(launch, m);
    finish = Arrays.copyOf(finish, m);
    status = Arrays.copyOf(status, m);
  }
}
