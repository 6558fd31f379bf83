package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.Executor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spark's {@code MapOutputTrackerMaster}: which outputs of each map stage exist, and on which
 * executor. There is no external shuffle service, so an executor's outputs are lost with it; an
 * index of the map stages that registered outputs on each executor keeps that walk to the
 * executor's own stages.
 */
final class MapOutputTracker {
  /** Spark's {@code ShuffleStatus}: the executor index holding each output of one map stage, -1 when missing. */
  static final class ShuffleStatus {
    private final int[] location;
    private int available;

    ShuffleStatus(int partitions) {
      location = new int[partitions];
      Arrays.fill(location, -1);
    }

    /** The executor index holding each partition's output, -1 when missing; do not change it. */
    int[] locations() {
      return location;
    }

    /** True when every partition has an output. */
    boolean isComplete() {
      return available == location.length;
    }
  }

  /** Per executor index, the map stages that registered an output there, in registration order. */
  private final List<List<Stage>> stagesWithOutputsOn = new ArrayList<>();

  /** {@code registerMapOutput}: the output of {@code partition} of map stage {@code s} is on {@code e}. */
  void registerMapOutput(Stage s, int partition, Executor e) {
    ShuffleStatus status = s.shuffleStatus;
    if (status.location[partition] < 0) status.available++;
    status.location[partition] = e.index();
    List<Stage> on = stagesOn(e.index());
    if (on.isEmpty() || on.get(on.size() - 1) != s) on.add(s);
  }

  /** True when {@code partition} of map stage {@code s} has an output. */
  boolean hasOutput(Stage s, int partition) {
    return s.shuffleStatus.location[partition] >= 0;
  }

  /** The first parent of {@code s} (by id) whose outputs are not all available, or null. */
  Stage missingParent(Stage s) {
    for (Stage p : s.parents) if (!p.isAvailable()) return p;
    return null;
  }

  /** {@code unregisterAllMapAndMergeOutput}: every output of map stage {@code s} is gone. */
  void unregisterAllMapOutputs(Stage s) {
    Arrays.fill(s.shuffleStatus.location, -1);
    s.shuffleStatus.available = 0;
  }

  /**
   * The map stages that registered an output on {@code e}, each once, in registration order; the
   * executor's index is emptied. Follow with {@link #removeOutputsOn} for each stage to handle.
   */
  Set<Stage> takeStagesWithOutputsOn(Executor e) {
    if (e.index() >= stagesWithOutputsOn.size()) return Set.of();
    List<Stage> stages = stagesWithOutputsOn.get(e.index());
    stagesWithOutputsOn.set(e.index(), new ArrayList<>());
    return new LinkedHashSet<>(stages);
  }

  /** Unregisters the outputs of map stage {@code s} held by {@code e}; returns their partitions, ascending. */
  int[] removeOutputsOn(Stage s, Executor e) {
    ShuffleStatus status = s.shuffleStatus;
    int[] lost = new int[status.location.length];
    int n = 0;
    for (int p = 0; p < status.location.length; p++) {
      if (status.location[p] != e.index()) continue;
      status.location[p] = -1;
      status.available--;
      lost[n++] = p;
    }
    return Arrays.copyOf(lost, n);
  }

  private List<Stage> stagesOn(int executor) {
    while (stagesWithOutputsOn.size() <= executor) stagesWithOutputsOn.add(new ArrayList<>());
    return stagesWithOutputsOn.get(executor);
  }
}
