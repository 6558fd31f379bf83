package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.cluster.ResourceDemand;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.engine.Phase;

/**
 * When offer rounds happen. {@code CoarseGrainedSchedulerBackend}: a full round when asked
 * (TaskSet submitted, a task failed, an executor lost) and every {@code spark.scheduler.revive.interval}
 * (ticks at k x interval from time 0), and a round over the one executor after each task end there
 * and when an executor joins.
 * {@code LocalSchedulerBackend}: a full round (over its single executor) on every status update
 * and when asked; no periodic revive. Each backend also counts the slots the barrier check at job
 * submission compares with ({@code maxNumConcurrentTasks}).
 *
 * <p>A periodic round whose inputs have not changed since the previous full round could launch
 * nothing, so it is not simulated: ticks are scheduled only after something freed resources or
 * added work. The result is the same as ticking forever, and a run with nothing left to do ends.
 */
final class SchedulerBackend {
  private final EventLoop loop;
  private final ClusterState cluster;
  private final Backend kind;
  private final long reviveIntervalMs;
  /** Phase of the periodic revive ticks, in [0, interval). */
  private final long reviveOffsetMs;
  private TaskScheduler scheduler;
  private long requestedRoundAt = -1;
  /** A {@link #reviveOffers} round is scheduled at this instant and has not run yet. */
  private boolean roundRequested;
  private long tickAt = -1;
  private long tickHandle;
  /**
   * The earliest instant a TaskSet's locality wait ends that no full round has met yet, or
   * {@link Long#MAX_VALUE}: the periodic round at or after it is simulated even when nothing else
   * changed, since delay scheduling may now allow a farther level.
   */
  private long localityWaitEndsAt = Long.MAX_VALUE;
  private long version;
  private long versionAtLastFullRound = -1;
  /** The last {@link #maxNumConcurrentTasks} answer, for this demand and cluster membership. */
  private ResourceDemand slotsDemand;
  private long slotsMembership = -1;
  private int slots;
  private final int reviveKind;
  private final int tickKind;

  SchedulerBackend(EventLoop loop, ClusterState cluster, Backend kind, long reviveIntervalMs, long reviveOffsetMs) {
    this.loop = loop;
    this.cluster = cluster;
    this.kind = kind;
    this.reviveIntervalMs = reviveIntervalMs;
    this.reviveOffsetMs = Math.floorMod(reviveOffsetMs, reviveIntervalMs);
    this.reviveKind = loop.register((SchedulerBackend b) -> {
      b.roundRequested = false;
      b.fullRound();
    });
    this.tickKind = loop.register((SchedulerBackend b) -> b.tick());
  }

