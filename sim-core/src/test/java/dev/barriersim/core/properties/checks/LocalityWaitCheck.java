package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.LocalityLevelChanged;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.spark.LocalityConf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delay scheduling: no task of a TaskSet with preferred locations launches at a locality level
 * above the one the set is allowed at that instant, and a set moves to a farther level for its
 * wait only once the wait of the level it leaves (from the spec's {@code spark.locality.wait.*})
 * has passed since the timer last started. The timer's start is bounded from below by what the
 * events show (submission, a move because no task was left, a reset to a more local level), so
 * a hidden reset can only make the true bound later: the check never fails a correct run. A
 * NODE_LOCAL launch is allowed at any level: Spark's NO_PREF sweep dequeues node-local tasks
 * without asking delay scheduling ({@code resourceOffer} with {@code maxLocality == NO_PREF}), so
 * only launches at RACK_LOCAL and ANY are bounded by the level.
 */
public final class LocalityWaitCheck implements PropertyCheck {
  private static final class SetState {
    TaskLocality level;
    /** The highest level held at {@link #instant}: launches of one round may follow a mid-round move. */
    TaskLocality highestAtInstant;
    long instant = -1;
    long anchor;
  }

  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    LocalityConf conf = spec.conf().locality();
    SpecIndex idx = new SpecIndex(spec);
    List<String> out = new ArrayList<>();
    Map<String, SetState> sets = new HashMap<>();
    for (SimEvent e : events) {
      if (e instanceof LocalityLevelChanged c) {
        String k = Keys.attempt(c.job(), c.stage(), c.stageAttempt());
        SetState s = sets.computeIfAbsent(k, x -> new SetState());
        if ("wait".equals(c.reason())) {
          boolean barrier = idx.stage(c.job(), c.stage()) != null && idx.stage(c.job(), c.stage()).barrier()
              && !spec.jobs().isEmpty() && isBarrierAttempt(events, c);
          long wait = barrier && conf.legacyResetOnTaskLaunch() ? 0 : waitAt(conf, c.from());
          if (c.t() < s.anchor + wait) {
            out.add("t=" + c.t() + ": " + k + " left " + c.from() + " after " + (c.t() - s.anchor) + " ms, its wait is "
                + wait + " ms");
          }
          s.anchor += wait;
        } else if (!"executors".equals(c.reason())) {
          s.anchor = c.t(); // submitted, noTasks, launch: the timer starts now
        }
        s.level = c.to();
        if (s.instant != c.t() || s.highestAtInstant == null || c.to().compareTo(s.highestAtInstant) > 0) {
          s.highestAtInstant = s.instant != c.t() ? c.to() : max(s.highestAtInstant, c.to());
        }
        s.instant = c.t();
      } else if (e instanceof TaskLaunched l) {
        SetState s = sets.get(Keys.attempt(l.job(), l.stage(), l.stageAttempt()));
        if (s == null) {
          if (l.locality() != TaskLocality.PROCESS_LOCAL) {
            out.add("t=" + l.t() + ": task " + l.taskId() + " of a set without preferences launched " + l.locality());
          }
          continue;
        }
        TaskLocality allowed = max(TaskLocality.NODE_LOCAL, s.instant == l.t() ? max(s.level, s.highestAtInstant) : s.level);
        if (l.locality().compareTo(allowed) > 0) {
          out.add("t=" + l.t() + ": task " + l.taskId() + " launched " + l.locality() + " while its set was allowed "
              + allowed);
        }
      }
    }
    return out;
  }

  /** Whether the attempt of {@code c} was submitted as a barrier attempt. */
  private static boolean isBarrierAttempt(List<SimEvent> events, LocalityLevelChanged c) {
    for (SimEvent e : events) {
      if (e instanceof SimEvent.StageSubmitted s && s.job().equals(c.job()) && s.stage().equals(c.stage())
          && s.stageAttempt() == c.stageAttempt()) {
        return s.barrier();
      }
    }
    return false;
  }

  private static TaskLocality max(TaskLocality a, TaskLocality b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static long waitAt(LocalityConf c, TaskLocality level) {
    return switch (level) {
      case PROCESS_LOCAL -> c.processWaitMs();
      case NODE_LOCAL -> c.nodeWaitMs();
      case RACK_LOCAL -> c.rackWaitMs();
      default -> 0;
    };
  }
}
