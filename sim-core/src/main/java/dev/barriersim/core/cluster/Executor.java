package dev.barriersim.core.cluster;

import java.util.BitSet;

/**
 * One executor: its totals and what is free now, in the units of {@link ResourceDemand}
 * (cores, then custom resources by index). The scheduler's book-keeping of free amounts lives
 * here and is changed only through {@link ClusterState}.
 */
public final class Executor {
  /** Lifecycle of an executor. */
  public enum State {
    /** Takes tasks. */
    ACTIVE,
    /** Runs its tasks to the end, takes no new ones, then leaves. */
    DECOMMISSIONING,
    /** Gone. */
    LOST
  }

  final int index;
  final String id;
  final String host;
  final int totalCores;
  final int[] totalResources;
  int freeCores;
  final int[] freeResources;
  /** Per custom resource, the addresses held by running tasks (Spark hands tasks addresses, lowest free first here). */
  final BitSet[] heldAddresses;
  /** Its own launch latency, or {@link ExecutorGroup#SIMULATION_LATENCY}. */
  final long launchLatencyMs;
  State state = State.ACTIVE;
  int runningTasks;

  Executor(int index, String host, int cores, int[] resources, long launchLatencyMs) {
    this.index = index;
    this.launchLatencyMs = launchLatencyMs;
    this.id = Integer.toString(index);
    this.host = host;
    this.totalCores = cores;
    this.totalResources = resources.clone();
    this.freeCores = cores;
    this.freeResources = resources.clone();
    this.heldAddresses = new BitSet[resources.length];
    for (int r = 0; r < resources.length; r++) heldAddresses[r] = new BitSet(resources[r]);
  }

  /** Position in executor-id order. */
  public int index() { return index; }

  /** Spark's executor id: "0", "1", ... */
  public String id() { return id; }

  /** Host name: host-0, host-1, ... */
  public String host() { return host; }

  /** Launch to start of a task's work on this executor, or {@link ExecutorGroup#SIMULATION_LATENCY}. */
  public long launchLatencyMs() { return launchLatencyMs; }

  /** Cores in all. */
  public int totalCores() { return totalCores; }

  /** Cores not used by running tasks. */
  public int freeCores() { return freeCores; }

  /** Lifecycle state. */
  public State state() { return state; }

  /** Task attempts holding resources on this executor. */
  public int runningTasks() { return runningTasks; }

  /** True when it takes new tasks. */
  public boolean isActive() { return state == State.ACTIVE; }
}
