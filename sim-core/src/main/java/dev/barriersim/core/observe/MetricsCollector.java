package dev.barriersim.core.observe;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;

/**
 * Turns the event stream into the run's summary, one concern per part: the job, stage and task
 * records ({@link RunRecords}), core and resource time ({@link CoreTime}) and the costs of barrier
 * mode ({@link BarrierCosts}). Time is integrated up to each event before the event is applied.
 */
public final class MetricsCollector implements SimulationListener {
  private final RunRecords records = new RunRecords();
  private final CoreTime coreTime;
  private final BarrierCosts barrierCosts;
  private long events;

  /** A collector for runs of {@code spec}. */
  public MetricsCollector(SimulationSpec spec) {
    int taskCpus = spec.conf().taskCpus();
    this.coreTime = new CoreTime(taskCpus, spec.resourceNames());
    this.barrierCosts = new BarrierCosts(taskCpus);
  }

  /** Events observed so far: the number of lines of the run's {@code events.jsonl}. */
  public long events() {
    return events;
  }

  @Override
  public void onEvent(SimEvent e) {
    events++;
    long dt = coreTime.advanceTo(e.t());
    if (dt > 0) barrierCosts.integrate(dt, coreTime.idleCores());
    if (e instanceof TaskLaunched l) { // the two events of every task first: the common path is short
      records.taskLaunched(l);
      coreTime.taskLaunched(l);
      barrierCosts.taskLaunched(l);
    } else if (e instanceof TaskEnded t) {
      records.taskEnded(t);
      coreTime.taskEnded(t);
    } else {
      records.onEvent(e);
      coreTime.onEvent(e);
      barrierCosts.onEvent(e);
    }
  }

  /** The summary of the run that stopped at {@code endMs}; a completed run's makespan is its last end. */
  public RunResult result(Outcome outcome, long endMs, long events, String digest) {
    long makespan = outcome == Outcome.COMPLETED ? records.lastEndMs() : endMs;
    return new RunResult(outcome, makespan, events, digest, records.jobs(), records.stages(), records.taskCounts(),
        coreTime.cores(endMs, makespan), barrierCosts.metrics(endMs), coreTime.resources(endMs, makespan));
  }
}
