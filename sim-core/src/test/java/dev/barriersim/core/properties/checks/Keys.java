package dev.barriersim.core.properties.checks;

/** Map keys for stages and stage attempts. */
final class Keys {
  private Keys() {}

  static String stage(String job, String stage) {
    return job + "/" + stage;
  }

  static String attempt(String job, String stage, int stageAttempt) {
    return job + "/" + stage + "." + stageAttempt;
  }

  static String partition(String job, String stage, int stageAttempt, int partition) {
    return job + "/" + stage + "." + stageAttempt + "[" + partition + "]";
  }
}
