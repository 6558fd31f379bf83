package dev.barriersim.scenario.sparklog;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of which events the importer keeps, as a tree of JSON keys; everything else
 * (task metrics' accumulables, class paths, stack traces, other applications' events) is skipped
 * by the streaming parser without being built, which keeps memory bounded per event.
 */
final class EventFields {
  /** The core listener events that are read; any other event is skipped whole. */
  static final Set<String> KNOWN = Set.of("SparkListenerLogStart", "SparkListenerResourceProfileAdded",
      "SparkListenerExecutorAdded", "SparkListenerExecutorRemoved", "SparkListenerBlockManagerAdded",
      "SparkListenerEnvironmentUpdate", "SparkListenerApplicationStart", "SparkListenerApplicationEnd",
      "SparkListenerJobStart", "SparkListenerJobEnd", "SparkListenerStageSubmitted", "SparkListenerStageCompleted",
      "SparkListenerTaskStart", "SparkListenerTaskEnd", "SparkListenerExecutorExcluded",
      "SparkListenerExecutorBlacklisted", "SparkListenerNodeExcluded", "SparkListenerNodeBlacklisted",
      "SparkListenerSpeculativeTaskSubmitted", "SparkListenerUnschedulableTaskSetAdded",
      "SparkListenerExecutorExcludedForStage", "SparkListenerExecutorBlacklistedForStage");

  /** Longest text kept (failure reasons carry whole stack traces; the first lines suffice). */
  static final int MAX_TEXT = 2_000;

  /** One level of the tree: keep a scalar (or array of scalars), or an object with these children. */
  static final class Keep {
    private final Map<String, Keep> children;
    private final Keep anyChild;

    private Keep(Map<String, Keep> children, Keep anyChild) {
      this.children = children;
      this.anyChild = anyChild;
    }

    boolean isLeaf() {
      return children == null && anyChild == null;
    }

    /** The schema of field {@code name} of an object, or null: skip it. */
    Keep child(String name) {
      if (anyChild != null) return anyChild;
      return children == null ? null : children.get(name);
    }
  }

  static final Keep LEAF = new Keep(null, null);

  private EventFields() {}

  private static Keep obj(Object... nameThenKeep) {
    Map<String, Keep> m = new HashMap<>();
    for (int i = 0; i < nameThenKeep.length; i++) {
      String name = (String) nameThenKeep[i];
      Keep k = LEAF;
      if (i + 1 < nameThenKeep.length && nameThenKeep[i + 1] instanceof Keep next) {
        k = next;
        i++;
      }
      m.put(name, k);
    }
    return new Keep(m, null);
  }

  private static Keep anyKey(Keep each) {
    return new Keep(null, each);
  }

  private static final Keep STAGE_INFO = obj("Stage ID", "Stage Attempt ID", "Stage Name", "Number of Tasks",
      "Parent IDs", "Submission Time", "Completion Time", "Failure Reason", "Resource Profile Id",
      "RDD Info", obj("RDD ID", "Name", "Barrier"));

  /** The root of every event. */
  static final Keep ROOT = obj(
      "Event", "Spark Version", "App Name", "App ID", "App Attempt ID", "Timestamp", "User",
      "Spark Properties", anyKey(LEAF),
      "Executor ID", "Removed Reason", "Reason", "Stage ID", "Stage Attempt ID", "Task Type",
      "Executor Info", obj("Host", "Total Cores", "Resource Profile Id",
          "Resources", anyKey(obj("name", "addresses"))),
      "Block Manager ID", obj("Executor ID", "Host"),
      "Resource Profile Id",
      "Executor Resource Requests", anyKey(obj("Resource Name", "Amount")),
      "Task Resource Requests", anyKey(obj("Resource Name", "Amount")),
      "Job ID", "Submission Time", "Completion Time", "Stage IDs",
      "Stage Infos", STAGE_INFO,
      "Stage Info", STAGE_INFO,
      "Properties", anyKey(LEAF),
      "Job Result", obj("Result", "Exception", obj("Message")),
      "Task Info", obj("Task ID", "Index", "Attempt", "Partition ID", "Launch Time", "Executor ID", "Host",
          "Speculative", "Finish Time", "Failed", "Killed"),
      "Task End Reason", obj("Reason", "Kill Reason", "Class Name", "Description", "Executor ID",
          "Exit Caused By App", "Loss Reason", "Shuffle ID", "Map ID", "Message"),
      "Task Metrics", obj("Executor Deserialize Time", "Executor Run Time", "Result Serialization Time"));
}
