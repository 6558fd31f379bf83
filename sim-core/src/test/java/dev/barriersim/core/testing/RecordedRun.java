package dev.barriersim.core.testing;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.observe.SimulationListener;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A run whose events are kept in memory, with small queries for assertions. */
public final class RecordedRun {
  public final RunResult result;
  public final List<SimEvent> events;
  public final String eventLog;
  public final String taskCsv;

  private RecordedRun(RunResult result, List<SimEvent> events, String eventLog, String taskCsv) {
    this.result = result;
    this.events = events;
    this.eventLog = eventLog;
    this.taskCsv = taskCsv;
  }

  /** Runs {@code spec} and records everything. */
  public static RecordedRun of(SimulationSpec spec) {
    List<SimEvent> events = new ArrayList<>();
    SimulationListener recorder = new SimulationListener() {
      @Override public void onEvent(SimEvent e) { events.add(e); }
    };
    StringWriter log = new StringWriter();
    StringWriter csv = new StringWriter();
    RunResult r = Simulations.run(spec, new RunOutputs(log, csv, List.of(recorder)));
    return new RecordedRun(r, events, log.toString(), csv.toString());
  }

  public <T extends SimEvent> List<T> all(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (SimEvent e : events) if (type.isInstance(e)) out.add(type.cast(e));
    return out;
  }

  public <T extends SimEvent> List<T> all(Class<T> type, Predicate<T> filter) {
    List<T> out = new ArrayList<>();
    for (T e : all(type)) if (filter.test(e)) out.add(e);
    return out;
  }

  public List<TaskLaunched> launches(String stage, int stageAttempt) {
    return all(TaskLaunched.class, l -> l.stage().equals(stage) && l.stageAttempt() == stageAttempt);
  }

  public List<TaskEnded> ends(TaskStatus status) {
    return all(TaskEnded.class, t -> t.status() == status);
  }

  /** The distinct launch instants of one stage attempt. */
  public List<Long> launchInstants(String stage, int stageAttempt) {
    return launches(stage, stageAttempt).stream().map(TaskLaunched::t).distinct().toList();
  }
}
