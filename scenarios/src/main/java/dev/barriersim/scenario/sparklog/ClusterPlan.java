package dev.barriersim.scenario.sparklog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scenario's cluster from the executor events: the executors alive at time 0 as groups (one
 * group per run of like executors, packed per host as in the log), later joins and graceful
 * decommissions as {@code cluster.changes}, other removals as scripted executor losses; and the
 * map from Spark's executor ids to the scenario's ("0", "1", ... in joining order).
 */
final class ClusterPlan {
  /** One executor group of {@code cluster.executors}. */
  record Group(int count, int cores, Map<String, Integer> resources, int perHost, List<RecordedExecutor> members) {}

  /** One entry of {@code cluster.changes} or {@code failures.executors}, at ms after time 0. */
  record Change(long at, RecordedExecutor executor, boolean add, boolean decommission, boolean lose) {}

  final List<Group> groups = new ArrayList<>();
  final List<Change> changes = new ArrayList<>();
  final List<Change> losses = new ArrayList<>();
  final Map<String, String> simId = new LinkedHashMap<>();

  ClusterPlan(RecordedApplication app, long origin, long firstSubmission, long end, ReplayGaps gaps) {
    List<RecordedExecutor> relevant = new ArrayList<>();
    for (RecordedExecutor e : app.executors.values()) {
      if (e.addedAt <= end && (e.removedAt < 0 || e.removedAt > origin) && e.cores > 0) relevant.add(e);
    }
    List<RecordedExecutor> initial = new ArrayList<>();
    for (RecordedExecutor e : relevant) if (e.aliveAt(origin)) initial.add(e);
    if (initial.isEmpty() && !relevant.isEmpty()) {
      RecordedExecutor firstOne = relevant.get(0);
      initial.add(firstOne);
      if (firstOne.addedAt > firstSubmission) {
        gaps.add("executors joining after the first job", "the simulator starts with at least one executor, but executor "
            + firstOne.id + " joined " + (firstOne.addedAt - firstSubmission) + " ms after the first job's submission and"
            + " is present from time 0", firstOne.addedLine);
      }
    }
    int next = 0;
    for (Group g : group(initial)) {
      groups.add(g);
      for (RecordedExecutor e : g.members()) simId.put(e.id, String.valueOf(next++));
    }
    List<Change> timeline = new ArrayList<>();
    for (RecordedExecutor e : relevant) {
      if (!initial.contains(e)) timeline.add(new Change(Math.max(0, e.addedAt - origin), e, true, false, false));
      if (e.removedAt > origin && e.removedAt <= end) {
        boolean graceful = e.removedReason.toLowerCase(Locale.ROOT).contains("decommission");
        timeline.add(new Change(e.removedAt - origin, e, false, graceful, !graceful));
      }
    }
    timeline.sort((a, b) -> Long.compare(a.at(), b.at())); // stable: log order within an instant
    for (Change c : timeline) {
      if (c.add()) simId.put(c.executor().id, String.valueOf(next++));
      if (c.lose()) losses.add(c);
      else changes.add(c);
    }
  }

  /** Runs of executors alike in cores, resources and host, merged into groups of equal runs on distinct hosts. */
  private static List<Group> group(List<RecordedExecutor> executors) {
    List<List<RecordedExecutor>> blocks = new ArrayList<>();
    for (RecordedExecutor e : executors) {
      List<RecordedExecutor> last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
      if (last != null && last.get(0).sameShape(e) && last.get(0).host.equals(e.host)) last.add(e);
      else blocks.add(new ArrayList<>(List.of(e)));
    }
    List<Group> groups = new ArrayList<>();
    List<RecordedExecutor> members = new ArrayList<>();
    List<RecordedExecutor> previous = null;
    for (List<RecordedExecutor> b : blocks) {
      boolean joins = previous != null && previous.size() == b.size() && previous.get(0).sameShape(b.get(0));
      if (!joins && !members.isEmpty()) {
        groups.add(toGroup(members, previous.size()));
        members = new ArrayList<>();
      }
      members.addAll(b);
      previous = b;
    }
    if (!members.isEmpty()) groups.add(toGroup(members, previous.size()));
    return groups;
  }

  private static Group toGroup(List<RecordedExecutor> members, int perHost) {
    RecordedExecutor first = members.get(0);
    return new Group(members.size(), first.cores, first.resources, perHost, List.copyOf(members));
  }
}
