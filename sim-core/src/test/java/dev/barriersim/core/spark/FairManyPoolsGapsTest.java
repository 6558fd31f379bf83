package dev.barriersim.core.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code FairSchedulingAlgorithm.comparator} as {@code Pool.getSortedTaskSetQueue} uses it: a
 * pool below its minShare sorts before every pool that is not, also among enough pools (32 or
 * more) that the sort merges runs and asks the comparator a non-needy pool first.
 */
class FairManyPoolsGapsTest {
  private record PoolStub(String name, int minShare, int runningTasks) implements SchedulingAlgorithm.Schedulable {
    @Override public int weight() { return 1; }
  }

  /**
   * Forty idle pools p00..p39 in name order, every fifth with minShare 1 (needy): the sorted queue
   * holds the eight needy pools first, by name (all at running/minShare 0), then the others by name.
   */
  @Test
  void needyPoolsSortFirstAmongFortyPools() {
    List<PoolStub> pools = new ArrayList<>();
    List<String> needy = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String name = String.format(Locale.ROOT, "p%02d", i);
      boolean isNeedy = i % 5 == 4;
      pools.add(new PoolStub(name, isNeedy ? 1 : 0, 0));
      (isNeedy ? needy : rest).add(name);
    }
    List<String> expected = new ArrayList<>(needy);
    expected.addAll(rest);
    pools.sort(SchedulingAlgorithm.FAIR);
    assertEquals(expected, pools.stream().map(PoolStub::name).toList());
  }
}
