package dev.barriersim.core.observe;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.ExecutorAdded;
import dev.barriersim.core.event.SimEvent.ExecutorLost;
import dev.barriersim.core.event.TaskStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Core time and custom-resource time: what was present, busy and wasted, integrated piecewise
 * between events, so memory does not grow with the number of tasks.
 */
final class CoreTime {
  private final int taskCpus;
  private final List<String> resourceNames;
  private long lastT;
  private int presentCores;
  private int peakCores;
  private long runningTasks;
  /** Sum of the launch instants of running attempts: their busy time at T is runningTasks * T - this. */
  private long runningLaunchSum;
  private long coreMsPresent;
  private long busyCoreMs;
  private long wastedCoreMs;
  private final Map<String, Integer> coresByExecutor = new HashMap<>();
  private final Map<String, HeldResources> resourcesByExecutor = new HashMap<>();
  /** Per custom resource: units present now, peak, busy now, and their integrals over time. */
  private final long[] resPresent;
  private final long[] resPeak;
  private final long[] resBusy;
  private final long[] resPresentMs;
  private final long[] resBusyMs;

  CoreTime(int taskCpus, List<String> resourceNames) {
    this.taskCpus = taskCpus;
    this.resourceNames = List.copyOf(resourceNames);
    int n = resourceNames.size();
    resPresent = new long[n];
    resPeak = new long[n];
    resBusy = new long[n];
    resPresentMs = new long[n];
    resBusyMs = new long[n];
  }

  /** Integrates what was present and busy up to {@code t}; returns the time that passed (0 if none). */
  long advanceTo(long t) {
    long dt = t - lastT;
    if (dt <= 0) return 0;
    coreMsPresent += dt * presentCores;
    for (int r = 0; r < resPresent.length; r++) {
      resPresentMs[r] += dt * resPresent[r];
      resBusyMs[r] += dt * resBusy[r];
    }
    lastT = t;
    return dt;
  }

  /** Cores present and not held by a running attempt, now. */
  long idleCores() {
    return presentCores - runningTasks * taskCpus;
  }

  /** The attempt holds its cores and resources from now on. */
  void taskLaunched(long t, HeldResources resources) {
    runningTasks++;
    runningLaunchSum += t;
    addUnits(resBusy, resources, 1);
  }

  /** The attempt's cores and resources are free again; its core time was busy, and wasted unless it succeeded. */
  void taskEnded(long t, long launchMs, TaskStatus status, HeldResources resources) {
    runningTasks--;
    runningLaunchSum -= launchMs;
    addUnits(resBusy, resources, -1);
    long coreMs = (t - launchMs) * taskCpus;
    busyCoreMs += coreMs;
    if (status != TaskStatus.SUCCESS) wastedCoreMs += coreMs;
  }

  /** Updates what is present with an executor joining or leaving; other events change nothing here. */
  void onEvent(SimEvent e) {
    if (e instanceof ExecutorAdded a) {
      presentCores += a.cores();
      peakCores = Math.max(peakCores, presentCores);
      coresByExecutor.put(a.executor(), a.cores());
      if (a.resources() != null) {
        resourcesByExecutor.put(a.executor(), a.resources());
        addUnits(resPresent, a.resources(), 1);
        for (int r = 0; r < resPeak.length; r++) resPeak[r] = Math.max(resPeak[r], resPresent[r]);
      }
    } else if (e instanceof ExecutorLost l) {
      presentCores -= coresByExecutor.getOrDefault(l.executor(), 0);
      addUnits(resPresent, resourcesByExecutor.get(l.executor()), -1);
    }
  }

  private static void addUnits(long[] units, HeldResources held, int sign) {
    if (held == null) return;
    for (int r = 0; r < units.length; r++) units[r] += sign * held.amount(r);
  }

  /**
   * Core usage of a run that stopped at {@code endMs}: busy counts running attempts up to
   * {@code endMs}, idle is core time present in [0, makespan] minus busy.
   */
  RunResult.CoreUsage cores(long endMs, long makespan) {
    long present = coreMsPresent;
    if (endMs > lastT) present += (endMs - lastT) * (long) presentCores;
    long presentToMakespan = present - Math.max(0, endMs - makespan) * (long) presentCores;
    long busy = busyCoreMs + (runningTasks * endMs - runningLaunchSum) * taskCpus;
    long idle = Math.max(0, presentToMakespan - busy);
    double utilization = busy + idle == 0 ? 0 : (double) busy / (busy + idle);
    return new RunResult.CoreUsage(peakCores, busy, idle, wastedCoreMs, utilization);
  }

  /** Usage of each custom resource, in name order, counted as {@link #cores} counts cores. */
  List<RunResult.ResourceUsage> resources(long endMs, long makespan) {
    List<RunResult.ResourceUsage> out = new ArrayList<>();
    for (int r = 0; r < resourceNames.size(); r++) {
      long tail = Math.max(0, endMs - lastT);
      long busy = resBusyMs[r] + tail * resBusy[r];
      long present = resPresentMs[r] + tail * resPresent[r] - Math.max(0, endMs - makespan) * resPresent[r];
      long idle = Math.max(0, present - busy);
      out.add(new RunResult.ResourceUsage(resourceNames.get(r), resPeak[r], busy, idle,
          busy + idle == 0 ? 0 : (double) busy / (busy + idle)));
    }
    return out;
  }
}
