package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskKillRequested;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Non-barrier retries ({@code TaskSetManager.handleFailedTask}). Within a stage attempt the
 * attempts of one partition are numbered 0, 1, 2, ... in launch order and never overlap, except
 * that a speculative copy ({@code SpeculativeTaskLaunched}) may join one running attempt. A failure
 * that counts (FAILED, not {@code FetchFailed}, not an {@code ExecutorLostFailure} unrelated to the
 * running tasks, in a live attempt: job active, no newer attempt, no fetch failure yet)
 * adds one to the partition's count; the job fails with "failed N times" at the instant some
 * partition reaches {@code spark.task.maxFailures} counted failures, and a job fails with that
 * message only then. A counted failure that does not abort kills nothing: only that task reruns,
 * unless the TaskSet is aborted at that instant because the task can run nowhere (exclusion on
 * failure, {@code abortSinceCompletelyExcludedOnFailure}).
 */
public final class TaskRetryCheck implements PropertyCheck {
  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    List<String> out = new ArrayList<>();
    int max = spec.conf().taskMaxFailures();
    Set<String> excludedAborts = new HashSet<>();
    for (SimEvent e : events) {
      if (e instanceof JobEnded j && j.reason() != null
          && j.reason().contains("cannot run anywhere due to node and executor excludeOnFailure")) {
        excludedAborts.add(j.job() + "|" + j.t());
      }
    }
    Map<String, Integer> latest = new HashMap<>();
    Set<String> barrier = new HashSet<>();
    Set<String> fetchFailed = new HashSet<>();
    Set<String> ended = new HashSet<>();
    Map<String, Integer> counted = new HashMap<>();
    Map<String, TaskLaunched> runningAttempt = new HashMap<>(); // partition key -> running launch
    Map<String, Integer> nextAttempt = new HashMap<>();
    Map<String, Long> expectedAbort = new HashMap<>(); // job -> instant
    List<long[]> quietInstants = new ArrayList<>();
    List<String> quietAttempts = new ArrayList<>();
    Map<String, JobEnded> jobEnds = new HashMap<>();
    Map<String, TaskLaunched> copyOf = new HashMap<>(); // partition key -> the attempt a running copy joined
    long copyTaskId = -1;
    for (SimEvent e : events) {
      if (e instanceof SimEvent.SpeculativeTaskLaunched c) {
        copyTaskId = c.taskId();
        continue;
      }
      if (e instanceof StageSubmitted s) {
        latest.put(Keys.stage(s.job(), s.stage()), s.stageAttempt());
        if (s.barrier()) barrier.add(Keys.attempt(s.job(), s.stage(), s.stageAttempt()));
      } else if (e instanceof JobEnded j) {
        ended.add(j.job());
        jobEnds.putIfAbsent(j.job(), j);
      } else if (e instanceof TaskLaunched l) {
        String ak = Keys.attempt(l.job(), l.stage(), l.stageAttempt());
        if (barrier.contains(ak)) continue;
        String pk = Keys.partition(l.job(), l.stage(), l.stageAttempt(), l.partition());
        int want = nextAttempt.getOrDefault(pk, 0);
        if (l.attempt() != want) out.add("t=" + l.t() + ": " + pk + " launched attempt " + l.attempt() + ", expected " + want);
        nextAttempt.put(pk, l.attempt() + 1);
        TaskLaunched prev = runningAttempt.put(pk, l);
        if (prev != null && l.taskId() == copyTaskId && !copyOf.containsKey(pk)) {
          copyOf.put(pk, prev); // a copy beside one running attempt: both run on
        } else if (prev != null) out.add("t=" + l.t() + ": " + pk + " attempt " + l.attempt() + " launched while attempt "
            + prev.attempt() + " still runs");
      } else if (e instanceof TaskEnded t) {
        String ak = Keys.attempt(t.job(), t.stage(), t.stageAttempt());
        if (barrier.contains(ak)) continue;
        String pk = Keys.partition(t.job(), t.stage(), t.stageAttempt(), t.partition());
        TaskLaunched r = runningAttempt.get(pk);
        TaskLaunched other = copyOf.get(pk);
        if (other != null && other.taskId() == t.taskId()) {
          copyOf.remove(pk);
        } else if (r != null && r.taskId() == t.taskId()) {
          runningAttempt.remove(pk);
          if (other != null) {
            runningAttempt.put(pk, other);
            copyOf.remove(pk);
          }
        }
        if (t.status() != TaskStatus.FAILED) continue;
        String reason = t.reason() == null ? "" : t.reason();
        if (reason.startsWith("FetchFailed")) {
          fetchFailed.add(ak);
          continue;
        }
        boolean live = !ended.contains(t.job()) && !fetchFailed.contains(ak)
            && latest.getOrDefault(Keys.stage(t.job(), t.stage()), -1) == t.stageAttempt();
        boolean lostNotByApp = reason.startsWith("ExecutorLostFailure") && !reason.contains("caused by one of the running tasks");
        if (!live || lostNotByApp) continue;
        int n = counted.merge(pk, 1, Integer::sum);
        if (n == max) expectedAbort.putIfAbsent(t.job(), t.t());
        else if (n < max) {
          quietInstants.add(new long[] {t.t(), t.taskId()});
          quietAttempts.add(ak + "|" + t.job());
        }
        if (n > max) out.add("t=" + t.t() + ": " + pk + " failed " + n + " counted times, above spark.task.maxFailures");
      } else if (e instanceof TaskKillRequested k && !"another attempt succeeded".equals(k.reason())) {
        String ak = Keys.attempt(k.job(), k.stage(), k.stageAttempt());
        for (int i = 0; i < quietInstants.size(); i++) {
          String[] q = quietAttempts.get(i).split("\\|");
          if (quietInstants.get(i)[0] == k.t() && q[0].equals(ak) && !ended.contains(q[1])
              && !excludedAborts.contains(q[1] + "|" + k.t())) {
            out.add("t=" + k.t() + ": a counted failure of a non-barrier task (task " + quietInstants.get(i)[1]
                + ") killed task " + k.taskId() + " of the same stage attempt");
          }
        }
      }
      if (!quietInstants.isEmpty() && quietInstants.get(0)[0] < e.t()) {
        quietInstants.clear();
        quietAttempts.clear();
      }
    }
    String marker = " failed " + max + " times";
    for (Map.Entry<String, Long> a : expectedAbort.entrySet()) {
      JobEnded j = jobEnds.get(a.getKey());
      if (j == null || j.t() != a.getValue() || !"FAILED".equals(j.status()) || j.reason() == null
          || !j.reason().contains(marker)) {
        out.add("t=" + a.getValue() + ": a partition of " + a.getKey() + " reached " + max
            + " counted failures but the job did not fail then with '" + marker.trim() + "' (" + j + ")");
      }
    }
    for (JobEnded j : jobEnds.values()) {
      if (j.reason() != null && j.reason().matches("(?s).*in stage \\d+\\.\\d+ failed \\d+ times.*")
          && !expectedAbort.containsKey(j.job())) {
        out.add("t=" + j.t() + ": job " + j.job() + " failed for too many task failures, but no partition reached "
            + max + " counted failures");
      }
    }
    return out;
  }
}
