package dev.barriersim.core.engine;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The event queue in steady state, as a run uses it: {@code size} events pending (16,384 is b1's
 * 1,000 x 16 slots), and each operation polls the first event and pushes one later, at a delay
 * drawn like task durations (exponential, mean 10 s, in ms), so the queue keeps its size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventQueueBenchmark {
  @Param({"1024", "16384", "262144"})
  public int size;

  private EventQueue<Object> queue;
  private long[] delays;
  private int next;
  private final Object target = new Object();

  @Setup
  public void fill() {
    SplittableRandom r = new SplittableRandom(42);
    delays = new long[1 << 16];
    for (int i = 0; i < delays.length; i++) delays[i] = Math.round(-10_000 * Math.log(1 - r.nextDouble()));
    queue = new EventQueue<>();
    for (int i = 0; i < size; i++) queue.push(delays[i & (delays.length - 1)], Phase.TASK, 1, target);
  }

  /** One poll of the first event and one push of an event later than it: the cost per event. */
  @Benchmark
  public Object pollThenPush() {
    long now = queue.peekTime();
    Object t = queue.poll();
    queue.push(now + delays[next++ & (delays.length - 1)], Phase.TASK, 1, t);
    return t;
  }
}
