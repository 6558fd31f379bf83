package dev.barriersim.scenario.reference;

/** One task attempt of a timeline, in ms after time 0; {@code end} is -1 for an attempt still running. */
record Attempt(String job, String stage, int stageAttempt, int partition, int attempt, long launch, long end,
    String status) {
  /** The attempt's identity: job, stage, stage attempt, partition and attempt number. */
  String key() {
    return job + "/" + stage + "/" + stageAttempt + "/" + partition + "/" + attempt;
  }
}
