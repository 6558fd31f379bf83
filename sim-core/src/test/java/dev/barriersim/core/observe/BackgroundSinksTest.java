package dev.barriersim.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.event.TaskStatus;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The hand-over to writer threads: every sink sees the calls in the order they were made, across
 * many wraps of a small ring; the producer waits when the ring is full; a sink's failure reaches
 * the producer; and no thread outlives the run's end or a failure.
 */
class BackgroundSinksTest {
  /** Writes each call down as text (every argument), so two sinks' histories compare as lists. */
  private static class Recording implements FrequentEventSink, Flushable {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final boolean counts;

    Recording(boolean counts) {
      this.counts = counts;
    }

    @Override
    public void onEvent(SimEvent e) {
      calls.add("event " + e);
    }

    @Override
    public void taskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt,
        long taskId, String executor, String host, HeldResources resources, TaskLocality locality) {
      calls.add(String.join(" ", "launched", "" + t, job, stage, "" + stageAttempt, "" + partition, "" + attempt,
          "" + taskId, executor, host, "" + resources, "" + locality));
    }

    @Override
    public void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
        String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
        long[] barrierWaits) {
      calls.add(String.join(" ", "ended", "" + t, job, stage, "" + stageAttempt, "" + partition, "" + attempt,
          "" + taskId, executor, host, "" + launchMs, "" + status, reason, "" + resources,
          java.util.Arrays.toString(barrierWaits)));
    }

    @Override
    public void barrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free,
        boolean fullRound) {
      calls.add(String.join(" ", "skipped", "" + t, job, stage, "" + stageAttempt, "" + needed, "" + free,
          "" + fullRound));
    }

    @Override
    public boolean countsSkippedRounds() {
      return counts;
    }

    @Override
    public void barrierRoundsSkipped(long t, long count) {
      calls.add("skips " + t + " " + count);
    }

    @Override
    public void onRunEnd(long endMs, Outcome outcome) {
      calls.add("end " + endMs + " " + outcome);
    }

    @Override
    public void flush() {
      calls.add("flush");
    }
  }

  /** Makes {@code n} random calls of every kind on {@code sink}, the same for the same seed. */
  private static void calls(FrequentEventSink sink, int n, long seed, boolean counted) {
    SplittableRandom r = new SplittableRandom(seed);
    HeldResources gpus = HeldResources.of(List.of("gpu"), new int[][] {{0, 1}});
    for (int i = 0; i < n; i++) {
      String executor = "e" + r.nextInt(5);
      switch (r.nextInt(counted ? 4 : 5)) {
        case 0 -> sink.taskLaunched(i, "job", "st" + r.nextInt(3), r.nextInt(2), r.nextInt(100), r.nextInt(3), i,
            executor, "h-" + executor, r.nextBoolean() ? gpus : null, TaskLocality.values()[r.nextInt(3)]);
        case 1 -> sink.taskEnded(i, "job", "st", 0, r.nextInt(100), 1, i, executor, "h", i - r.nextInt(50),
            TaskStatus.values()[r.nextInt(TaskStatus.values().length)], r.nextBoolean() ? null : "why " + i, null,
            r.nextBoolean() ? new long[0] : new long[] {i, i + 1});
        case 2 -> sink.onEvent(new SimEvent.RunStarted(i, "run" + i, r.nextLong()));
        case 3 -> {
          if (counted) {
            sink.barrierRoundsSkipped(i, 1 + r.nextInt(9));
          } else {
            sink.barrierRoundSkipped(i, "job", "gang", 0, 8, r.nextInt(8), r.nextBoolean());
          }
        }
        default -> sink.barrierRoundSkipped(i, "job", "gang", 0, 8, r.nextInt(8), r.nextBoolean());
      }
    }
    sink.onRunEnd(n, Outcome.COMPLETED);
  }

  @Test
  void everySinkSeesTheCallsInTheirOrderAcrossManyWrapsOfTheRing() {
    for (boolean counted : new boolean[] {false, true}) {
      Recording direct = new Recording(counted);
      calls(direct, 20_000, 3, counted);
      Recording a = new Recording(counted);
      Recording b = new Recording(true);
      BackgroundSinks background = new BackgroundSinks(List.of(a, b), 8);
      assertEquals(counted, background.countsSkippedRounds(), "skips come as a count only if every sink counts");
      calls(background, 20_000, 3, counted);
      assertFalse(background.anyThreadAlive(), "the run's end waits for every sink");
      assertEquals(direct.calls, a.calls);
      assertEquals(direct.calls, b.calls);
    }
  }

  @Test
  void theProducerWaitsWhileTheRingIsFull() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Recording slow = new Recording(false) {
      @Override
      public void onEvent(SimEvent e) {
        try {
          release.await();
        } catch (InterruptedException x) {
          Thread.currentThread().interrupt();
        }
        super.onEvent(e);
      }
    };
    int capacity = 16;
    AtomicInteger handedOver = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread producer = new Thread(() -> {
      try {
        BackgroundSinks background = new BackgroundSinks(List.of(slow), capacity);
        for (int i = 0; i < 1_000; i++) {
          background.onEvent(new SimEvent.RunStarted(i, "r", i));
          handedOver.incrementAndGet();
        }
        background.onRunEnd(1_000, Outcome.COMPLETED);
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    producer.start();
    Thread.sleep(300);
    int before = handedOver.get();
    assertTrue(before <= capacity, "handed over " + before + " into a ring of " + capacity + " that nobody empties");
    Thread.sleep(100);
    assertEquals(before, handedOver.get(), "the producer waits, it does not drop or grow");
    release.countDown();
    producer.join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(producer.isAlive());
    assertEquals(null, failure.get());
    assertEquals(1_001, slow.calls.size(), "every event and the end, once the sink moved again");
  }

  @Test
  void aSinksFailureReachesTheProducerAndEndsEveryThread() {
    UncheckedIOException broken = new UncheckedIOException(new IOException("disk full"));
    Recording failing = new Recording(false) {
      @Override
      public void taskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt,
          long taskId, String executor, String host, HeldResources resources, TaskLocality locality) {
        if (taskId == 100) throw broken;
        super.taskLaunched(t, job, stage, stageAttempt, partition, attempt, taskId, executor, host, resources,
            locality);
      }
    };
    Recording healthy = new Recording(false);
    BackgroundSinks background = new BackgroundSinks(List.of(failing, healthy), 32);
    UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> {
      for (int i = 0; i < 100_000; i++) {
        background.taskLaunched(i, "j", "s", 0, i, 0, i, "e", "h", null, TaskLocality.ANY);
      }
      background.onRunEnd(100_000, Outcome.COMPLETED);
    });
    assertSame(broken, thrown, "the sink's own exception, as a single-threaded run threw it");
    background.stop(thrown);
    assertFalse(background.anyThreadAlive());
    assertEquals(0, thrown.getSuppressed().length);
    assertEquals(100, failing.calls.size(), "the failed sink took nothing after its failure");
    assertEquals("flush", healthy.calls.get(healthy.calls.size() - 1), "the other sink flushed what it had");
    assertTrue(healthy.calls.size() < 100_000, "the run stopped soon after the failure, not at its end");
  }

  @Test
  void aRunThatFailsStopsTheThreadsAfterTheyReplayedWhatTheyWereHanded() {
    Recording sink = new Recording(false);
    BackgroundSinks background = new BackgroundSinks(List.of(sink), 64);
    for (int i = 0; i < 1_000; i++) background.onEvent(new SimEvent.RunStarted(i, "r", i));
    IllegalStateException broken = new IllegalStateException("an invariant broke");
    background.stop(broken);
    assertFalse(background.anyThreadAlive());
    assertEquals(1_001, sink.calls.size(), "1,000 events, then the flush; no run end");
    assertEquals("flush", sink.calls.get(1_000));
    assertEquals(0, broken.getSuppressed().length);
  }

  @Test
  void aSinkThatFailsWhileTheRunFailsIsAttachedToTheRunsFailure() throws Exception {
    Recording sink = new Recording(false) {
      @Override
      public void flush() {
        throw new UncheckedIOException(new IOException("closed"));
      }
    };
    BackgroundSinks background = new BackgroundSinks(List.of(sink), 64);
    background.onEvent(new SimEvent.RunStarted(0, "r", 0));
    IllegalStateException broken = new IllegalStateException("an invariant broke");
    background.stop(broken);
    assertFalse(background.anyThreadAlive());
    assertEquals(1, broken.getSuppressed().length);
    assertTrue(broken.getSuppressed()[0] instanceof UncheckedIOException);
  }
}
