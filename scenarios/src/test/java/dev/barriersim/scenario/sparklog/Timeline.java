package dev.barriersim.scenario.sparklog;

import java.util.List;
import java.util.Map;

/**
 * A run's timeline as the replay tests compare it: per job its submission and end, and every task
 * attempt with its launch, end and status, in ms on one clock.
 */
record Timeline(Map<Integer, Job> jobs, List<Task> tasks) {
  /** A job: submission and end instants. */
  record Job(int id, long submitted, long ended) {}

  /** One task attempt, identified as Spark does. */
  record Task(int job, int stage, int stageAttempt, int partition, int attempt, long launch, long end, String status) {
    String key() {
      return "stage " + stage + "." + stageAttempt + " partition " + partition + " attempt " + attempt;
    }
  }
}
