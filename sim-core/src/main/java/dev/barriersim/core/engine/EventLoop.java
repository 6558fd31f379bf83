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
  /** Events scheduled at once in time order (job arrivals), outside the heap. */
  private final SortedBatch batch = new SortedBatch();
  /** Task-phase events of the next 65.5 s, outside the heap. */
  private final TimingWheel wheel;

  /** A loop whose timing wheel covers 2^16 ms. */
  public EventLoop() {
    this(16);
  }

  /** A loop whose timing wheel covers {@code 2^wheelBits} ms (small in tests, to exercise both paths). */
  EventLoop(int wheelBits) {
    wheel = new TimingWheel(wheelBits);
  }
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
    if (time < now) throw inThePast(time);
    if (time > now) {
      if (p != Phase.TASK || !wheel.fits(time, now)) return queue.push(time, p, kind, target);
      long seq = queue.takeSequence();
      wheel.add(time, EventQueue.order(p, seq, kind), target);
      return seq;
    }
    long seq = queue.takeSequence();
    lanes.add(p.ordinal(), seq, kind, target);
    return seq;
  }

  /** The error for an event at {@code time}, before the clock; out of {@link #at} so that it stays small enough to inline. */
  private IllegalStateException inThePast(long time) {
    return new IllegalStateException("event scheduled in the past: " + time + " < " + now);
  }

  /**
   * Schedules events of {@code kind} for {@code targets} at {@code times} (in non-decreasing order,
   * none in the past) in {@code phase}, as many calls of {@link #at(long, Phase, int, Object)} in
   * that order would, with the same handles; they wait in a list of their own rather than in the
   * heap. Only one such list may be pending at a time.
   */
  public long[] atAll(long[] times, Phase p, int kind, Object[] targets) {
    if (times.length != targets.length) throw new IllegalArgumentException("one time per target");
    if (kind < 0 || kind >= handlers.length) throw new IllegalArgumentException("unknown kind " + kind);
    long[] handles = new long[times.length];
    long[] orders = new long[times.length];
    for (int i = 0; i < times.length; i++) {
      if (times[i] < now || (i > 0 && times[i] < times[i - 1])) {
        throw new IllegalStateException("batch times must be in order and not in the past");
      }
      handles[i] = queue.takeSequence();
      orders[i] = EventQueue.order(p, handles[i], kind);
    }
    batch.set(times.clone(), orders, targets.clone());
    return handles;
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
      // The earliest scheduled event: the heap's first, the wheel's first or the batch's next, by
      // (time, phase, sequence).
      int source = queue.isEmpty() ? NONE : HEAP;
      long time = source == HEAP ? queue.peekTime() : 0;
      long order = source == HEAP ? queue.peekOrder() : 0;
      if (!wheel.isEmpty()) {
        long wt = wheel.peekTime(now);
        long wo = wheel.peekOrder(now);
        if (source == NONE || wt < time || (wt == time && wo < order)) {
          source = WHEEL;
          time = wt;
          order = wo;
        }
      }
      if (batch.hasNext()) {
        long bt = batch.peekTime();
        long bo = batch.peekOrder();
        if (source == NONE || bt < time || (bt == time && bo < order)) {
          source = BATCH;
          time = bt;
          order = bo;
        }
      }
      // An event of the current instant from its lane goes first, unless the scheduled one is of this
      // instant in an earlier phase or in the same one (scheduled before, so it goes first).
      if (!lanes.isEmpty()) {
        int lanePhase = lanes.firstPhase();
        if (source == NONE || time != now || EventQueue.phaseOf(order) > lanePhase) {
          source = LANE;
          time = now;
          order = EventQueue.order(PHASES[lanePhase], lanes.peekSequence(lanePhase), lanes.peekKind(lanePhase));
        }
      }
      if (source == NONE) return Stop.EMPTY;
      if (time > horizonMs) {
        now = horizonMs;
        return Stop.HORIZON;
      }
      if (fired >= maxEvents) return Stop.EVENT_LIMIT;
      now = time;
      phase = PHASES[EventQueue.phaseOf(order)];
      Object target = switch (source) {
        case HEAP -> queue.poll();
        case BATCH -> batch.poll();
        case WHEEL -> wheel.poll(now);
        default -> lanes.poll(EventQueue.phaseOf(order));
      };
      fired++;
      if (source == WHEEL && !wheel.isEmpty()) touch(wheel.peekTarget(now));
      long handle = EventQueue.sequenceOf(order);
      if (cancelled.isEmpty() || !cancelled.remove(handle)) fire(handlers[EventQueue.kindOf(order)], target);
    }
  }

  /**
   * Loads the header of the next wheel event's target while this event runs: that target (a task
   * attempt scheduled seconds of virtual time ago) is usually out of the cache, and the load then
   * overlaps with this event's work instead of stalling the next one.
   */
  private void touch(Object next) {
    if (next.getClass() == EventLoop.class) touched++;
  }

  /** Never counts anything; it keeps {@link #touch}'s load from being optimized away. */
  private long touched;

  private static final int NONE = 0;
  private static final int HEAP = 1;
  private static final int BATCH = 2;
  private static final int LANE = 3;
  private static final int WHEEL = 4;

  @SuppressWarnings("unchecked")
  private static <T> void fire(Handler<T> handler, Object target) {
    handler.fire((T) target);
  }
}
