package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.ExecutorDecommissioned;
import dev.barriersim.core.event.SimEvent.ExecutorLost;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.spark.Backend;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Non-barrier work is not left waiting next to a free slot after a full offer round. A full round
 * is known to run at the end of an instant (offer rounds are the last phase of an instant) when a
 * stage attempt was submitted ({@code submitTasks} revives), an executor joined, an executor was
 * decommissioned ({@code executorDecommission} revives), or an executor was lost (not at the end of
 * a decommission); with the {@code local} backend also after every task end.
 * At the end of such an instant, for every live non-barrier stage attempt covering all its
 * partitions (job active, attempt not completed, no newer attempt, no fetch failure), no task that
 * was never launched and not completed by another attempt may coexist with an active executor
 * whose free cores and custom resources fit one more of its tasks. Retries of failed tasks are
 * not asserted (the round that follows a failure may be the next periodic revive), nor are
 * periodic revives (which instants they run at is not visible in the events). An executor excluded
 * for the application or for the stage attempt (exclusion on failure) does not count as free.
 */
public final class WorkConservingCheck implements PropertyCheck {
  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    SpecIndex idx = new SpecIndex(spec);
    ClusterModel model = new ClusterModel(idx);
    ExcludedExecutors excluded = new ExcludedExecutors();
    List<String> out = new ArrayList<>();
    boolean local = spec.settings().backend() == Backend.LOCAL;
    Map<String, StageSubmitted> live = new LinkedHashMap<>();
    Map<String, BitSet> launchedOrDone = new HashMap<>();
    Map<String, Integer> latest = new HashMap<>();
    Set<String> endedJobs = new HashSet<>();
    boolean fullRound = false;
    for (int i = 0; i < events.size(); i++) {
      SimEvent e = events.get(i);
      model.apply(e);
      excluded.apply(e);
      if (e instanceof StageSubmitted s) {
        fullRound = true;
        String sk = Keys.stage(s.job(), s.stage());
        Integer prev = latest.put(sk, s.stageAttempt());
        if (prev != null) live.remove(Keys.attempt(s.job(), s.stage(), prev));
        StageSpec st = idx.stage(s.job(), s.stage());
        if (!s.barrier() && st != null && s.tasks() == st.tasks()) {
          String ak = Keys.attempt(s.job(), s.stage(), s.stageAttempt());
          live.put(ak, s);
          launchedOrDone.put(ak, new BitSet());
        }
      } else if (e instanceof ExecutorAdded || e instanceof ExecutorDecommissioned) {
        fullRound = true;
      } else if (e instanceof ExecutorLost l && !"Executor decommission.".equals(l.reason())) {
        fullRound = true;
      } else if (e instanceof TaskLaunched l) {
        BitSet b = launchedOrDone.get(Keys.attempt(l.job(), l.stage(), l.stageAttempt()));
        if (b != null) b.set(l.partition());
      } else if (e instanceof TaskEnded t) {
        if (local) fullRound = true;
        Integer cur = latest.get(Keys.stage(t.job(), t.stage()));
        if (t.status() == TaskStatus.SUCCESS && cur != null) {
          BitSet b = launchedOrDone.get(Keys.attempt(t.job(), t.stage(), cur));
          if (b != null) b.set(t.partition());
        }
        if (t.status() == TaskStatus.FAILED && t.reason() != null && t.reason().startsWith("FetchFailed")) {
          live.remove(Keys.attempt(t.job(), t.stage(), t.stageAttempt()));
        }
      } else if (e instanceof StageCompleted c) {
        live.remove(Keys.attempt(c.job(), c.stage(), c.stageAttempt()));
      } else if (e instanceof JobEnded j) {
        endedJobs.add(j.job());
      }
      boolean endOfInstant = i + 1 == events.size() || events.get(i + 1).t() != e.t();
      if (!endOfInstant || !fullRound) continue;
      fullRound = false;
      if (i + 1 == events.size() && result.outcome() == dev.barriersim.core.Outcome.EVENT_LIMIT) continue;
      for (StageSubmitted s : live.values()) {
        if (endedJobs.contains(s.job())) continue;
        BitSet b = launchedOrDone.get(Keys.attempt(s.job(), s.stage(), s.stageAttempt()));
        if (b.cardinality() >= s.tasks()) continue;
        Map<String, Integer> demand = idx.resources(s.job(), s.stage());
        for (ClusterModel.Exec x : model.executors.values()) {
          if (x.state == ClusterModel.State.ACTIVE && x.fits(idx.cpus(), demand) > 0
              && !excluded.excludes(Keys.attempt(s.job(), s.stage(), s.stageAttempt()), x.id)) {
            out.add("t=" + e.t() + ": after a full offer round, " + Keys.attempt(s.job(), s.stage(), s.stageAttempt())
                + " still has " + (s.tasks() - b.cardinality()) + " never-launched tasks while executor " + x.id
                + " has " + x.freeCpus() + " free cores");
            break;
          }
        }
      }
    }
    return out;
  }
}
