package dev.barriersim.core.engine;

import java.util.function.BooleanSupplier;

/**
 * The virtual clock and its event list. Time only moves forward, to the time of the event being
 * fired; the loop stops when the model says it is done, when no event is left, at the horizon or
 * after the maximum number of events.
 *
 * <p>{@link #at} returns a handle, a plain {@code long}, that {@link #cancel} takes. A cancelled
 * event still takes its turn: the clock moves to it and it counts towards the event limit, but its
 * action does not run. So cancelling an event has exactly the effect of an action that finds it
 * has nothing left to do, and never changes when or how a run stops.
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

  /** A handle that names no event; {@link #cancel} ignores it. */
  public static final long NO_EVENT = -1;

  private final EventQueue<Action> queue = new EventQueue<>();
  private final LongSet cancelled = new LongSet();
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

  /** Schedules {@code action} at {@code time} (not in the past) in {@code phase}; returns its handle. */
  public long at(long time, Phase p, Action action) {
    if (time < now) throw new IllegalStateException("event scheduled in the past: " + time + " < " + now);
    return queue.push(time, p, action);
  }

  /**
   * Cancels the event named by {@code handle}, which must not have fired yet (callers forget a
   * handle when its event fires); {@link #NO_EVENT} is ignored.
   */
  public void cancel(long handle) {
    if (handle != NO_EVENT) cancelled.add(handle);
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
      long handle = queue.peekSequence();
      Action a = queue.poll();
      fired++;
      if (cancelled.isEmpty() || !cancelled.remove(handle)) a.fire();
    }
  }
}
