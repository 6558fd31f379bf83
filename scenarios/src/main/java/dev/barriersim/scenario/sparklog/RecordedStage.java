package dev.barriersim.scenario.sparklog;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One Spark stage as a job listed it, plus what its attempts and tasks recorded: per partition
 * the wall time (Finish - Launch) of its first successful attempt, or failing that the longest
 * attempt, and the log lines that said so.
 */
final class RecordedStage {
  final int id;
  final String name;
  final int tasks;
  final List<Integer> parents;
  boolean barrier;
  final int resourceProfile;
  final long infoLine;
  RecordedJob owner;
  final TreeMap<Integer, Attempt> attempts = new TreeMap<>();
  private int[] successWall;
  private int[] otherWall;
  long firstTaskLine = Long.MAX_VALUE;
  long lastTaskLine;
  int partitionsOutOfRange;

  /** One stage attempt: submission, completion, and the launches of its tasks. */
  static final class Attempt {
    final int number;
    long submitted = -1;
    long submitLine;
    long completed = -1;
    String failureReason = "";
    long completeLine;
    long firstLaunch = Long.MAX_VALUE;
    long lastLaunch = Long.MIN_VALUE;
    long firstLaunchLine;
    int taskCount;
    final Set<String> executors = new TreeSet<>();

    Attempt(int number) {
      this.number = number;
    }
  }

  RecordedStage(int id, String name, int tasks, List<Integer> parents, boolean barrier, int resourceProfile,
      long infoLine) {
    this.id = id;
    this.name = name;
    this.tasks = tasks;
    this.parents = List.copyOf(parents);
    this.barrier = barrier;
    this.resourceProfile = resourceProfile;
    this.infoLine = infoLine;
  }

  /** The scenario's name for it. */
  String scenarioName() {
    return "stage-" + id;
  }

  Attempt attempt(int n) {
    return attempts.computeIfAbsent(n, Attempt::new);
  }

  /** Records the wall time of one ended attempt of {@code partition}. */
  void taskEnded(int partition, long wallMs, boolean success, long line) {
    firstTaskLine = Math.min(firstTaskLine, line);
    lastTaskLine = Math.max(lastTaskLine, line);
    if (partition < 0 || partition >= tasks) {
      partitionsOutOfRange++;
      return;
    }
    if (successWall == null) {
      successWall = filled(tasks);
      otherWall = filled(tasks);
    }
    int wall = (int) Math.max(0, Math.min(Integer.MAX_VALUE, wallMs));
    if (success) {
      if (successWall[partition] < 0) successWall[partition] = wall;
    } else {
      otherWall[partition] = Math.max(otherWall[partition], wall);
    }
  }

  /** Wall time of the partition's first success, -1 when it never succeeded. */
  int successWall(int partition) {
    return successWall == null ? -1 : successWall[partition];
  }

  /** The longest wall time among its attempts that did not succeed, -1 when none. */
  int otherWall(int partition) {
    return otherWall == null ? -1 : otherWall[partition];
  }

  boolean ran() {
    return !attempts.isEmpty();
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }
}
