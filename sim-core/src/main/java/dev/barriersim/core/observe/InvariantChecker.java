package dev.barriersim.core.observe;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskKillRequested;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Always on: fails the run with an {@link IllegalStateException} the moment the event stream
 * breaks a rule that holds in Spark whatever the scenario. Time never goes backwards; no executor
 * runs more cpus than it has; every task attempt ends at most once, and in a completed run every
 * attempt ended unless it was killed and never stopped (a hung task killed under {@code untilDone});
 * every barrier stage attempt launches all its tasks at one instant, or none.
 */
public final class InvariantChecker implements SimulationListener {
  private final int taskCpus;
  private long lastT;
  private int[] executorCores = new int[16];
  private int[] executorUsed = new int[16];
  private final BitSet running = new BitSet();
  private final BitSet killRequested = new BitSet();
  /** Hung attempts: they may hold their slot to the end of a completed run, as in Spark. */
  private final BitSet hung = new BitSet();
  private final Map<String, int[]> barrierAttempts = new HashMap<>(); // key -> {tasks, launched}
  private String openBurstKey;
  private int[] openBurst;
  private long openBurstT;

  /** A checker for runs of {@code spec}. */
  public InvariantChecker(SimulationSpec spec) {
    this.taskCpus = spec.conf().taskCpus();
  }

  @Override
  public void onEvent(SimEvent e) {
    if (e.t() < lastT) fail("time went backwards: " + e.t() + " after " + lastT + " (" + e.type() + ")");
    lastT = e.t();
    if (e instanceof TaskLaunched l) {
      launched(l);
      return;
    }
    closeBurst();
    if (e instanceof TaskEnded t) {
      if (!running.get((int) t.taskId())) fail("task " + t.taskId() + " ended twice or was never launched");
      running.clear((int) t.taskId());
      executorUsed[executorIndex(t.executor())] -= taskCpus;
    } else if (e instanceof TaskKillRequested k) {
      killRequested.set((int) k.taskId());
    } else if (e instanceof SimEvent.TaskHung h) {
      if (!running.get((int) h.taskId())) fail("task " + h.taskId() + " hung while not running");
      hung.set((int) h.taskId());
    } else if (e instanceof ExecutorAdded a) {
      int i = executorIndex(a.executor());
      if (i >= executorCores.length) {
        executorCores = Arrays.copyOf(executorCores, Math.max(i + 1, executorCores.length * 2));
        executorUsed = Arrays.copyOf(executorUsed, executorCores.length);
      }
      executorCores[i] = a.cores();
    } else if (e instanceof StageSubmitted s && s.barrier()) {
      barrierAttempts.put(key(s.job(), s.stage()), new int[] {s.tasks(), 0, s.stageAttempt()});
    }
  }

  private void launched(TaskLaunched l) {
    int ex = executorIndex(l.executor());
    executorUsed[ex] += taskCpus;
    if (executorUsed[ex] > executorCores[ex]) {
      fail("executor " + l.executor() + " runs " + executorUsed[ex] + " cpus but has " + executorCores[ex]);
    }
    if (running.get((int) l.taskId())) fail("task id " + l.taskId() + " launched twice");
    running.set((int) l.taskId());
    if (barrierAttempts.isEmpty()) return;
    String key = key(l.job(), l.stage());
    int[] b = barrierAttempts.get(key);
    if (b == null || b[2] != l.stageAttempt()) {
      closeBurst();
      return;
    }
    if (openBurst != b) {
      closeBurst();
      if (b[1] != 0) fail("barrier stage " + key + " attempt " + b[2] + " launched tasks at two instants");
      openBurst = b;
      openBurstKey = key;
      openBurstT = l.t();
    } else if (l.t() != openBurstT) {
      fail("barrier stage " + key + " attempt " + b[2] + " launched tasks at two instants");
    }
    b[1]++;
  }

  private void closeBurst() {
    if (openBurst != null && openBurst[1] != openBurst[0]) {
      fail("barrier stage " + openBurstKey + " attempt " + openBurst[2] + " launched " + openBurst[1] + " of "
          + openBurst[0] + " tasks");
    }
    openBurst = null;
  }

  @Override
  public void onRunEnd(long endMs, Outcome outcome) {
    closeBurst();
    if (outcome == Outcome.COMPLETED) {
      BitSet neverEnded = (BitSet) running.clone();
      neverEnded.andNot(killRequested);
      neverEnded.andNot(hung);
      if (!neverEnded.isEmpty()) fail("completed run left task " + neverEnded.nextSetBit(0) + " running");
    }
  }

  /** {@code Integer.parseInt(id)}, with a short path for the plain digits executor ids are. */
  private static int executorIndex(String id) {
    int n = id.length();
    if (n == 0 || n > 9) return Integer.parseInt(id);
    int v = 0;
    for (int i = 0; i < n; i++) {
      int d = id.charAt(i) - '0';
      if (d < 0 || d > 9) return Integer.parseInt(id);
      v = 10 * v + d;
    }
    return v;
  }

  private static String key(String job, String stage) {
    return job + "/" + stage;
  }

  private static void fail(String message) {
    throw new IllegalStateException("invariant broken: " + message);
  }
}
