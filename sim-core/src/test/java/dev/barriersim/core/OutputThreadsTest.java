package dev.barriersim.core;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run that writes files hands them to writer threads: the digest is the one a run that writes
 * nothing computes on its own thread, a write error fails the run as it did, and no writer thread
 * is left after the run, whether it ended or failed.
 */
class OutputThreadsTest {
  private static SimulationSpec busy() {
    return spec().seed(7).executors(4, 8).job("j", stage("map", 400, 900), stage("reduce", 40, 300, "map")).build();
  }

  private static long writerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("barriersim-") && t.isAlive()).count();
  }

  /** A writer that fails once it took {@code limit} characters. */
  private static Writer failingAfter(int limit) {
    return new Writer() {
      private int written;

      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        written += len;
        if (written > limit) throw new IOException("disk full");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  @Test
  void aWrittenRunHasTheDigestOfARunThatWritesNothing() {
    StringWriter events = new StringWriter();
    StringWriter tasks = new StringWriter();
    RunResult written = Simulations.run(busy(), new RunOutputs(events, tasks, List.of()));
    RunResult digested = Simulations.run(busy(), RunOutputs.none());
    assertEquals(digested, written);
    assertEquals(written.events(), events.toString().lines().count());
    assertEquals(441, tasks.toString().lines().count(), "a header and one row per attempt");
    assertEquals(0, writerThreads(), "no writer thread after the run");
  }

  @Test
  void withoutWriterThreadsTheRunWritesTheSameBytesOnItsOwnThread() {
    StringWriter events = new StringWriter();
    StringWriter tasks = new StringWriter();
    RunResult threaded = Simulations.run(busy(), new RunOutputs(events, tasks, List.of()));
    StringWriter inlineEvents = new StringWriter();
    StringWriter inlineTasks = new StringWriter();
    long[] threadsSeen = {0};
    dev.barriersim.core.observe.SimulationListener counting = new dev.barriersim.core.observe.SimulationListener() {
      @Override
      public void onEvent(dev.barriersim.core.event.SimEvent event) {
        threadsSeen[0] = Math.max(threadsSeen[0], writerThreads());
      }
    };
    RunResult inline = Simulations.run(busy(),
        new RunOutputs(inlineEvents, inlineTasks, List.of(counting)).withWriterThreads(false));
    assertEquals(threaded, inline);
    assertEquals(events.toString(), inlineEvents.toString());
    assertEquals(tasks.toString(), inlineTasks.toString());
    assertEquals(0, threadsSeen[0], "no writer thread during the run");
  }

  @Test
  void aWriteErrorFailsTheRunAndLeavesNoThread() {
    for (boolean eventsFail : new boolean[] {true, false}) {
      Writer events = eventsFail ? failingAfter(100_000) : new StringWriter();
      Writer tasks = eventsFail ? new StringWriter() : failingAfter(10_000);
      UncheckedIOException e = assertThrows(UncheckedIOException.class,
          () -> Simulations.run(busy(), new RunOutputs(events, tasks, List.of())));
      assertEquals("disk full", e.getCause().getMessage());
      assertEquals(0, writerThreads(), "no writer thread after a failed run");
    }
  }

  @Test
  void aListenerThatThrowsFailsTheRunAndLeavesNoThread() {
    for (boolean threads : new boolean[] {true, false}) {
      StringWriter events = new StringWriter();
      IllegalStateException broken = new IllegalStateException("listener broke");
      dev.barriersim.core.observe.SimulationListener throwing = new dev.barriersim.core.observe.SimulationListener() {
        private int seen;

        @Override
        public void onEvent(dev.barriersim.core.event.SimEvent event) {
          if (++seen == 50) throw broken;
        }
      };
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> Simulations.run(busy(),
          new RunOutputs(events, new StringWriter(), List.of(throwing)).withWriterThreads(threads)));
      assertEquals(broken, e);
      assertEquals(0, writerThreads());
      assertTrue(events.toString().lines().count() >= 49, "the events before the failure were written");
    }
  }
}
