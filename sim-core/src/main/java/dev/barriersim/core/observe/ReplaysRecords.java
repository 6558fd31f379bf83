package dev.barriersim.core.observe;

/**
 * A sink that replays {@link EventRecords} itself, with its own copy of the dispatch over the
 * record kinds: then each call in it has one receiver class, so the JIT inlines one writer into
 * it. (One dispatch shared by two writers inlined both, and C2 compiled that for a second, four
 * times over, on a two-core machine.)
 */
interface ReplaysRecords {
  /** Replays records {@code from} (inclusive) to {@code to} on this sink; true when the last one replayed was the run's end. */
  boolean replay(EventRecords records, long from, long to);
}
