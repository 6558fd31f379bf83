package dev.barriersim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cancelling by handle: the action does not run, but the event keeps its turn, as a no-op action would. */
class EventLoopCancelTest {

  @Test
  void aCancelledEventDoesNotRun_butMovesTheClockAndCounts() {
    EventLoop loop = new EventLoop();
    List<String> ran = new ArrayList<>();
    long a = loop.at(10, Phase.TASK, () -> ran.add("a"));
    loop.at(10, Phase.TASK, () -> ran.add("b"));
    long c = loop.at(40, Phase.DRIVER, () -> ran.add("c"));
    loop.cancel(a);
    loop.cancel(c);
    loop.cancel(EventLoop.NO_EVENT);
    assertEquals(EventLoop.Stop.EMPTY, loop.run(Long.MAX_VALUE, 100, () -> false));
    assertEquals(List.of("b"), ran);
    assertEquals(3, loop.fired());
    assertEquals(40, loop.now(), "the clock stands at the cancelled last event, as after a no-op action");
  }

  @Test
  void aCancelledEventBeyondTheHorizonStillStopsTheRunAtTheHorizon() {
    EventLoop loop = new EventLoop();
    loop.cancel(loop.at(50, Phase.TASK, () -> { throw new AssertionError("cancelled"); }));
    assertEquals(EventLoop.Stop.HORIZON, loop.run(20, 100, () -> false));
    assertEquals(20, loop.now());
  }

  @Test
  void cancelledEventsCountTowardsTheEventLimit() {
    EventLoop loop = new EventLoop();
    List<Long> ran = new ArrayList<>();
    loop.cancel(loop.at(1, Phase.TASK, () -> ran.add(1L)));
    loop.at(2, Phase.TASK, () -> ran.add(2L));
    loop.at(3, Phase.TASK, () -> ran.add(3L));
    assertEquals(EventLoop.Stop.EVENT_LIMIT, loop.run(Long.MAX_VALUE, 2, () -> false));
    assertEquals(List.of(2L), ran);
  }

  @Test
  void anActionCanCancelALaterEventOfTheSameInstant() {
    EventLoop loop = new EventLoop();
    List<String> ran = new ArrayList<>();
    long[] later = new long[1];
    loop.at(5, Phase.TASK, () -> {
      ran.add("first");
      loop.cancel(later[0]);
    });
    later[0] = loop.at(5, Phase.TASK, () -> ran.add("second"));
    loop.at(5, Phase.OFFERS, () -> ran.add("third"));
    loop.run(Long.MAX_VALUE, 100, () -> false);
    assertEquals(List.of("first", "third"), ran);
  }

  @Test
  void aRegisteredKindFiresItsHandlerWithTheTarget_andCancelsLikeAnAction() {
    EventLoop loop = new EventLoop();
    List<String> ran = new ArrayList<>();
    int kind = loop.register((StringBuilder target) -> ran.add(target + "@" + loop.now()));
    loop.at(4, Phase.TASK, kind, new StringBuilder("x"));
    loop.cancel(loop.at(6, Phase.TASK, kind, new StringBuilder("cancelled")));
    loop.at(5, Phase.DRIVER, () -> ran.add("action@" + loop.now()));
    assertEquals(EventLoop.Stop.EMPTY, loop.run(Long.MAX_VALUE, 100, () -> false));
    assertEquals(List.of("x@4", "action@5"), ran);
    assertEquals(3, loop.fired());
  }

  /** What the test schedules through: the real loop, or the reference below. */
  private interface Clock {
    long at(long time, Phase p, Runnable r);

    /** Events in time order scheduled together; the reference schedules them one by one. */
    default void atAll(long[] times, Phase p, Runnable[] rs) {
      for (int i = 0; i < times.length; i++) at(times[i], p, rs[i]);
    }

    void cancel(long handle);

    long now();

    Phase phase();

    void run();
  }

