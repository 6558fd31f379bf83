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
 *
 * <p>Frequent events need no object of their own: a component {@link #register registers} a
 * {@link Handler} once and gets a kind; {@link #at(long, Phase, int, Object)} then schedules that
 * kind for a target the model already holds (a task attempt, say). The queue stores kind and
 * target in its own arrays, so scheduling such an event allocates nothing. Rare events may still
 * pass an {@link Action}.
 */
public final class EventLoop {
  /** Something that happens at a scheduled instant. */
  @FunctionalInterface
  public interface Action {
    /** Fires at {@link EventLoop#now()}. */
    void fire();
  }

  /** Fires the events of one registered kind. */
  @FunctionalInterface
  public interface Handler<T> {
    /** Fires at {@link EventLoop#now()} for {@code target}. */
    void fire(T target);
  }

  /** Why the loop stopped. */
  public enum Stop { DONE, EMPTY, HORIZON, EVENT_LIMIT }

  /** A handle that names no event; {@link #cancel} ignores it. */
  public static final long NO_EVENT = -1;

  /** Kind 0 runs an {@link Action}. */
  private static final int ACTION = 0;
  private static final Phase[] PHASES = Phase.values();
  /** Events at later instants, or scheduled for this instant while the clock stood earlier. */
  private final EventQueue<Object> queue = new EventQueue<>();
  /** Events scheduled for the instant the clock stands at. */
  private final InstantLanes lanes = new InstantLanes();
  private Handler<?>[] handlers = {(Handler<Action>) Action::fire};
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

  /** Registers {@code handler} for a new kind of event and returns that kind, for {@link #at(long, Phase, int, Object)}. */
  public <T> int register(Handler<T> handler) {
    int kind = handlers.length;
    if (kind > EventQueue.MAX_KIND) throw new IllegalStateException("too many event kinds");
    handlers = java.util.Arrays.copyOf(handlers, kind + 1);
    handlers[kind] = handler;
    return kind;
  }

  /** Schedules {@code action} at {@code time} (not in the past) in {@code phase}; returns its handle. */
  public long at(long time, Phase p, Action action) {
    return at(time, p, ACTION, action);
  }

  /**
   * Schedules an event of a registered {@code kind} for {@code target} at {@code time} (not in the
   * past) in {@code phase}; its handler gets {@code target} when it fires. Returns its handle.
   */
  public long at(long time, Phase p, int kind, Object target) {
    if (time < now) throw new IllegalStateException("event scheduled in the past: " + time + " < " + now);
    if (time > now) return queue.push(time, p, kind, target);
    long seq = queue.takeSequence();
    lanes.add(p.ordinal(), seq, kind, target);
    return seq;
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
      // The next event: the first of the lowest non-empty lane, unless the queue holds an event of
      // this instant in an earlier phase or in the same one (scheduled before, so it goes first).
      boolean fromLane = !lanes.isEmpty();
      int lanePhase = fromLane ? lanes.firstPhase() : -1;
      if (fromLane && !queue.isEmpty() && queue.peekTime() == now && queue.peekPhase().ordinal() <= lanePhase) {
        fromLane = false;
      }
      if (!fromLane && queue.isEmpty()) return Stop.EMPTY;
      long time = fromLane ? now : queue.peekTime();
      if (time > horizonMs) {
        now = horizonMs;
        return Stop.HORIZON;
      }
      if (fired >= maxEvents) return Stop.EVENT_LIMIT;
      long handle;
      int kind;
      Object target;
      if (fromLane) {
        phase = PHASES[lanePhase];
        handle = lanes.peekSequence(lanePhase);
        kind = lanes.peekKind(lanePhase);
        target = lanes.poll(lanePhase);
      } else {
        now = time;
        phase = queue.peekPhase();
        handle = queue.peekSequence();
        kind = queue.peekKind();
        target = queue.poll();
      }
      fired++;
      if (cancelled.isEmpty() || !cancelled.remove(handle)) fire(handlers[kind], target);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void fire(Handler<T> handler, Object target) {
    handler.fire((T) target);
  }
}
