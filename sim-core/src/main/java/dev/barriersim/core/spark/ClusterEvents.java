package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.Executor;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.engine.Phase;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.failure.ExecutorFailureSpec;
import dev.barriersim.core.random.KeyedGenerator;
import dev.barriersim.core.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What happens to the cluster over virtual time: the initial executors, {@code cluster.changes}
 * (executors join, graceful decommission: no new tasks, and the executor leaves once its last task
 * has ended) and {@code failures.executors} (scripted losses, and random losses after an
 * exponential lifetime drawn per executor from its own stream, each optionally followed by a like
 * executor joining).
 */
final class ClusterEvents {
  private final EventLoop loop;
  private final ClusterState cluster;
  private final SchedulerBackend backend;
  private final TaskScheduler scheduler;
  private final Consumer<SimEvent> emit;
  private final List<ExecutorFailureSpec> failures;
  private final KeyedGenerator lifetimes;
  /** The shape of each executor, by index: a replacement is a like executor. */
  private final List<ExecutorGroup> shapes = new ArrayList<>();

  ClusterEvents(EventLoop loop, ClusterState cluster, SchedulerBackend backend, TaskScheduler scheduler,
      Consumer<SimEvent> emit, List<ExecutorFailureSpec> failures, RandomStreams streams) {
    this.loop = loop;
    this.cluster = cluster;
    this.backend = backend;
    this.scheduler = scheduler;
    this.emit = emit;
    this.failures = failures;
    this.lifetimes = streams.stream(RandomStreams.EXECUTOR_LOSS);
  }

  /** Schedules every cluster event of the scenario. */
  void schedule(ClusterSpec spec) {
    for (ExecutorGroup g : spec.executors()) loop.at(0, Phase.CLUSTER, () -> add(g));
    for (ClusterChange c : spec.changes()) {
      int[] leaving = c.decommission().stream().mapToInt(ClusterState::indexOf).toArray();
      loop.at(c.atMs(), Phase.CLUSTER, () -> {
        if (c.add() != null) add(c.add());
        for (int index : leaving) decommission(cluster.find(index));
      });
    }
    for (int i = 0; i < failures.size(); i++) {
      if (failures.get(i) instanceof ExecutorFailureSpec.Scripted s) {
        String source = "failures.executors[" + i + "]";
        int index = ClusterState.indexOf(s.executorId());
        loop.at(s.atMs(), Phase.CLUSTER, () -> {
          Executor e = cluster.find(index);
          if (lose(e, source, s.causedByApp())) replaceLater(e, s.replaceAfterMs());
        });
      }
    }
  }

  /** A task's code exited the JVM of {@code e}: the executor is lost, caused by the application. */
  void exitedByTask(Executor e, String source, long replaceAfterMs) {
    if (lose(e, source, true)) replaceLater(e, replaceAfterMs);
  }

  /** A like executor (same cores, resources and rack) joins {@code afterMs} from now, unless {@code NEVER}. */
  private void replaceLater(Executor e, long afterMs) {
    if (afterMs == ExecutorFailureSpec.NEVER) return;
    ExecutorGroup like = shapes.get(e.index());
    loop.at(loop.now() + afterMs, Phase.CLUSTER, () -> add(like));
  }

  private void add(ExecutorGroup g) {
    List<Executor> joined = cluster.add(g);
    ExecutorGroup like = new ExecutorGroup(1, g.cores(), new TreeMap<>(g.resources()), 1, g.rack(), g.launchLatencyMs());
    for (Executor e : joined) {
      while (shapes.size() <= e.index()) shapes.add(null);
      shapes.set(e.index(), like);
      emit.accept(new SimEvent.ExecutorAdded(loop.now(), e.id(), e.host(), e.totalCores(),
          HeldResources.of(cluster.resourceNames(), cluster.addressesOf(e)), e.launchLatencyMs()));
      scheduleRandomLoss(e);
    }
    scheduler.executorsChanged();
    backend.stateChanged();
    for (Executor e : joined) backend.executorLaunched(e);
  }

  private void scheduleRandomLoss(Executor e) {
    for (int i = 0; i < failures.size(); i++) {
      if (failures.get(i) instanceof ExecutorFailureSpec.Random r) {
        lifetimes.position(i, e.index());
        long lifetime = Math.max(1, Math.round(-r.mtbfMs() * StrictMath.log(1 - lifetimes.nextDouble())));
        String source = "failures.executors[" + i + "]";
        loop.at(loop.now() + lifetime, Phase.CLUSTER, () -> {
          if (lose(e, source, r.causedByApp())) replaceLater(e, r.replaceAfterMs());
        });
      }
    }
  }

  private void decommission(Executor e) {
    if (e == null || !e.isActive()) return;
    emit.accept(new SimEvent.ExecutorDecommissioned(loop.now(), e.id()));
    cluster.decommission(e);
    scheduler.executorsChanged();
    taskEndedOn(e);
    backend.reviveOffers(); // TaskSchedulerImpl.executorDecommission revives: levels or slots may have changed
  }

  /** A task ended on {@code e}: a decommissioned executor leaves once its last task has ended. */
  void taskEndedOn(Executor e) {
    if (e.state() == Executor.State.DECOMMISSIONING && e.runningTasks() == 0) {
      cluster.remove(e);
      emit.accept(new SimEvent.ExecutorLost(loop.now(), e.id(), "Executor decommission."));
    }
  }

  /** Loses {@code e} unless it is already gone; true when it was lost now. */
  private boolean lose(Executor e, String source, boolean causedByApp) {
    if (e == null || e.state() == Executor.State.LOST) return false;
    String reason = "Executor lost (" + source + ")";
    emit.accept(new SimEvent.ExecutorLost(loop.now(), e.id(), reason));
    scheduler.executorLost(e, reason, causedByApp);
    return true;
  }
}
