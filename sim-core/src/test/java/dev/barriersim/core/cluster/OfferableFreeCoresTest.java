package dev.barriersim.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The free cores a full round offers, kept as a sum, equal the walk over the offerable index. */
class OfferableFreeCoresTest {
  /** Sum of free cores over the executors {@link ClusterState#nextOfferable} visits. */
  private static int walked(ClusterState c) {
    int sum = 0;
    for (int i = c.nextOfferable(0); i >= 0; i = c.nextOfferable(i + 1)) sum += c.get(i).freeCores();
    return sum;
  }

  @Test
  void theSumFollowsTakesGivesDecommissionsAndLosses() {
    qt().forAll(lists().of(integers().between(0, 4 * 70 - 1)).ofSizeBetween(0, 200)).checkAssert(ops -> {
      ClusterState c = new ClusterState(List.of());
      c.add(new ExecutorGroup(5, 4, Map.of(), 1));
      c.add(new ExecutorGroup(2, 7, Map.of(), 1));
      ResourceDemand one = new ResourceDemand(1, new int[0]);
      ResourceDemand three = new ResourceDemand(3, new int[0]);
      assertEquals(34, c.offerableFreeCores());
      for (int op : ops) {
        Executor e = c.get(op % c.size());
        ResourceDemand d = (op / c.size()) % 2 == 0 ? one : three;
        switch (op / (2 * c.size()) % 10) {
          case 0, 1, 2, 3 -> { if (e.isActive() && d.fits(e)) c.take(e, d); }
          case 4, 5, 6, 7 -> { if (e.runningTasks() > 0 && e.totalCores() - e.freeCores() >= d.cpus()) c.give(e, d); }
          case 8 -> c.decommission(e);
          default -> { if (op % 3 == 0) c.remove(e); else c.add(new ExecutorGroup(1, 2 + op % 5, Map.of(), 1)); }
        }
        assertEquals(walked(c), c.offerableFreeCores(), "after op " + op);
      }
    });
  }

  @Test
  void oneCoreTasksWithoutResourcesCountFreeCoresAsSlots() {
    assertEquals(true, new ResourceDemand(1, new int[] {0, 0}).isOneCoreOnly());
    assertEquals(false, new ResourceDemand(2, new int[0]).isOneCoreOnly());
    assertEquals(false, new ResourceDemand(1, new int[] {0, 1}).isOneCoreOnly());
  }
}
