package dev.barriersim.scenario.sparklog;

import java.util.List;

/** One Spark job: JobStart and JobEnd, the stages it listed and the properties that matter. */
final class RecordedJob {
  final int id;
  final long submitted;
  final long line;
  final List<Integer> stageIds;
  final String group;
  final String description;
  final String pool;
  final String interruptOnCancel;
  long completed = -1;
  String result = "";
  String failure = "";
  long endLine;

  RecordedJob(int id, long submitted, long line, List<Integer> stageIds, String group, String description, String pool,
      String interruptOnCancel) {
    this.id = id;
    this.submitted = submitted;
    this.line = line;
    this.stageIds = List.copyOf(stageIds);
    this.group = group;
    this.description = description;
    this.pool = pool;
    this.interruptOnCancel = interruptOnCancel;
  }

  /** The scenario's name for it. */
  String name() {
    return "job-" + id;
  }

  boolean ended() {
    return completed >= 0;
  }
}
