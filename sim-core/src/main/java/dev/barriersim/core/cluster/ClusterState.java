package dev.barriersim.core.cluster;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * All executors and their free resources. An index of active executors with at least one free
 * core lets an offer round visit only executors that can take a task, in executor-id order
 * (Spark shuffles offers; barriersim keeps id order, as Spark's own tests do).
 */
public final class ClusterState {
  private final List<String> resourceNames;
  private final List<Executor> executors = new ArrayList<>();
  /** Bit i is set when executor i is active with a free core (plain words: no bookkeeping per change). */
  private long[] offerable = new long[1];
  private int offerableCount;
  /** Free cores of the executors in {@link #offerable}, kept as they change: a full round's free slots for one-core tasks. */
  private int offerableFreeCores;
  /** Moves whenever an executor joins or stops being active: what {@link #maxConcurrentTasks} reads. */
  private long membership;
  private int nextHost;
  private int activeCores;
  private long activeTasks;
  /** Where hosts and racks are, for locality ({@link Topology}). */
  private final Topology topology = new Topology();

  /** An empty cluster that knows the custom resources by name (their index order). */
  public ClusterState(List<String> resourceNames) {
    this.resourceNames = List.copyOf(resourceNames);
  }

  /** Custom resource names; position = resource index. */
  public List<String> resourceNames() {
    return resourceNames;
  }

  /** Adds the executors of {@code group}, on new hosts, and returns them. */
  public List<Executor> add(ExecutorGroup group) {
    int[] res = new int[resourceNames.size()];
    for (Map.Entry<String, Integer> r : group.resources().entrySet()) {
      int i = resourceNames.indexOf(r.getKey());
      if (i < 0) throw new IllegalArgumentException("unknown resource " + r.getKey());
      res[i] = r.getValue();
    }
    List<Executor> added = new ArrayList<>();
    for (int n = 0; n < group.count(); n++) {
      String host = "host-" + (nextHost + n / group.executorsPerHost());
      Executor e = new Executor(executors.size(), host, group.cores(), res, group.launchLatencyMs());
      executors.add(e);
      topology.added(host, group.rack());
      added.add(e);
      activeCores += e.totalCores;
      membership++;
      updateIndex(e, e.freeCores);
    }
    nextHost += (group.count() + group.executorsPerHost() - 1) / group.executorsPerHost();
    return added;
  }

  /**
   * The index of the executor whose Spark id is {@code id} ("0", "1", ... in the order executors
   * join), whether or not it has joined yet; -1 when {@code id} can name no executor. Ids are read
   * once, at the edge; inside the engine executors are named by index.
   */
  public static int indexOf(String id) {
    try {
      int i = Integer.parseInt(id);
      return i >= 0 ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Hosts and racks of the executors, and which of them still take tasks. */
  public Topology topology() {
    return topology;
  }

  /** The executor at {@code index}. */
  public Executor get(int index) {
    return executors.get(index);
  }

  /** The executor at {@code index}, or null when it has not joined (or {@code index} is -1). */
  public Executor find(int index) {
    return index >= 0 && index < executors.size() ? executors.get(index) : null;
  }

  /** Number of executors ever added. */
  public int size() {
    return executors.size();
  }

  /** Cores of executors that are not lost. */
  public int activeCores() {
    return activeCores;
  }

  /** Task attempts holding resources anywhere. */
  public long activeTasks() {
    return activeTasks;
  }

  /** A number that changes whenever the set of active executors changes (for caches of totals). */
  public long membership() {
    return membership;
  }

  /** Number of active executors with a free core. */
  public int offerableCount() {
    return offerableCount;
  }

  /** Free cores of all offerable executors together (active, with a free core). */
  public int offerableFreeCores() {
    return offerableFreeCores;
  }

  /** Index of the next offerable executor at or after {@code from}, or -1. */
  public int nextOfferable(int from) {
    int w = from >>> 6;
    if (w >= offerable.length) return -1;
    long word = offerable[w] & (-1L << from);
    while (true) {
      if (word != 0) return (w << 6) + Long.numberOfTrailingZeros(word);
      if (++w == offerable.length) return -1;
      word = offerable[w];
    }
  }

  /** Takes one task's resources on {@code e}. */
  public void take(Executor e, ResourceDemand d) {
    int freeBefore = e.freeCores;
    e.freeCores -= d.cpus();
    int[] r = d.resources();
    for (int i = 0; i < r.length; i++) e.freeResources[i] -= r[i];
    if (e.freeCores < 0) throw new IllegalStateException("executor " + e.id + " over-committed: cores");
    for (int i = 0; i < r.length; i++) {
      if (e.freeResources[i] < 0) {
        throw new IllegalStateException("executor " + e.id + " over-committed: " + resourceNames.get(i));
      }
    }
    e.runningTasks++;
    activeTasks++;
    updateIndex(e, freeBefore);
  }

  /** Gives one task's resources back on {@code e}. */
  public void give(Executor e, ResourceDemand d) {
    int freeBefore = e.freeCores;
    e.freeCores += d.cpus();
    int[] r = d.resources();
    for (int i = 0; i < r.length; i++) e.freeResources[i] += r[i];
    e.runningTasks--;
    activeTasks--;
    if (e.freeCores > e.totalCores || e.runningTasks < 0) {
      throw new IllegalStateException("executor " + e.id + " released more than it holds");
    }
    updateIndex(e, freeBefore);
  }

  /**
   * The addresses of custom resources a task launched on {@code e} gets: for each resource it
   * needs, the lowest addresses no running task holds, by resource index; null when it needs none.
   * Call once per launch, after the placement is final, and {@link #releaseAddresses} when it ends.
   */
  public int[][] acquireAddresses(Executor e, ResourceDemand d) {
    int[] need = d.resources();
    int[][] addresses = null;
    for (int r = 0; r < need.length; r++) {
      if (need[r] == 0) continue;
      if (addresses == null) addresses = emptyAddresses();
      BitSet held = e.heldAddresses[r];
      int[] a = new int[need[r]];
      int next = 0;
      for (int i = 0; i < a.length; i++) {
        next = held.nextClearBit(next);
        if (next >= e.totalResources[r]) throw new IllegalStateException("executor " + e.id + " has no free "
            + resourceNames.get(r) + " address");
        a[i] = next;
        held.set(next++);
      }
      addresses[r] = a;
    }
    return addresses;
  }

  /** Gives back addresses from {@link #acquireAddresses}; null is nothing. */
  public void releaseAddresses(Executor e, int[][] held) {
    if (held == null) return;
    for (int r = 0; r < held.length; r++) {
      for (int a : held[r]) e.heldAddresses[r].clear(a);
    }
  }

  /** All addresses of {@code e}'s custom resources by resource index, or null when it has none. */
  public int[][] addressesOf(Executor e) {
    int[][] addresses = emptyAddresses();
    boolean any = false;
    for (int r = 0; r < addresses.length; r++) {
      addresses[r] = new int[e.totalResources[r]];
      for (int i = 0; i < addresses[r].length; i++) addresses[r][i] = i;
      any |= addresses[r].length > 0;
    }
    return any ? addresses : null;
  }

  private int[][] emptyAddresses() {
    int[][] a = new int[resourceNames.size()][];
    java.util.Arrays.fill(a, new int[0]);
    return a;
  }

  /** Stops offering {@code e}: it finishes its tasks and then leaves. */
  public void decommission(Executor e) {
    if (e.state == Executor.State.ACTIVE) {
      topology.deactivated(e.host);
      e.state = Executor.State.DECOMMISSIONING;
      membership++;
      updateIndex(e, e.freeCores);
    }
  }

  /** Removes {@code e} from the cluster. */
  public void remove(Executor e) {
    if (e.state != Executor.State.LOST) {
      if (e.state == Executor.State.ACTIVE) topology.deactivated(e.host);
      e.state = Executor.State.LOST;
      membership++;
      activeCores -= e.totalCores;
      updateIndex(e, e.freeCores);
    }
  }

  /**
   * Spark's {@code maxNumConcurrentTasks}: slots of all active executors on their totals (busy
   * slots count), for one task shape. O(executors); it runs only when a barrier job is submitted.
   */
  public int maxConcurrentTasks(ResourceDemand d) {
    int slots = 0;
    for (Executor e : executors) if (e.isActive()) slots += d.totalSlots(e);
    return slots;
  }

  /** Puts {@code e} in or out of the offerable index; it had {@code freeBefore} free cores before the change. */
  private void updateIndex(Executor e, int freeBefore) {
    int w = e.index >>> 6;
    if (w >= offerable.length) offerable = java.util.Arrays.copyOf(offerable, Math.max(w + 1, 2 * offerable.length));
    long bit = 1L << e.index;
    boolean was = (offerable[w] & bit) != 0;
    boolean is = e.state == Executor.State.ACTIVE && e.freeCores > 0;
    offerableFreeCores += (is ? e.freeCores : 0) - (was ? freeBefore : 0);
    if (is == was) return;
    if (is) {
      offerable[w] |= bit;
      offerableCount++;
    } else {
      offerable[w] &= ~bit;
      offerableCount--;
    }
  }
}
