package dev.barriersim.scenario.sparklog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything the importer kept from one event log, in log order where order matters. */
final class RecordedApplication {
  String file = "";
  String messageName = "";
  String sparkVersion = "";
  long logStartLine;
  String appId = "";
  String appName = "";
  long appStart = -1;
  long appEnd = -1;
  long environmentLine;
  final Map<String, String> properties = new TreeMap<>();
  long driverBlockManagerAdded = -1;
  long driverBlockManagerLine;
  /** Executors by Spark id, in the order they joined. */
  final Map<String, RecordedExecutor> executors = new LinkedHashMap<>();
  /** Task resource requests (name -> amount, "cpus" included) per resource profile id. */
  final Map<Integer, Map<String, Double>> taskRequests = new TreeMap<>();
  final Map<Integer, RecordedJob> jobs = new TreeMap<>();
  final Map<Integer, RecordedStage> stages = new TreeMap<>();
  /** Attempts of the selected jobs that did not succeed or were speculative, in log order. */
  final List<TaskRecord> unusual = new ArrayList<>();
  /** Epoch ms of every instant that triggers offers: task ends, stage submissions, executor changes. */
  final LongList offerTriggers = new LongList();
  /** Launch to start of the task's code (Executor Deserialize Time), successful attempts. */
  final Histogram launchDelay = new Histogram();
  /** End of the task's code to the driver's Finish Time: Finish - Launch - deserialize - run time. */
  final Histogram resultDelay = new Histogram();
  final Map<String, Long> otherEvents = new TreeMap<>();
  final Map<String, Long> schedulerEvents = new TreeMap<>();
  /** Every task attempt of the imported jobs, when the recorded timeline is wanted; else null. */
  RecordedTasks tasks;
  long successfulTasks;
  long taskEnds;
  long events;

  /** A growable array of longs (no boxing for millions of instants). */
  static final class LongList {
    private long[] a = new long[1024];
    private int n;

    void add(long v) {
      if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
      a[n++] = v;
    }

    int size() {
      return n;
    }

    /** The values sorted (done once, after reading). */
    long[] sorted() {
      long[] s = java.util.Arrays.copyOf(a, n);
      java.util.Arrays.sort(s);
      return s;
    }
  }
}
