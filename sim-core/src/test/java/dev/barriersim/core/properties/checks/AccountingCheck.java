package dev.barriersim.core.properties.checks;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.JobSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageGraph;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary agrees with the events. Task counts by status; {@code busyCoreMs} equals the sum of
 * (end - launch) x {@code spark.task.cpus} over ended attempts plus (end of run - launch) x cpus
 * over attempts still running; every TaskEnded carries its launch time; in a completed run the
 * makespan is the last job or task end. In a completed run with no failed or killed attempt, each
 * job lasts at least its critical path (the longest chain of stages, each weighted by its longest
 * successful task) and the makespan is at least total work / peak cores.
 */
public final class AccountingCheck implements PropertyCheck {
  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    SpecIndex idx = new SpecIndex(spec);
    List<String> out = new ArrayList<>();
    int cpus = spec.conf().taskCpus();
    Map<Long, TaskLaunched> running = new LinkedHashMap<>();
    long launched = 0, succeeded = 0, failed = 0, killed = 0, busy = 0, work = 0, lastEnd = 0;
    boolean clean = true;
    Map<String, Long> longest = new HashMap<>(); // job/stage -> longest successful attempt
    Map<String, Long> submitted = new HashMap<>();
    List<JobEnded> jobEnds = new ArrayList<>();
    for (SimEvent e : events) {
      if (e instanceof TaskLaunched l) {
        launched++;
        running.put(l.taskId(), l);
      } else if (e instanceof TaskEnded t) {
        TaskLaunched l = running.remove(t.taskId());
        if (l == null || l.t() != t.launchMs()) {
          out.add("t=" + t.t() + ": task " + t.taskId() + " ended with launchMs " + t.launchMs() + " but launched "
              + (l == null ? "never" : "at " + l.t()));
        }
        long d = t.t() - t.launchMs();
        busy += d * cpus;
        lastEnd = Math.max(lastEnd, t.t());
        switch (t.status()) {
          case SUCCESS -> {
            succeeded++;
            work += d * cpus;
            longest.merge(Keys.stage(t.job(), t.stage()), d, Math::max);
          }
          case FAILED -> { failed++; clean = false; }
          case KILLED -> { killed++; clean = false; }
          default -> out.add("task " + t.taskId() + " ended with status " + t.status());
        }
      } else if (e instanceof JobSubmitted j) {
        submitted.put(j.job(), j.t());
      } else if (e instanceof JobEnded j) {
        jobEnds.add(j);
        lastEnd = Math.max(lastEnd, j.t());
      }
    }
    RunResult.TaskCounts c = result.tasks();
    if (c.launched() != launched || c.succeeded() != succeeded || c.failed() != failed || c.killed() != killed) {
      out.add("task counts " + c + " but events say launched=" + launched + " succeeded=" + succeeded + " failed="
          + failed + " killed=" + killed);
    }
    boolean completed = result.outcome() == Outcome.COMPLETED;
    if (!completed || running.isEmpty()) {
      long endMs = result.makespanMs();
      long expected = busy;
      for (TaskLaunched l : running.values()) expected += (endMs - l.t()) * cpus;
      if (result.cores().busyCoreMs() != expected) {
        out.add("busyCoreMs " + result.cores().busyCoreMs() + " but the events give " + expected);
      }
    }
    if (completed && result.makespanMs() != lastEnd) {
      out.add("makespan " + result.makespanMs() + " but the last job or task end is at " + lastEnd);
    }
    if (completed && clean && running.isEmpty()) {
      long peak = result.cores().total();
      if (peak > 0 && result.makespanMs() * peak < work) {
        out.add("makespan " + result.makespanMs() + " x " + peak + " cores < total work " + work + " core-ms");
      }
      for (JobEnded j : jobEnds) {
        if (!j.status().equals("SUCCEEDED")) continue;
        JobSpec js = idx.job(j.job());
        Map<String, Long> path = new HashMap<>();
        long critical = 0;
        for (StageSpec s : StageGraph.topologicalOrder(js.stages())) {
          long before = 0;
          for (String p : s.parents()) before = Math.max(before, path.get(p));
          long len = before + longest.getOrDefault(Keys.stage(j.job(), s.name()), 0L);
          path.put(s.name(), len);
          critical = Math.max(critical, len);
        }
        long took = j.t() - submitted.getOrDefault(j.job(), 0L);
        if (took < critical) out.add("job " + j.job() + " took " + took + " ms, less than its critical path " + critical);
      }
    }
    return out;
  }
}
