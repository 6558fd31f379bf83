package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.cluster.ResourceDemand;
import java.util.Arrays;

/**
 * The executors offered in one round (Spark's {@code WorkerOffer}s), in executor-id order, and
 * Spark's sweep that places a TaskSet's tasks on them ({@code resourceOfferSingleTaskSet}): each
 * offer takes at most one task per sweep, until a sweep places nothing.
 */
final class ResourceOffers {
  /** Receives each task the sweep places; the executor's resources are already taken for it. */
  @FunctionalInterface
  interface Placement {
    /** Task {@code index} of {@code ts} goes to {@code e}. */
    void placed(TaskSetManager ts, int index, Executor e);
  }

  private final ClusterState cluster;
  /** The round's offers, in executor-id order (plain arrays: a round allocates nothing). */
  private Executor[] offers = new Executor[16];
  private int size;
  private Executor[] candidates = new Executor[16];
  /**
   * The round's free slots for one task shape, kept up to date as tasks are placed, given back and
   * full offers dropped, so that a barrier TaskSet skipped for want of slots costs O(1).
   */
  private ResourceDemand slotsShape;
  private int slots;

  ResourceOffers(ClusterState cluster) {
    this.cluster = cluster;
  }

  /** Offers every executor with a free core (the cluster's index visits only those). */
  void offerAll() {
    size = 0;
    slotsShape = null;
    for (int i = cluster.nextOfferable(0); i >= 0; i = cluster.nextOfferable(i + 1)) add(cluster.get(i));
  }

  /** Offers {@code e} alone, if it takes tasks and has a free core. */
  void offerOn(Executor e) {
    size = 0;
    slotsShape = null;
    if (e.isActive() && e.freeCores() > 0) add(e);
  }

  private void add(Executor e) {
    if (size == offers.length) offers = Arrays.copyOf(offers, 2 * size);
    offers[size++] = e;
  }

  /** True when nothing is left to offer. */
  boolean isEmpty() {
    return size == 0;
  }

  /** Drops the offers whose cores are all taken. */
  void dropFull() {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      Executor e = offers[i];
      if (e.freeCores() > 0) offers[kept++] = e;
      else if (slotsShape != null) slots -= slotsShape.freeSlots(e); // a custom resource may still count
    }
    Arrays.fill(offers, kept, size, null);
    size = kept;
  }

  /** Slots still free in this round for one task of demand {@code d}, as Spark counts them. */
  int freeSlots(ResourceDemand d) {
    if (slotsShape != null && sameShape(slotsShape, d)) return slots;
    int free = 0;
    for (int i = 0; i < size; i++) free += d.freeSlots(offers[i]);
    slotsShape = d;
    slots = free;
    return free;
  }

  private static boolean sameShape(ResourceDemand a, ResourceDemand b) {
    return a == b || (a.cpus() == b.cpus() && Arrays.equals(a.resources(), b.resources()));
  }

  /** Takes one task's resources on offered executor {@code e}. */
  private void take(Executor e, ResourceDemand d) {
    if (slotsShape == null) {
      cluster.take(e, d);
      return;
    }
    int before = slotsShape.freeSlots(e);
    cluster.take(e, d);
    slots += slotsShape.freeSlots(e) - before;
  }

  /** Gives back one task's resources on offered executor {@code e} (a reverted placement). */
  void give(Executor e, ResourceDemand d) {
    if (slotsShape == null) {
      cluster.give(e, d);
      return;
    }
    int before = slotsShape.freeSlots(e);
    cluster.give(e, d);
    slots += slotsShape.freeSlots(e) - before;
  }

  /** Sweeps the offers, placing pending tasks of {@code ts} while any fits, and hands each to {@code placement}. */
  void place(TaskSetManager ts, Placement placement) {
    ResourceDemand d = ts.stage.demand;
    if (candidates.length < size) candidates = new Executor[offers.length];
    int n = 0;
    for (int i = 0; i < size; i++) if (d.fits(offers[i])) candidates[n++] = offers[i];
    while (n > 0 && ts.hasPending()) {
      int kept = 0;
      for (int i = 0; i < n; i++) {
        Executor e = candidates[i];
        if (ts.hasPending()) {
          int index = ts.pollPending();
          take(e, d);
          placement.placed(ts, index, e);
        }
        if (d.fits(e)) candidates[kept++] = e;
      }
      n = kept;
    }
  }
}