  /** The reference: every event in one sorted map by (time, phase, sequence); no lanes, no heap. */
  private static final class SortedListClock implements Clock {
    private final java.util.TreeMap<long[], Runnable> events = new java.util.TreeMap<>(
        java.util.Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]).thenComparingLong(k -> k[2]));
    private final Set<Long> cancelled = new HashSet<>();
    private long seq;
    private long now;
    private Phase phase = Phase.CLUSTER;

    public long at(long time, Phase p, Runnable r) {
      events.put(new long[] {time, p.ordinal(), seq}, r);
      return seq++;
    }

    public void cancel(long handle) { cancelled.add(handle); }
    public long now() { return now; }
    public Phase phase() { return phase; }

    public void run() {
      while (!events.isEmpty()) {
        var e = events.pollFirstEntry();
        now = e.getKey()[0];
        phase = Phase.values()[(int) e.getKey()[1]];
        if (!cancelled.remove(e.getKey()[2])) e.getValue().run();
      }
    }
  }

  private static Clock real() {
    EventLoop loop = new EventLoop(2); // a 4 ms timing wheel: events go to the wheel and to the heap
    return new Clock() {
      private final int kind = loop.register((Runnable r) -> r.run());

      public long at(long time, Phase p, Runnable r) { return loop.at(time, p, r::run); }

      @Override
      public void atAll(long[] times, Phase p, Runnable[] rs) { loop.atAll(times, p, kind, rs); }
      public void cancel(long handle) { loop.cancel(handle); }
      public long now() { return loop.now(); }
      public Phase phase() { return loop.phase(); }
      public void run() { loop.run(Long.MAX_VALUE, Long.MAX_VALUE, () -> false); }
    };
  }

  /** Runs a tree of events that schedule events (driven by {@code codes}) and returns what fired, in order. */
  private static List<String> fire(Clock clock, List<Integer> codes) {
    List<String> fired = new ArrayList<>();
    int[] next = {0};
    class Spawner {
      void schedule(long time, Phase p, String name) {
        clock.at(time, p, () -> {
          fired.add(name + "@" + clock.now() + "/" + clock.phase());
          for (int k = 0; k < 2 && next[0] < codes.size(); k++) {
            int c = codes.get(next[0]++);
            Phase q = Phase.values()[c % 4];
            long at = clock.now() + new long[] {0, 1, 2, 3, 4, 5, 9}[(c / 4) % 7]; // often now, in any phase
            if (c % 17 == 0) clock.cancel(clock.at(clock.now() + 1, q, () -> fired.add("a cancelled event ran")));
            else schedule(at, q, name + "." + k);
          }
        });
      }
    }
    Spawner s = new Spawner();
    // Arrivals known at the start, in time order, some at the same instants as the events below.
    long[] arrivals = {0, 0, 1, 2, 2, 4};
    Runnable[] arrive = new Runnable[arrivals.length];
    for (int i = 0; i < arrivals.length; i++) {
      String name = "arrival" + i;
      arrive[i] = () -> fired.add(name + "@" + clock.now() + "/" + clock.phase());
    }
    clock.atAll(arrivals, Phase.DRIVER, arrive);
    s.schedule(0, Phase.TASK, "root");
    s.schedule(0, Phase.CLUSTER, "first");
    s.schedule(2, Phase.OFFERS, "later");
    clock.run();
    return fired;
  }

  /**
   * Events that schedule events, many of them for the current instant (which the loop keeps in
   * per-phase lanes outside its heap), others in the timing wheel's window or beyond it, and cancel
   * some: the loop fires exactly what a plain sorted map of (time, phase, sequence) fires, in the
   * same order.
   */
  @Test
  void eventsScheduledForNowFireInTheTotalOrder_asASortedMapFiresThem() {
    qt().withFixedSeed(20261127L).withExamples(400)
        .forAll(lists().of(integers().between(0, 999)).ofSizeBetween(1, 300))
        .checkAssert(codes -> assertEquals(fire(new SortedListClock(), codes), fire(real(), codes)));
  }

  /** Random adds and removes agree with a HashSet, through growth and the backward shift of removals. */
  @Test
  void longSetBehavesLikeASet() {
    qt().withFixedSeed(20261124L).withExamples(300)
        .forAll(lists().of(integers().between(-200, 200)).ofSizeBetween(0, 600))
        .checkAssert(ops -> {
          LongSet set = new LongSet();
          Set<Long> model = new HashSet<>();
          for (int op : ops) {
            long v = Math.abs(op) * 1_000_003L; // spread values over many home slots, with collisions
            if (op >= 0) {
              set.add(v);
              model.add(v);
            } else {
              assertEquals(model.remove(v), set.remove(v), "remove " + v);
            }
            assertEquals(model.size(), set.size());
            assertEquals(model.isEmpty(), set.isEmpty());
          }
          for (long v : new ArrayList<>(model)) assertTrue(set.remove(v), "lost " + v);
          assertTrue(set.isEmpty());
        });
  }
}
