package dev.barriersim.core.observe;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskStatus;

/**
 * Turns the event stream into the run's summary, one concern per part: the job, stage and task
 * records ({@link RunRecords}), core and resource time ({@link CoreTime}) and the costs of barrier
 * mode ({@link BarrierCosts}). Time is integrated up to each event before the event is applied.
 */
public final class MetricsCollector implements FrequentEventSink {
  private final RunRecords records;
  private final CoreTime coreTime;
  private final BarrierCosts barrierCosts;
  private long events;

  /** A collector for runs of {@code spec}. */
  public MetricsCollector(SimulationSpec spec) {
    int taskCpus = spec.conf().taskCpus();
    long instances = 0;
    for (var j : spec.jobs()) instances += j.repeat() == null ? 1 : j.repeat().count();
    this.records = new RunRecords((int) Math.min(Integer.MAX_VALUE, instances));
    this.coreTime = new CoreTime(taskCpus, spec.resourceNames());
    this.barrierCosts = new BarrierCosts(taskCpus);
  }

  /** Events observed so far: the number of lines of the run's {@code events.jsonl}. */
  public long events() {
    return events;
  }

  @Override
  public void onEvent(SimEvent e) {
    if (acceptAsValues(e)) return;
    advanceTo(e.t());
    records.onEvent(e);
    coreTime.onEvent(e);
    barrierCosts.onEvent(e);
  }

  @Override
  public void taskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, HeldResources resources, TaskLocality locality) {
    advanceTo(t);
    records.taskLaunched(t, job, stage);
    coreTime.taskLaunched(t, resources);
    barrierCosts.taskLaunched(t, job, stage);
  }

  @Override
  public void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
      String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
      long[] barrierWaits) {
    advanceTo(t);
    records.taskEnded(t, status); // a task end costs the barrier costs nothing
    coreTime.taskEnded(t, launchMs, status, resources);
  }

  @Override
  public void barrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free,
      boolean fullRound) {
    advanceTo(t);
    barrierCosts.roundsSkipped(1); // the records and core time ignore it
  }

  /** A skipped round counts as an event and a skip; nothing else here reads it. */
  @Override
  public boolean countsSkippedRounds() {
    return true;
  }

  @Override
  public void barrierRoundsSkipped(long t, long count) {
    advanceTo(t);
    events += count - 1;
    barrierCosts.roundsSkipped(count);
  }

  /** Counts the event and integrates time up to {@code t}, before the event is applied. */
  private void advanceTo(long t) {
    events++;
    long dt = coreTime.advanceTo(t);
    if (dt > 0) barrierCosts.integrate(dt, coreTime.idleCores());
  }

  /** The summary of the run that stopped at {@code endMs}; a completed run's makespan is its last end. */
  public RunResult result(Outcome outcome, long endMs, long events, String digest) {
    long makespan = outcome == Outcome.COMPLETED ? records.lastEndMs() : endMs;
    return new RunResult(outcome, makespan, events, digest, records.jobs(), records.stages(), records.taskCounts(),
        coreTime.cores(endMs, makespan), barrierCosts.metrics(endMs), coreTime.resources(endMs, makespan));
  }
}
