package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ResourceDemand;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.random.RandomStreams;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A stage of one job instance: Spark's {@code ShuffleMapStage} or {@code ResultStage}. A map
 * stage's outputs are tracked by the {@link MapOutputTracker} in its {@link #shuffleStatus}.
 */
final class Stage {
  final int id;
  final StageSpec spec;
  final ActiveJob job;
  final boolean isResult;
  final boolean isBarrier;
  final int numPartitions;
  final ResourceDemand demand;
  /** Some attempts of the stage straggle ({@code stragglers} with a probability above 0). */
  final boolean straggles;
  final long jobKey;
  final long stageKey;
  final List<Stage> parents = new ArrayList<>();
  final List<Stage> children = new ArrayList<>();
  /** Attempts that failed since the stage last completed; made at the first failure. */
  private TreeSet<Integer> failedAttemptIds;
  /** Where the outputs of a map stage are (kept by {@link MapOutputTracker}); null for a result stage. */
  final MapOutputTracker.ShuffleStatus shuffleStatus;
  int latestAttempt = -1;
  TaskSetManager latestTaskSet;
  final List<TaskSetManager> taskSets = new ArrayList<>();
  boolean running;
  boolean waiting;
  /** The duration stream's hash of (job instance, stage), folded once for all its tasks (WorkPlanner). */
  long durationPrefix;
  boolean hasDurationPrefix;

  Stage(int id, StageSpec spec, ActiveJob job, boolean isResult, ResourceDemand demand) {
    this.id = id;
    this.spec = spec;
    this.job = job;
    this.isResult = isResult;
    this.isBarrier = spec.barrier();
    this.numPartitions = spec.tasks();
    this.demand = demand;
    this.straggles = spec.stragglers() != null && spec.stragglers().probability() > 0;
    this.jobKey = RandomStreams.hash(job.spec.name());
    this.stageKey = RandomStreams.hash(spec.name());
    this.shuffleStatus = isResult ? null : new MapOutputTracker.ShuffleStatus(numPartitions);
  }

  /** Records that attempt {@code stageAttempt} failed; returns how many distinct attempts failed since the last completion. */
  int attemptFailed(int stageAttempt) {
    if (failedAttemptIds == null) failedAttemptIds = new TreeSet<>();
    failedAttemptIds.add(stageAttempt);
    return failedAttemptIds.size();
  }

  /** The stage completed: earlier failed attempts no longer count. */
  void clearFailedAttempts() {
    if (failedAttemptIds != null) failedAttemptIds.clear();
  }

  /** A map stage is available when every partition has an output; a result stage never is. */
  boolean isAvailable() {
    return !isResult && shuffleStatus.isComplete();
  }

  List<DurationSpec> phases() {
    return spec.phases();
  }

  /** Spark's stage toString: {@code ShuffleMapStage 3} or {@code ResultStage 3}. */
  @Override
  public String toString() {
    return (isResult ? "ResultStage " : "ShuffleMapStage ") + id;
  }
}
