package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorLost;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskKillRequested;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.spark.SimulationSettings;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Barrier failure semantics (Spark's barrier branch of {@code handleTaskCompletion}). When a task
 * of the latest attempt of a barrier stage ends FAILED while its job is active, and the attempt's
 * first failure was not a fetch failure (that path kills nothing, SPARK-17064): every other
 * attempt of that stage attempt still running has a {@code TaskKillRequested} by the end of that
 * instant, at that very instant for the attempt's first failure; if the stage is the job's result
 * stage, the job ends FAILED at that instant. Every killed attempt ends no earlier than the kill;
 * at once when the job is interruptible, or with {@code killLatency: 0} when no {@code barrier()}
 * wait can delay it (one phase, or an ideal barrier); otherwise within
 * {@code max(killLatency, barrierPollInterval)}.
 */
public final class BarrierFailureCheck implements PropertyCheck {
  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    SpecIndex idx = new SpecIndex(spec);
    List<String> out = new ArrayList<>();
    Map<String, Integer> latest = new HashMap<>();
    Set<String> barrierAttempts = new HashSet<>();
    Set<String> endedJobs = new HashSet<>();
    Map<String, Map<Long, TaskLaunched>> runningByAttempt = new HashMap<>();
    Map<Long, TaskKillRequested> kills = new LinkedHashMap<>();
    Map<Long, TaskEnded> ends = new HashMap<>();
    Set<String> failedOnce = new HashSet<>();
    Set<String> fetchFailed = new HashSet<>();
    record Obligation(long t, long taskId, String attempt, boolean exact) {}
    List<Obligation> obligations = new ArrayList<>();
    Map<String, Long> resultFailures = new LinkedHashMap<>();
    Map<String, JobEnded> jobEnds = new HashMap<>();
    Map<String, Set<String>> successOn = new HashMap<>(); // barrier attempt -> executors holding its outputs
    Set<String> completed = new HashSet<>();
    for (SimEvent e : events) {
      if (e instanceof StageCompleted c) completed.add(Keys.attempt(c.job(), c.stage(), c.stageAttempt()));
      if (e instanceof ExecutorLost lost && !"Executor decommission.".equals(lost.reason())) {
        // Spark's Resubmitted: a running barrier map attempt that loses a finished task's output fails whole
        for (Map.Entry<String, Set<String>> a : successOn.entrySet()) {
          String ak = a.getKey();
          Map<Long, TaskLaunched> running = runningByAttempt.getOrDefault(ak, Map.of());
          String job = ak.substring(0, ak.indexOf('/'));
          String stageKey = ak.substring(0, ak.lastIndexOf('.'));
          int attempt = Integer.parseInt(ak.substring(ak.lastIndexOf('.') + 1));
          String stage = stageKey.substring(stageKey.indexOf('/') + 1);
          boolean live = !idx.isResult(job, stage) && !completed.contains(ak) && !endedJobs.contains(job) && latest.getOrDefault(stageKey, -1) == attempt;
          boolean runsThere = running.values().stream().anyMatch(l -> l.executor().equals(lost.executor()));
          if (live && a.getValue().contains(lost.executor()) && !runsThere && failedOnce.add(ak)) {
            for (TaskLaunched other : running.values()) obligations.add(new Obligation(e.t(), other.taskId(), ak, true));
          }
        }
      }
      if (e instanceof StageSubmitted s) {
        latest.put(Keys.stage(s.job(), s.stage()), s.stageAttempt());
        if (s.barrier()) barrierAttempts.add(Keys.attempt(s.job(), s.stage(), s.stageAttempt()));
      } else if (e instanceof TaskLaunched l) {
        runningByAttempt.computeIfAbsent(Keys.attempt(l.job(), l.stage(), l.stageAttempt()), k -> new LinkedHashMap<>())
            .put(l.taskId(), l);
      } else if (e instanceof TaskKillRequested k) {
        kills.putIfAbsent(k.taskId(), k);
      } else if (e instanceof JobEnded j) {
        endedJobs.add(j.job());
        jobEnds.putIfAbsent(j.job(), j);
      } else if (e instanceof TaskEnded t) {
        ends.put(t.taskId(), t);
        String ak = Keys.attempt(t.job(), t.stage(), t.stageAttempt());
        if (t.status() == TaskStatus.SUCCESS && barrierAttempts.contains(ak)) {
          successOn.computeIfAbsent(ak, k -> new HashSet<>()).add(t.executor());
        }
        Map<Long, TaskLaunched> running = runningByAttempt.getOrDefault(ak, new HashMap<>());
        running.remove(t.taskId());
        boolean latestAttempt = latest.getOrDefault(Keys.stage(t.job(), t.stage()), -1) == t.stageAttempt();
        if (t.status() == TaskStatus.FAILED && barrierAttempts.contains(ak) && latestAttempt
            && !endedJobs.contains(t.job())) {
          boolean first = failedOnce.add(ak);
          // A fetch failure takes Spark's fetch-failure path, which kills nothing (SPARK-17064);
          // the attempt's later failures are not handled as barrier failures either.
          if (first && t.reason() != null && t.reason().startsWith("FetchFailed(")) fetchFailed.add(ak);
          if (!fetchFailed.contains(ak)) {
            for (TaskLaunched other : running.values()) obligations.add(new Obligation(t.t(), other.taskId(), ak, first));
          }
          if (first && idx.isResult(t.job(), t.stage())) resultFailures.put(t.job() + "@" + t.t(), t.t());
        }
      }
    }
    for (Obligation o : obligations) {
      TaskKillRequested k = kills.get(o.taskId());
      if (k == null || k.t() > o.t()) {
        out.add("t=" + o.t() + ": barrier attempt " + o.attempt() + " failed but sibling task " + o.taskId()
            + " got no kill request by then");
      } else if (o.exact() && k.t() != o.t()) {
        out.add("t=" + o.t() + ": barrier attempt " + o.attempt() + " failed first, but sibling task " + o.taskId()
            + " was asked to stop at " + k.t());
      }
    }
    for (Map.Entry<String, Long> f : resultFailures.entrySet()) {
      String job = f.getKey().substring(0, f.getKey().lastIndexOf('@'));
      JobEnded j = jobEnds.get(job);
      if (j == null || j.t() != f.getValue() || !j.status().equals("FAILED")) {
        out.add("t=" + f.getValue() + ": barrier result stage of " + job + " failed but the job did not fail then ("
            + j + ")");
      }
    }
    long killLatency = spec.settings().killLatencyMs();
    long poll = spec.settings().barrierPollIntervalMs();
    boolean interrupt = spec.conf().interruptOnCancel();
    for (TaskKillRequested k : kills.values()) {
      TaskEnded end = ends.get(k.taskId());
      StageSpec st = idx.stage(k.job(), k.stage());
      boolean noWait = st == null || !st.barrier() || st.phases().size() == 1 || poll == 0;
      boolean exact = interrupt || (killLatency == 0 && noWait);
      if (end != null && end.t() < k.t()) {
        out.add("t=" + k.t() + ": task " + k.taskId() + " was asked to stop after it ended at " + end.t());
      } else if (end != null && exact && end.t() != k.t()) {
        out.add("t=" + k.t() + ": killed task " + k.taskId() + " should stop at once but ended at " + end.t());
      }
      if (killLatency != SimulationSettings.KILL_UNTIL_DONE || interrupt) {
        long bound = k.t() + (interrupt ? 0 : Math.max(killLatency, poll));
        if (end != null && end.t() > bound) {
          out.add("t=" + k.t() + ": killed task " + k.taskId() + " ended at " + end.t() + ", after " + bound);
        } else if (end == null && result.makespanMs() > bound) {
          out.add("t=" + k.t() + ": killed task " + k.taskId() + " never ended though the run went on to "
              + result.makespanMs());
        }
      }
    }
    return out;
  }
}
