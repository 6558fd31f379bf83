package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.cluster.ResourceDemand;
import dev.barriersim.core.random.KeyedGenerator;
import java.util.Arrays;

/**
 * The executors offered in one round (Spark's {@code WorkerOffer}s), in executor-id order or, with
 * {@code simulation.offerOrder: shuffled}, in a seeded shuffle per full round (Spark's
 * {@code TaskSchedulerImpl.shuffleOffers}), and Spark's sweep that places a TaskSet's tasks on them
 * ({@code resourceOfferSingleTaskSet}): each offer takes at most one task per sweep, until a sweep
 * places nothing.
 */
final class ResourceOffers {
  /** Receives each task the sweep places; the executor's resources are already taken for it. */
  @FunctionalInterface
  interface Placement {
    /** Task {@code index} of {@code ts} goes to {@code e}. */
    void placed(TaskSetManager ts, int index, Executor e);
  }

  private final ClusterState cluster;
  /**
   * A full round offers every executor with a free core: the cluster's index of them is the list
   * of offers (an executor whose cores run out leaves it at once, and nothing else joins it during
   * a round), so a round does not copy it, and a sweep stops where the TaskSet runs out of pending
   * tasks. A single-executor round offers {@link #single}.
   */
  private boolean all;
  private Executor single;
  /** Executors whose cores ran out in the current visit: {@link #dropFull} settles them. */
  private Executor[] filled = new Executor[16];
  private int filledCount;
  private Executor[] candidates = new Executor[16];
  /**
   * The round's free slots for one task shape, kept up to date as tasks are placed, given back and
   * full offers dropped, so that a barrier TaskSet skipped for want of slots costs O(1).
   */
  private ResourceDemand slotsShape;
  private int slots;
  /** Draws each full round's shuffle, keyed by the round's number; null: id order. */
  private final KeyedGenerator shuffle;
  private long fullRounds;
  /** The executor indices of a shuffled full round, in offer order; used while {@link #shuffled}. */
  private int[] order = new int[16];
  private int orderSize;
  private boolean shuffled;

  /** Application-level exclusion: excluded executors and hosts are not offered; null when off. */
  private HealthTracker health;

  /** Offers in executor-id order. */
  ResourceOffers(ClusterState cluster) {
    this(cluster, null);
  }

  /** Offers in a shuffled order per full round drawn from {@code shuffle}, or in id order when it is null. */
  ResourceOffers(ClusterState cluster, KeyedGenerator shuffle) {
    this.cluster = cluster;
    this.shuffle = shuffle;
  }

  /** Leaves the executors and hosts {@code tracker} excludes out of every round (Spark's {@code filteredOffers}). */
  void excludeWith(HealthTracker tracker) {
    this.health = tracker;
  }

  /** Offers every executor with a free core (the cluster's index visits only those). */
  void offerAll() {
    all = true;
    single = null;
    filledCount = 0;
    slotsShape = null;
    shuffled = shuffle != null;
    if (shuffled) shuffleOffers();
  }

  /**
   * Spark's {@code shuffleOffers} ({@code Random.shuffle}): the round's offers in a random order,
   * here Fisher-Yates from the last position, drawn at (round number).
   */
  private void shuffleOffers() {
    orderSize = 0;
    if (order.length < cluster.size()) order = new int[Math.max(cluster.size(), 2 * order.length)];
    for (int i = cluster.nextOfferable(0); i >= 0; i = cluster.nextOfferable(i + 1)) {
      if (health == null || !health.excludesOffer(cluster.get(i))) order[orderSize++] = i;
    }
    shuffle.position(fullRounds++);
    for (int n = orderSize - 1; n > 0; n--) {
      int k = shuffle.nextInt(n + 1);
      int x = order[n];
      order[n] = order[k];
      order[k] = x;
    }
  }

  /** Offers {@code e} alone, if it takes tasks and has a free core. */
  void offerOn(Executor e) {
    all = false;
    shuffled = false;
    single = e.isActive() && e.freeCores() > 0 && (health == null || !health.excludesOffer(e)) ? e : null;
    filledCount = 0;
    slotsShape = null;
  }

  /**
   * The first offer at or after position {@code from}, or -1: a position is an executor index, or
   * in a shuffled round an index into {@link #order}; {@link #offerAt} gives its executor. A
   * shuffled round still visits an executor whose cores ran out meanwhile; it fits no task and has
   * no free slot, so that changes nothing.
   */
  int nextOffer(int from) {
    if (shuffled) return from < orderSize ? from : -1;
    if (all) {
      int i = cluster.nextOfferable(from);
      if (health != null) while (i >= 0 && health.excludesOffer(cluster.get(i))) i = cluster.nextOfferable(i + 1);
      return i;
    }
    return single != null && single.index() >= from ? single.index() : -1;
  }

  /** The executor at position {@code p} of {@link #nextOffer}. */
  Executor offerAt(int p) {
    return cluster.get(shuffled ? order[p] : p);
  }

  /** True when nothing is left to offer. */
  boolean isEmpty() {
    return all ? cluster.offerableCount() == 0 : single == null;
  }

