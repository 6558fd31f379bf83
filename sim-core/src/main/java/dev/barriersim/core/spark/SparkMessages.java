package dev.barriersim.core.spark;

/** Spark's own failure and kill messages, in one place so they stay word for word. */
final class SparkMessages {
  private SparkMessages() {}

  /** {@code BarrierJobAllocationFailed.ERROR_MESSAGE_RUN_BARRIER_WITH_DYN_ALLOCATION}. */
  static final String DYN_ALLOCATION =
      "[SPARK-24942]: Barrier execution mode does not support dynamic resource allocation for now. You can "
          + "disable dynamic resource allocation by setting Spark conf \"spark.dynamicAllocation.enabled\" to \"false\".";

  /** {@code BarrierJobAllocationFailed.ERROR_MESSAGE_BARRIER_REQUIRE_MORE_SLOTS_THAN_CURRENT_TOTAL_NUMBER}. */
  static final String SLOTS_CHECK =
      "[SPARK-24819]: Barrier execution mode does not allow run a barrier stage that requires more slots than the "
          + "total number of slots in the cluster currently. Please init a new cluster with more resources(e.g. CPU, "
          + "GPU) or repartition the input RDD(s) to reduce the number of slots required to run this barrier stage.";

  /** The kill reason of {@code DAGScheduler} for a finished job's result stage (3.5.9). */
  static final String STAGE_FINISHED = "Stage finished";

  static String jobAborted(String reason) {
    return "Job aborted due to stage failure: " + reason;
  }

  /** {@code cancelRunningIndependentStages}' reason when a job succeeds ({@code handleTaskCompletion}). */
  static String jobFinished(int jobId) {
    return "Job " + jobId + " is finished.";
  }

  static String stageCancelled(String reason) {
    return "Stage cancelled: " + reason;
  }

  /** Why {@code handleSuccessfulTask} kills the other attempts of a task that succeeded. */
  static final String ANOTHER_ATTEMPT_SUCCEEDED = "another attempt succeeded";

  /** Why an attempt that succeeded after another attempt's success counts as killed. */
  static final String NOT_COMMITTED = "Finish but did not commit due to another attempt succeeded";

  static String taskKilled(String reason) {
    return "TaskKilled (" + reason + ")";
  }

  static String barrierStageFailed(String taskName, String errorString) {
    return "Stage failed because barrier task " + taskName + " finished unsuccessfully.\n" + errorString;
  }

  /** {@code TaskSchedulerImpl.resourceOffers} under the legacy locality reset, when a barrier set was placed in part. */
  static String barrierPartialOffers(Stage s, int placed, int numTasks) {
    return "Fail resource offers for barrier stage " + s.id + " because only " + placed + " out of a total number of "
        + numTasks + " tasks got resource offers. We highly recommend you to use the non-legacy delay scheduling by "
        + "setting spark.locality.wait.legacyResetOnTaskLaunch to false to get rid of this error.";
  }

  static String barrierKill(String taskName, Stage s) {
    return "Task " + taskName + " from barrier stage " + s + " (" + s.spec.name() + ") failed.";
  }

  static String barrierResultStage(String message) {
    return "Could not recover from a failed barrier ResultStage. Most recent failure reason: " + message;
  }

  static String maxStageAttempts(Stage s, int max, String message) {
    return s + " (" + s.spec.name() + ") has failed the maximum allowable number of times: " + max
        + ". Most recent failure reason:\n" + message;
  }

  static String lostTask(TaskAttempt t, String errorString) {
    TaskSetManager ts = t.taskSet;
    return "Lost task " + t.infoId() + " in stage " + ts.id() + " (TID " + t.taskId + ") (" + t.executor.host()
        + " executor " + t.executor.id() + "): " + errorString;
  }

  static String taskFailedTooOften(TaskAttempt t, int maxFailures, String errorString) {
    return "Task " + t.index + " in stage " + t.taskSet.id() + " failed " + maxFailures
        + " times, most recent failure: " + lostTask(t, errorString);
  }

  static String syncTimeout(int epoch, Stage s, int stageAttempt, long seconds) {
    return "org.apache.spark.SparkException: The coordinator didn't get all barrier sync requests for barrier epoch "
        + epoch + " from Stage " + s.id + " (Attempt " + stageAttempt + ") within " + seconds + " second(s).";
  }

  /** {@code ExecutorLostFailure.toErrorString}. */
  static String executorLost(String executorId, boolean causedByApp, String reason) {
    return "ExecutorLostFailure (executor " + executorId + " exited "
        + (causedByApp ? "caused by one of the running tasks" : "unrelated to the running tasks") + ") Reason: " + reason;
  }

  static String fetchFailed(Stage mapStage, int reduceId) {
    return "FetchFailed(null, shuffleId=" + mapStage.id + ", mapIndex=-1, mapId=-1, reduceId=" + reduceId
        + ", message=\norg.apache.spark.shuffle.MetadataFetchFailedException: Missing an output location for shuffle "
        + mapStage.id + " partition " + reduceId + "\n)";
  }

  /** {@code TaskSetManager.abortSinceCompletelyExcludedOnFailure}, with its leading and trailing line breaks. */
  static String completelyExcluded(TaskSetManager ts, int taskIndex, String latestFailureReason) {
    return "\nAborting TaskSet " + ts.id() + " because task " + taskIndex + " (partition " + ts.partition(taskIndex)
        + ")\ncannot run anywhere due to node and executor excludeOnFailure.\nMost recent failure:\n"
        + latestFailureReason + "\n\nExcludeOnFailure behavior can be configured via spark.excludeOnFailure.*.\n";
  }

  static String resubmitted() {
    return "Resubmitted (resubmitted due to lost executor)";
  }

  static String injected(String source) {
    return "java.lang.RuntimeException: injected failure (" + source + ")";
  }
}
