package dev.barriersim.report.data;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Derives the {@code slot} column for files written before it existed, exactly as the engine
 * defines it: per executor, the lowest lane free at launch, with lanes freed at their attempt's
 * end. Rows must come in launch order. Memory is that of the attempts running at once.
 */
final class SlotAssigner {
  private record Release(long atMs, int executor, int slot) {}

  // Lookup only: nothing iterates these maps, so hash order never reaches an output.
  private final Map<String, Integer> executorIndex = new HashMap<>();
  private final List<BitSet> busy = new ArrayList<>();
  private final PriorityQueue<Release> releases = new PriorityQueue<>((a, b) -> Long.compare(a.atMs, b.atMs));

  /** The lane of an attempt launched at {@code launchMs} on {@code executor}, ending at {@code endMs} or never. */
  int assign(String executor, long launchMs, long endMs, boolean ended) {
    while (!releases.isEmpty() && releases.peek().atMs <= launchMs) {
      Release r = releases.poll();
      busy.get(r.executor).clear(r.slot);
    }
    int e = executorIndex.computeIfAbsent(executor, k -> {
      busy.add(new BitSet());
      return busy.size() - 1;
    });
    BitSet lanes = busy.get(e);
    int slot = lanes.nextClearBit(0);
    lanes.set(slot);
    if (ended) releases.add(new Release(endMs, e, slot));
    return slot;
  }
}