  /** Drops the offers whose cores are all taken (only executors filled in this visit can be). */
  void dropFull() {
    for (int i = 0; i < filledCount; i++) {
      Executor e = filled[i];
      filled[i] = null;
      if (e.freeCores() > 0) continue; // given back meanwhile (a reverted barrier placement)
      if (slotsShape != null) slots -= slotsShape.freeSlots(e); // a custom resource may still count
      if (e == single) single = null;
    }
    filledCount = 0;
  }

  /** Slots still free in this round for one task of demand {@code d}, as Spark counts them. */
  int freeSlots(ResourceDemand d) {
    // A full round offers every offerable executor, whose free cores the cluster keeps summed.
    if (all && health == null && d.isOneCoreOnly()) return cluster.offerableFreeCores();
    if (slotsShape != null && sameShape(slotsShape, d)) return slots;
    int free = 0;
    for (int i = nextOffer(0); i >= 0; i = nextOffer(i + 1)) free += d.freeSlots(offerAt(i));
    slotsShape = d;
    slots = free;
    return free;
  }

  private static boolean sameShape(ResourceDemand a, ResourceDemand b) {
    return a == b || (a.cpus() == b.cpus() && Arrays.equals(a.resources(), b.resources()));
  }

  /** Takes one task's resources on offered executor {@code e}. */
  void take(Executor e, ResourceDemand d) {
    int before = slotsShape == null ? 0 : slotsShape.freeSlots(e);
    cluster.take(e, d);
    if (slotsShape != null) slots += slotsShape.freeSlots(e) - before;
    if (e.freeCores() == 0) {
      if (filledCount == filled.length) filled = Arrays.copyOf(filled, 2 * filledCount);
      filled[filledCount++] = e;
    }
  }

  /** Gives back one task's resources on offered executor {@code e} (a reverted placement). */
  void give(Executor e, ResourceDemand d) {
    int before = slotsShape == null ? 0 : slotsShape.freeSlots(e);
    cluster.give(e, d);
    if (slotsShape != null) slots += slotsShape.freeSlots(e) - before;
  }

  /**
   * Spark's sweep: each offer that fits takes one pending task of {@code ts}, in executor order, and
   * sweeps repeat over the offers that still fit until nothing is pending or nothing fits. Each task
   * goes to {@code placement}. A sweep stops where the set runs out of pending tasks: the rest of it
   * would place nothing.
   */
  void place(TaskSetManager ts, Placement placement) {
    place(ts, placement, placement);
  }

  /**
   * {@link #place(TaskSetManager, Placement)} for a set that may also have speculative copies
   * waiting: those go to {@code copies}.
   */
  void place(TaskSetManager ts, Placement placement, Placement copies) {
    if (ts.hasPendingCopies()) {
      placeWithCopies(ts, placement, copies);
      return;
    }
    ResourceDemand d = ts.stage.demand;
    int n = 0;
    for (int i = nextOffer(0); i >= 0; i = nextOffer(i + 1)) {
      Executor e = offerAt(i);
      if (!d.fits(e)) continue;
      if (!ts.hasPending()) return;
      int index = poll(ts, e);
      if (index < 0) continue;
      take(e, d);
      placement.placed(ts, index, e);
      if (d.fits(e)) {
        if (n == candidates.length) candidates = Arrays.copyOf(candidates, 2 * n);
        candidates[n++] = e;
      }
    }
    while (n > 0 && ts.hasPending()) {
      int kept = 0;
      for (int i = 0; i < n; i++) {
        Executor e = candidates[i];
        if (!ts.hasPending()) return;
        int index = poll(ts, e);
        if (index < 0) continue;
        take(e, d);
        placement.placed(ts, index, e);
        if (d.fits(e)) candidates[kept++] = e;
      }
      n = kept;
    }
  }

  /**
   * Spark's sweeps when speculative copies wait ({@code resourceOfferSingleTaskSet} repeated while
   * it launches something): each offer that fits takes one task, a pending task first and else a
   * copy whose task never ran on the offer's host ({@code dequeueTask}), so a sweep goes on past
   * the last pending task. A set with preferred locations places its pending tasks by delay
   * scheduling first; here it places only copies.
   */
  private void placeWithCopies(TaskSetManager ts, Placement placement, Placement copies) {
    ResourceDemand d = ts.stage.demand;
    boolean launched = true;
    while (launched) {
      launched = false;
      for (int i = nextOffer(0); i >= 0; i = nextOffer(i + 1)) {
        Executor e = offerAt(i);
        if (!d.fits(e)) continue;
        if (ts.excludelist != null && ts.excludelist.excludesOffer(e)) continue;
        if (ts.locality == null && ts.hasPending()) {
          int index = poll(ts, e);
          if (index < 0) continue;
          take(e, d);
          placement.placed(ts, index, e);
          launched = true;
        } else if (ts.hasPendingCopies()) {
          int index = ts.speculation.poll(e.host());
          if (index < 0) continue;
          take(e, d);
          copies.placed(ts, index, e);
          launched = true;
        } else {
          return;
        }
      }
    }
  }

  /**
   * The next task of {@code ts} for offer {@code e}, or -1: nothing when the set excludes the
   * executor or its host, else the last pending task not excluded there ({@code resourceOffer}).
   */
  private static int poll(TaskSetManager ts, Executor e) {
    TaskSetExcludelist x = ts.excludelist;
    if (x == null) return ts.pollPending();
    return x.excludesOffer(e) ? -1 : ts.pollPendingAllowedOn(e);
  }
}
