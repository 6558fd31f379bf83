package dev.barriersim.core.engine;

import java.util.function.BooleanSupplier;

/**
 * The virtual clock and its event list. Time only moves forward, to the time of the event being
 * fired; the loop stops when the model says it is done, when no event is left, at the horizon or
 * after the maximum number of events.
 */
public final class EventLoop {
  /** Something that happens at a scheduled instant. */
  @FunctionalInterface
  public interface Action {
    /** Fires at {@link EventLoop#now()}. */
    void fire();
  }

  /** Why the loop stopped. */
  public enum Stop { DONE, EMPTY, HORIZON, EVENT_LIMIT }

  private final EventQueue<Action> queue = new EventQueue<>();
  private long now;
  private Phase phase = Phase.CLUSTER;
  private long fired;

  /** The current virtual time in ms. */
  public long now() {
    return now;
  }

  /** The phase of the event being fired. */
  public Phase phase() {
    return phase;
  }

  /** Number of events fired so far. */
  public long fired() {
    return fired;
  }

  /** Schedules {@code action} at {@code time} (not in the past) in {@code phase}. */
  public void at(long time, Phase p, Action action) {
    if (time < now) throw new IllegalStateException("event scheduled in the past: " + time + " < " + now);
    queue.push(time, p, action);
  }

  /**
   * Fires events in order until {@code done} holds, the queue is empty, the next event lies
   * beyond {@code horizonMs} (the clock then stands at the horizon), or {@code maxEvents} fired.
   */
  public Stop run(long horizonMs, long maxEvents, BooleanSupplier done) {
    while (true) {
      if (done.getAsBoolean()) return Stop.DONE;
      if (queue.isEmpty()) return Stop.EMPTY;
      if (queue.peekTime() > horizonMs) {
        now = horizonMs;
        return Stop.HORIZON;
      }
      if (fired >= maxEvents) return Stop.EVENT_LIMIT;
      now = queue.peekTime();
      phase = queue.peekPhase();
      Action a = queue.poll();
      fired++;
      a.fire();
    }
  }
}
