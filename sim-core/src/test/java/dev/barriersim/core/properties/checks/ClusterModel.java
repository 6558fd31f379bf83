package dev.barriersim.core.properties.checks;

import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.ExecutorDecommissioned;
import dev.barriersim.core.event.SimEvent.ExecutorLost;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.failure.ExecutorFailureSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent reconstruction of the cluster from the spec and the events: which executors
 * exist with which cores and custom resources (from the initial groups, {@code cluster.changes}
 * and MTBF replacements, matched to the {@code ExecutorAdded} events), their state, and what the
 * running task attempts hold on them. Fed event by event; never calls scheduler code.
 */
final class ClusterModel {
  enum State { ACTIVE, DECOMMISSIONING, LOST }

  static final class Exec {
    final String id;
    final int cores;
    final Map<String, Integer> resources;
    State state = State.ACTIVE;
    int usedCpus;
    final Map<String, Integer> used = new TreeMap<>();

    Exec(String id, int cores, Map<String, Integer> resources) {
      this.id = id;
      this.cores = cores;
      this.resources = resources;
    }

    int free(String res) {
      return resources.getOrDefault(res, 0) - used.getOrDefault(res, 0);
    }

    int freeCpus() {
      return cores - usedCpus;
    }

    /** How many more tasks of this shape fit in what is free now (every resource counted). */
    int fits(int cpus, Map<String, Integer> demand) {
      int n = freeCpus() / cpus;
      for (Map.Entry<String, Integer> r : demand.entrySet()) n = Math.min(n, free(r.getKey()) / r.getValue());
      return Math.max(0, n);
    }
  }

  record Running(TaskLaunched launch, String executor, Map<String, Integer> demand) {}

  private static final Pattern SOURCE = Pattern.compile("failures\\.(executors|tasks)\\[(\\d+)\\]");

  private final SpecIndex spec;
  private final Deque<long[]> scheduledAdds = new ArrayDeque<>(); // {at, groupIndex}
  private final List<ExecutorGroup> addGroups = new ArrayList<>();
  private final List<long[]> replacements = new ArrayList<>(); // {dueAt, executor index}
  final Map<String, Exec> executors = new LinkedHashMap<>();
  final Map<Long, Running> running = new LinkedHashMap<>();
  final List<String> violations = new ArrayList<>();

  ClusterModel(SpecIndex spec) {
    this.spec = spec;
    for (ExecutorGroup g : spec.spec.cluster().executors()) schedule(0, g);
    for (ClusterChange c : spec.spec.cluster().changes()) if (c.add() != null) schedule(c.atMs(), c.add());
  }

  private void schedule(long at, ExecutorGroup g) {
    for (int i = 0; i < g.count(); i++) {
      scheduledAdds.add(new long[] {at, addGroups.size()});
      addGroups.add(g);
    }
  }

  /** Applies one event; returns the executor a task launch or end used, if any. */
  void apply(SimEvent e) {
    if (e instanceof ExecutorAdded a) {
      added(a);
    } else if (e instanceof ExecutorDecommissioned dc) {
      Exec x = executors.get(dc.executor());
      if (x == null) violations.add("t=" + e.t() + ": decommissioned unknown executor " + dc.executor());
      else if (x.state == State.ACTIVE) x.state = State.DECOMMISSIONING;
    } else if (e instanceof ExecutorLost l) {
      Exec x = executors.get(l.executor());
      if (x == null) {
        violations.add("t=" + e.t() + ": lost unknown executor " + l.executor());
        return;
      }
      x.state = State.LOST;
      Matcher m = SOURCE.matcher(l.reason() == null ? "" : l.reason());
      if (m.find()) {
        int i = Integer.parseInt(m.group(2));
        boolean task = m.group(1).equals("tasks");
        var failures = spec.spec.failures();
        long replace = task ? (i < failures.tasks().size() ? failures.tasks().get(i).replaceAfterMs() : ExecutorFailureSpec.NEVER)
            : (i < failures.executors().size() ? failures.executors().get(i).replaceAfterMs() : ExecutorFailureSpec.NEVER);
        if (replace != ExecutorFailureSpec.NEVER) {
          replacements.add(new long[] {e.t() + replace, Long.parseLong(l.executor())});
        }
      }
    } else if (e instanceof TaskLaunched l) {
      Exec x = executors.get(l.executor());
      Map<String, Integer> demand = spec.resources(l.job(), l.stage());
      if (x == null) {
        violations.add("t=" + e.t() + ": task " + l.taskId() + " launched on unknown executor " + l.executor());
        return;
      }
      x.usedCpus += spec.cpus();
      demand.forEach((k, v) -> x.used.merge(k, v, Integer::sum));
      if (running.put(l.taskId(), new Running(l, l.executor(), demand)) != null) {
        violations.add("t=" + e.t() + ": task id " + l.taskId() + " launched twice");
      }
    } else if (e instanceof TaskEnded t) {
      Running r = running.remove(t.taskId());
      if (r == null) {
        violations.add("t=" + e.t() + ": task " + t.taskId() + " ended but was not running");
        return;
      }
      Exec x = executors.get(r.executor());
      x.usedCpus -= spec.cpus();
      r.demand().forEach((k, v) -> x.used.merge(k, -v, Integer::sum));
    }
  }

  private void added(ExecutorAdded a) {
    ExecutorGroup g = null;
    if (!scheduledAdds.isEmpty() && scheduledAdds.peek()[0] <= a.t()) {
      g = addGroups.get((int) scheduledAdds.poll()[1]);
    } else {
      for (int i = 0; i < replacements.size(); i++) {
        if (replacements.get(i)[0] == a.t()) {
          Exec like = executors.get(Long.toString(replacements.remove(i)[1]));
          g = new ExecutorGroup(1, like.cores, like.resources, 1);
          break;
        }
      }
    }
    if (g == null) {
      violations.add("t=" + a.t() + ": executor " + a.executor() + " joined, but the spec adds none then");
      g = new ExecutorGroup(1, a.cores(), Map.of(), 1);
    }
    if (g.cores() != a.cores()) {
      violations.add("t=" + a.t() + ": executor " + a.executor() + " joined with " + a.cores() + " cores, spec says "
          + g.cores());
    }
    if (executors.containsKey(a.executor())) violations.add("t=" + a.t() + ": executor id " + a.executor() + " reused");
    executors.put(a.executor(), new Exec(a.executor(), a.cores(), new TreeMap<>(g.resources())));
  }

  /** Slots for one task shape over active executors, counting every resource the shape needs. */
  int freeSlots(int cpus, Map<String, Integer> demand) {
    int n = 0;
    for (Exec x : executors.values()) if (x.state == State.ACTIVE) n += x.fits(cpus, demand);
    return n;
  }
}
