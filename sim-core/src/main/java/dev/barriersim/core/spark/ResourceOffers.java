package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.cluster.ResourceDemand;
import java.util.ArrayList;
import java.util.List;

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
  private final List<Executor> offers = new ArrayList<>();
  private final List<Executor> candidates = new ArrayList<>();

  ResourceOffers(ClusterState cluster) {
    this.cluster = cluster;
  }

  /** Offers every executor with a free core (the cluster's index visits only those). */
  void offerAll() {
    offers.clear();
    for (int i = cluster.nextOfferable(0); i >= 0; i = cluster.nextOfferable(i + 1)) offers.add(cluster.get(i));
  }

  /** Offers {@code e} alone, if it takes tasks and has a free core. */
  void offerOn(Executor e) {
    offers.clear();
    if (e.isActive() && e.freeCores() > 0) offers.add(e);
  }

  /** True when nothing is left to offer. */
  boolean isEmpty() {
    return offers.isEmpty();
  }

  /** Drops the offers whose cores are all taken. */
  void dropFull() {
    int kept = 0;
    for (int i = 0, n = offers.size(); i < n; i++) {
      Executor e = offers.get(i);
      if (e.freeCores() > 0) offers.set(kept++, e);
    }
    for (int i = offers.size() - 1; i >= kept; i--) offers.remove(i);
  }

  /** Slots still free in this round for one task of demand {@code d}, as Spark counts them. */
  int freeSlots(ResourceDemand d) {
    int free = 0;
    for (Executor e : offers) free += d.freeSlots(e);
    return free;
  }

  /** Sweeps the offers, placing pending tasks of {@code ts} while any fits, and hands each to {@code placement}. */
  void place(TaskSetManager ts, Placement placement) {
    ResourceDemand d = ts.stage.demand;
    candidates.clear();
    for (Executor e : offers) if (d.fits(e)) candidates.add(e);
    int n = candidates.size();
    while (n > 0 && ts.hasPending()) {
      int kept = 0;
      for (int i = 0; i < n; i++) {
        Executor e = candidates.get(i);
        if (ts.hasPending()) {
          int index = ts.pollPending();
          cluster.take(e, d);
          placement.placed(ts, index, e);
        }
        if (d.fits(e)) candidates.set(kept++, e);
      }
      n = kept;
    }
  }
}