  void wire(TaskScheduler scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * {@code maxNumConcurrentTasks}: the slots of every active executor on its totals (busy ones
   * count) for one task shape; {@code local[N]} counts N / cpus and ignores custom resources.
   * O(executors); it runs only when a barrier job is submitted.
   */
  int maxNumConcurrentTasks(ResourceDemand d) {
    if (kind == Backend.COARSE_GRAINED) {
      // Totals of active executors only change when executors join or leave: remember the last answer.
      if (d != slotsDemand || cluster.membership() != slotsMembership) {
        slotsDemand = d;
        slotsMembership = cluster.membership();
        slots = cluster.maxConcurrentTasks(d);
      }
      return slots;
    }
    int slots = 0;
    for (int i = 0; i < cluster.size(); i++) {
      Executor e = cluster.get(i);
      if (e.isActive()) slots += e.totalCores() / d.cpus();
    }
    return slots;
  }

  /**
   * Spark's {@code Utils.isDynamicAllocationEnabled}: {@code spark.dynamicAllocation.enabled} counts
   * only off {@code local[N]}, so the barrier check at job submission ignores it there.
   */
  boolean dynamicAllocationEnabled(SparkConf conf) {
    return conf.dynamicAllocation() && kind != Backend.LOCAL;
  }

  /**
   * True when the coordinator's reply reaches the last task to arrive in {@code barrier()} before
   * its first poll: {@code local[N]} runs driver and executor in one JVM. On a cluster the last
   * arriver also waits one poll step, as measured on Spark 3.5.
   */
  boolean repliesToLastArrivalAtOnce() {
    return kind == Backend.LOCAL;
  }

  /** True for {@code local[N]}, where Spark never enables dynamic allocation. */
  boolean isLocal() {
    return kind == Backend.LOCAL;
  }

  /** Spark's {@code reviveOffers()}: one full round at this instant, after its status updates. */
  void reviveOffers() {
    long now = loop.now();
    if (requestedRoundAt == now) return;
    requestedRoundAt = now;
    roundRequested = true;
    loop.at(now, Phase.OFFERS, reviveKind, this);
  }

  /**
   * Executor {@code e} has joined. {@code CoarseGrainedSchedulerBackend} handles its
   * {@code LaunchedExecutor} with {@code makeOffers(executorId)}: a round over that executor alone,
   * so a barrier set needing more slots than it has waits for the next full round. ({@code local[N]}
   * has its one executor from the start, before any job: that round finds nothing to launch.)
   */
  void executorLaunched(Executor e) {
    scheduler.offerOn(e);
  }

  /** A task ended on {@code e} and the driver freed its resources. */
  void taskEnded(Executor e) {
    if (kind == Backend.LOCAL) fullRound();
    else scheduler.offerOn(e);
  }

  /** Free resources or pending work changed: a later periodic round may launch something. */
  void stateChanged() {
    version++;
    if (kind == Backend.COARSE_GRAINED) ensureTick();
  }

  /**
   * A TaskSet's locality wait ends at {@code t} (after now): the periodic round at or after it may
   * launch at a farther level. {@code local[N]} has no periodic round, so there it waits, as in
   * Spark, for the next status update.
   */
  void localityWaitEnds(long t) {
    if (kind != Backend.COARSE_GRAINED || t >= localityWaitEndsAt) return;
    localityWaitEndsAt = t;
    scheduleTick(tickAtOrAfter(t));
  }

  private void fullRound() {
    versionAtLastFullRound = version;
    scheduler.offerAll();
  }

  private void ensureTick() {
    long now = loop.now();
    // Without a locality wait, a pending tick is always the next periodic one.
    if (tickAt >= now && localityWaitEndsAt == Long.MAX_VALUE) return;
    long next = tickAtOrAfter(now);
    if (next == now && loop.phase() == Phase.OFFERS) next += reviveIntervalMs;
    // A locality wait's tick stands in for the periodic one only when it is not later: Spark's
    // revive timer fires every interval whatever else is pending.
    if (tickAt >= now && tickAt <= next) return;
    if (!scheduler.hasPendingWork()) return;
    scheduleTick(next);
  }

  /** Ticks at offset + k x interval: the driver's revive timer started at an instant of its own. */
  private long tickAtOrAfter(long t) {
    return reviveOffsetMs
        + Math.max(0, Math.floorDiv(t - reviveOffsetMs + reviveIntervalMs - 1, reviveIntervalMs)) * reviveIntervalMs;
  }

  /** Keeps one tick pending, the earliest asked for. */
  private void scheduleTick(long at) {
    if (tickAt >= loop.now()) {
      if (tickAt <= at) return;
      loop.cancel(tickHandle);
    }
    tickAt = at;
    tickHandle = loop.at(at, Phase.OFFERS, tickKind, this);
  }

  private void tick() {
    tickAt = -1;
    boolean waitEnded = localityWaitEndsAt <= loop.now();
    if (waitEnded) localityWaitEndsAt = Long.MAX_VALUE;
    // A full round requested for this instant runs after the tick and sees the same state: one is enough.
    if ((version != versionAtLastFullRound || waitEnded) && !roundRequested) fullRound();
    if (localityWaitEndsAt != Long.MAX_VALUE) scheduleTick(tickAtOrAfter(localityWaitEndsAt));
  }
}
