package dev.barriersim.core.observe;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskKillRequested;
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
public final class InvariantChecker implements FrequentEventSink {
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
  private String lastJob;
  private String lastStage;
  private int[] lastBarrierAttempt;

  /** A checker for runs of {@code spec}. */
  public InvariantChecker(SimulationSpec spec) {
    this.taskCpus = spec.conf().taskCpus();
  }

  @Override
  public void onEvent(SimEvent e) {
    if (acceptAsValues(e)) return;
    if (e.t() < lastT) time(e.t(), e.type());
    lastT = e.t();
    closeBurst();
    if (e instanceof TaskKillRequested k) {
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
      lastJob = null; // the remembered lookup may be stale now
    }
  }

  private void time(long t, String type) {
    if (t < lastT) fail("time went backwards: " + t + " after " + lastT + " (" + type + ")");
    lastT = t;
  }

  @Override
  public void barrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free,
      boolean fullRound) {
    time(t, "BarrierRoundSkipped");
    closeBurst();
  }

  /** A skipped round is checked for its instant and closes an open barrier launch, nothing else. */
  @Override
  public boolean countsSkippedRounds() {
    return true;
  }

  @Override
  public void barrierRoundsSkipped(long t, long count) {
    time(t, "BarrierRoundSkipped");
    closeBurst();
  }

  @Override
  public void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
      long[] barrierWaits) {
    time(t, "TaskEnded");
    closeBurst();
    if (!running.get((int) taskId)) fail("task " + taskId + " ended twice or was never launched");
    running.clear((int) taskId);
    executorUsed[executorIndex(executor)] -= taskCpus;
  }

  @Override
  public void taskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, HeldResources resources, TaskLocality locality) {
    time(t, "TaskLaunched");
    int ex = executorIndex(executor);
    executorUsed[ex] += taskCpus;
    if (executorUsed[ex] > executorCores[ex]) {
      fail("executor " + executor + " runs " + executorUsed[ex] + " cpus but has " + executorCores[ex]);
    }
    if (running.get((int) taskId)) fail("task id " + taskId + " launched twice");
    running.set((int) taskId);
    if (barrierAttempts.isEmpty()) return;
    int[] b = barrierAttempt(job, stage);
    if (b == null || b[2] != stageAttempt) {
      closeBurst();
      return;
    }
    if (openBurst != b) {
      closeBurst();
      if (b[1] != 0) fail("barrier stage " + key(job, stage) + " attempt " + b[2] + " launched tasks at two instants");
      openBurst = b;
      openBurstKey = key(job, stage);
      openBurstT = t;
    } else if (t != openBurstT) {
      fail("barrier stage " + key(job, stage) + " attempt " + b[2] + " launched tasks at two instants");
    }
    b[1]++;
  }

  /**
   * The barrier attempt record of (job, stage), or null. The last one asked is remembered by the
   * identity of its names: the tasks of one stage come with the same strings, and a miss only costs
   * the lookup.
   */
  private int[] barrierAttempt(String job, String stage) {
    if (job == lastJob && stage == lastStage) return lastBarrierAttempt;
    int[] b = barrierAttempts.get(key(job, stage));
    lastJob = job;
    lastStage = stage;
    lastBarrierAttempt = b;
    return b;
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
