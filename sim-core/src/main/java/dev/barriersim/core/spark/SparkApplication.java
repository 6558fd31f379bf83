package dev.barriersim.core.spark;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.cluster.ClusterChange;
import dev.barriersim.core.cluster.ClusterState;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.observe.Observers;
import dev.barriersim.core.observe.SimulationListener;
import dev.barriersim.core.random.KeyedGenerator;
import dev.barriersim.core.random.RandomStreams;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.RepeatSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * One simulated Spark application: builds the cluster, the driver's schedulers and the job
 * instances from a spec, and runs the event loop. Only {@code Simulations} uses it.
 */
public final class SparkApplication {
  /** How and when a run stopped. */
  public record Ending(Outcome outcome, long endMs) {}

  private final SimulationSpec spec;
  private final List<SimulationListener> listeners;

  /** An application for {@code spec}, observed by {@code listeners} in order. */
  public SparkApplication(SimulationSpec spec, List<SimulationListener> listeners) {
    this.spec = spec;
    this.listeners = List.copyOf(listeners);
  }

  /** Runs to the end; single-threaded and deterministic. */
  public Ending run() {
    EventLoop loop = new EventLoop();
    Observers emit = new Observers(listeners);
    emit.accept(new SimEvent.RunStarted(0, spec.name(), spec.seed()));
    SparkConf conf = spec.conf();
    SimulationSettings settings = spec.settings();
    RandomStreams streams = new RandomStreams(spec.seed());
    ClusterState cluster = new ClusterState(spec.resourceNames());
    TaskSetQueue queue = new TaskSetQueue(conf.schedulingMode(), spec.pools());
    SchedulerBackend backend = new SchedulerBackend(loop, cluster, settings.backend(), conf.reviveIntervalMs(),
        settings.reviveOffsetMs());
    TaskRunner runner = new TaskRunner(loop, settings, conf.interruptOnCancel(), backend, emit);
    BarrierCoordinator coordinator = new BarrierCoordinator(loop, conf, runner, emit);
    WorkPlanner work = new WorkPlanner(streams, spec.failures());
    MapOutputTracker mapOutputs = new MapOutputTracker();
    DelayScheduling delay = new DelayScheduling(loop, cluster, conf.locality(), backend, emit, spec.jobs());
    ResourceOffers offers = new ResourceOffers(cluster,
        settings.offerOrder() == OfferOrder.SHUFFLED ? streams.stream(RandomStreams.OFFER_ORDER) : null);
    TaskScheduler scheduler =
        new TaskScheduler(loop, cluster, conf, queue, backend, runner, work, mapOutputs, emit, offers, delay);
    DagScheduler dag =
        new DagScheduler(loop, cluster, conf, backend, scheduler, coordinator, mapOutputs, emit, settings.barrierPartialRerun());
    backend.wire(scheduler);
    runner.wire(scheduler, coordinator);
    ClusterEvents clusterEvents =
        new ClusterEvents(loop, cluster, backend, scheduler, emit, spec.failures().executors(), streams);
    scheduler.wire(dag, clusterEvents);
    SpeculationPolicy speculation = SpeculationPolicy.of(loop, conf, settings.backend(), queue, backend, emit);
    if (speculation != null) scheduler.speculateWith(speculation);

    clusterEvents.schedule(spec.cluster());
    dag.submitJobs(jobInstances(queue, streams));

    EventLoop.Stop stop = loop.run(settings.horizonMs(), settings.maxEvents(),
        () -> dag.allJobsEnded() && cluster.activeTasks() == 0);
    Outcome outcome = switch (stop) {
      case DONE -> Outcome.COMPLETED;
      case EMPTY -> dag.allJobsEnded() ? Outcome.COMPLETED : Outcome.STALLED;
      case HORIZON -> Outcome.HORIZON;
      case EVENT_LIMIT -> Outcome.EVENT_LIMIT;
    };
    emit.runEnded(loop.now(), outcome);
    return new Ending(outcome, loop.now());
  }

  /**
   * Expands repeated jobs into instances {@code name#1, name#2, ...} and numbers every instance
   * in submission order (ties: scenario order, then instance): Spark's job ids, the FIFO priority.
   */
  private List<ActiveJob> jobInstances(TaskSetQueue queue, RandomStreams streams) {
    record Instance(String name, JobSpec spec, int instance, long submitMs, int order) {}
    List<Instance> all = new ArrayList<>();
    KeyedGenerator arrivals = streams.stream(RandomStreams.ARRIVAL);
    for (int j = 0; j < spec.jobs().size(); j++) {
      JobSpec job = spec.jobs().get(j);
      RepeatSpec r = job.repeat();
      if (r == null) {
        all.add(new Instance(job.name(), job, 0, job.submitAtMs(), j));
        continue;
      }
      long t = job.submitAtMs();
      for (int k = 1; k <= r.count(); k++) {
        all.add(new Instance(job.name() + "#" + k, job, k, t, j));
        if (r.gap() == RepeatSpec.Gap.FIXED) {
          t += r.gapMs();
        } else {
          arrivals.position(RandomStreams.hash(job.name()), k);
          t += Math.max(0, Math.round(-r.gapMs() * StrictMath.log(1 - arrivals.nextDouble())));
        }
      }
    }
    all.sort(Comparator.comparingLong(Instance::submitMs).thenComparingInt(Instance::order)
        .thenComparingInt(Instance::instance));
    List<ActiveJob> jobs = new ArrayList<>(all.size());
    for (int id = 0; id < all.size(); id++) {
      Instance i = all.get(id);
      jobs.add(new ActiveJob(id, i.name(), i.spec(), i.instance(), i.submitMs(), queue.pool(i.spec().pool())));
    }
    return jobs;
  }
}
