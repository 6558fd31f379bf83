package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.cluster.ResourceDemand;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.observe.Observers;
import dev.barriersim.core.workload.JobSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Locality and delay scheduling on the scheduler's side ({@code TaskSchedulerImpl}): gives a
 * TaskSet whose tasks have preferred locations its {@link TaskSetLocality} when it is submitted,
 * offers a round to it level by level ({@code resourceOffers} with {@code resourceOfferSingleTaskSet}
 * and {@code TaskSetManager.resourceOffer}), applies the non-legacy timer reset rule after each
 * such offer, and asks the backend for a round when a wait ends. TaskSets without preferences
 * never come here.
 */
final class DelayScheduling implements TaskSetLocality.LevelListener {
  private final EventLoop loop;
  private final ClusterState cluster;
  private final LocalityConf conf;
  private final SchedulerBackend backend;
  private final Observers emit;
  private final PreferredLocations preferences;
  /** Live sets with preferences, for {@link #executorsChanged}; zombies are dropped as met. */
  private final List<TaskSetManager> located = new ArrayList<>();
  // What the last placement found, for settle (one set is offered at a time).
  private boolean launchedAny;
  private boolean noRejects;
  private TaskLocality minLaunched;

  DelayScheduling(EventLoop loop, ClusterState cluster, LocalityConf conf, SchedulerBackend backend, Observers emit,
      List<JobSpec> jobs) {
    this.loop = loop;
    this.cluster = cluster;
    this.conf = conf;
    this.backend = backend;
    this.emit = emit;
    this.preferences = new PreferredLocations(cluster, conf.reduceLocality(), jobs);
  }

  /** {@code DAGScheduler.submitMissingTasks}' preferred locations: a set with any gets delay scheduling. */
  void taskSetSubmitted(TaskSetManager ts) {
    TaskLocation[][] prefs = preferences.of(ts);
    if (prefs == null) return;
    ts.useLocality(new TaskSetLocality(ts, prefs, cluster.topology(), conf, this, this::isExecutorAlive, loop.now()));
    located.add(ts);
  }

  /** Spark's {@code isExecutorAlive}: registered and not decommissioned. */
  private boolean isExecutorAlive(int executor) {
    Executor e = cluster.find(executor);
    return e != null && e.isActive();
  }

  /** A task computed its partition on its executor: remembered where a later stage reads it from the cache. */
  void taskSucceeded(TaskAttempt t) {
    preferences.taskSucceeded(t.taskSet.stage, t.partition, t.executor);
  }

  /** Executors joined, left or were decommissioned: every live set recomputes its valid levels. */
  void executorsChanged() {
    if (located.isEmpty()) return;
    located.removeIf(ts -> ts.isZombie);
    for (TaskSetManager ts : located) ts.locality.recompute(this::isExecutorAlive);
  }

  /** True under {@code spark.locality.wait.legacyResetOnTaskLaunch}: a partial barrier placement aborts the set. */
  boolean abortsPartialBarrier() {
    return conf.legacyResetOnTaskLaunch();
  }

  /**
   * Offers the round to {@code ts} at each of its valid levels in turn, sweeping the offers until
   * a sweep places nothing ({@code resourceOffers}); each placed task goes to {@code placement}.
   * Follow with {@link #settle} once the placement is final.
   */
  void place(TaskSetManager ts, ResourceOffers offers, ResourceOffers.Placement placement) {
    TaskSetLocality l = ts.locality;
    ResourceDemand d = ts.stage.demand;
    long now = loop.now();
    launchedAny = false;
    noRejects = true;
    minLaunched = null;
    int levels = l.levelCount();
    TaskLocality[] maxLevels = new TaskLocality[levels];
    for (int i = 0; i < levels; i++) maxLevels[i] = l.level(i);
    for (TaskLocality max : maxLevels) {
      boolean launched;
      do {
        launched = false;
        for (int i = offers.nextOffer(0); i >= 0; i = offers.nextOffer(i + 1)) {
          Executor e = offers.offerAt(i);
          if (!d.fits(e)) continue;
          if (ts.excludelist != null && ts.excludelist.excludesOffer(e)) continue;
          TaskLocality allowed = max;
          if (max != TaskLocality.NO_PREF) {
            allowed = l.allowedLevel(now);
            if (allowed.ordinal() > max.ordinal()) allowed = max;
          }
          int index = l.dequeue(e, allowed);
          if (index < 0) {
            // hasScheduleDelayReject: an offer refused at ANY while tasks are pending
            if (max == TaskLocality.ANY && l.pending.hasPending()) noRejects = false;
            continue;
          }
          TaskLocality locality = l.placedAt(index);
          if (conf.legacyResetOnTaskLaunch() && max != TaskLocality.NO_PREF) l.resetTimer(now, locality);
          ts.changing();
          offers.take(e, d);
          placement.placed(ts, index, e);
          launched = true;
          launchedAny = true;
          if (minLaunched == null || locality.ordinal() < minLaunched.ordinal()) minLaunched = locality;
        }
      } while (launched);
    }
  }

  /**
   * After {@link #place} and, for a barrier set, its launch or revert: the non-legacy reset rule
   * (the timer restarts at the best level launched when nothing was refused for locality, in a full
   * round or when nothing was refused since the last reset), and a round when the current wait ends.
   */
  void settle(TaskSetManager ts, boolean fullRound) {
    TaskSetLocality l = ts.locality;
    if (ts.isBarrier) l.releaseBarrierPending();
    if (!conf.legacyResetOnTaskLaunch()) {
      if (noRejects) {
        if (launchedAny && (fullRound || l.noRejectsSinceLastReset)) {
          l.resetTimer(loop.now(), minLaunched);
          l.noRejectsSinceLastReset = true;
        }
      } else {
        l.noRejectsSinceLastReset = false;
      }
    }
    long waitEnds = l.currentWaitEndsAt();
    if (waitEnds > loop.now() && !ts.isZombie && ts.hasPending()) backend.localityWaitEnds(waitEnds);
  }

  @Override
  public void levelChanged(TaskSetManager ts, TaskLocality from, TaskLocality to, String reason) {
    Stage s = ts.stage;
    emit.accept(new SimEvent.LocalityLevelChanged(loop.now(), s.job.name, s.spec.name(), ts.stageAttempt, from, to,
        reason));
  }
}
