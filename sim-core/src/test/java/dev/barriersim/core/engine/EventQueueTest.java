package dev.barriersim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event order contract: (time, phase, insertion sequence), total and independent of the heap. */
class EventQueueTest {
  private record Item(long time, Phase phase, int seq) {}

  @Test
  void sameInstant_followsPhaseThenInsertionOrder() {
    EventQueue<String> q = new EventQueue<>();
    q.push(5, Phase.OFFERS, "offers-1");
    q.push(5, Phase.TASK, "task-1");
    q.push(3, Phase.OFFERS, "early");
    q.push(5, Phase.CLUSTER, "cluster");
    q.push(5, Phase.TASK, "task-2");
    q.push(5, Phase.DRIVER, "driver");
    List<String> out = new ArrayList<>();
    while (!q.isEmpty()) out.add(q.poll());
    assertEquals(List.of("early", "cluster", "task-1", "task-2", "driver", "offers-1"), out);
  }

  @Test
  void kindAndTargetTravelWithTheEvent_andDoNotChangeTheOrder() {
    EventQueue<String> q = new EventQueue<>();
    q.push(7, Phase.TASK, EventQueue.MAX_KIND, "late-kind");
    q.push(7, Phase.TASK, 1, "early-kind");
    q.push(2, Phase.OFFERS, 3, "first");
    List<String> out = new ArrayList<>();
    List<Integer> kinds = new ArrayList<>();
    while (!q.isEmpty()) {
      kinds.add(q.peekKind());
      out.add(q.poll());
    }
    assertEquals(List.of("first", "late-kind", "early-kind"), out, "the kind never breaks a tie");
    assertEquals(List.of(3, EventQueue.MAX_KIND, 1), kinds);
  }

  @Test
  void anyPushOrder_pollsInTheTotalOrder() {
    qt().withFixedSeed(20261124L).withExamples(300)
        .forAll(lists().of(integers().between(0, 40 * 4 - 1)).ofSizeBetween(0, 400))
        .checkAssert(codes -> {
          EventQueue<Item> q = new EventQueue<>();
          List<Item> expected = new ArrayList<>();
          for (int i = 0; i < codes.size(); i++) {
            Item it = new Item(codes.get(i) / 4, Phase.values()[codes.get(i) % 4], i);
            q.push(it.time(), it.phase(), it);
            expected.add(it);
          }
          expected.sort(Comparator.comparingLong(Item::time).thenComparing(Item::phase).thenComparingInt(Item::seq));
          List<Item> actual = new ArrayList<>();
          while (!q.isEmpty()) actual.add(q.poll());
          assertEquals(expected, actual);
        });
  }

  @Test
  void loopRefusesEventsInThePastAndStopsAtTheHorizon() {
    EventLoop loop = new EventLoop();
    List<Long> fired = new ArrayList<>();
    loop.at(10, Phase.TASK, () -> {
      fired.add(loop.now());
      assertThrows(IllegalStateException.class, () -> loop.at(9, Phase.TASK, () -> {}));
      loop.at(30, Phase.TASK, () -> fired.add(loop.now()));
    });
    assertEquals(EventLoop.Stop.HORIZON, loop.run(20, 100, () -> false));
    assertEquals(List.of(10L), fired);
    assertEquals(20, loop.now());
  }
}
