package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.barriersim.report.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Plain progress lines: at most one every few seconds, with points, runs, rate and time left; none with --quiet. */
class ConsoleProgressTest {
  @Test
  void plainLinesComeAtMostEveryFewSecondsWithRateAndTimeLeft() {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new Main());
    cmd.setErr(new PrintWriter(err));
    AtomicLong now = new AtomicLong(1_000_000_000L);
    ConsoleProgress p = ConsoleProgress.plain(new Console(cmd.getCommandSpec()), now::get);
    p.planned(1_000, 100);
    for (int i = 0; i < 40; i++) {
      now.addAndGet(100_000_000L); // 0.1 s per run
      p.runDone();
      if (i % 10 == 9) p.pointDone();
    }
    assertEquals("", err.toString(), "nothing before 5 s");
    for (int i = 0; i < 20; i++) {
      now.addAndGet(100_000_000L);
      p.runDone();
    }
    assertEquals("progress: 4 of 100 points, 50 of 1,000 runs, 10.0 runs/s, about 1m 35.0s left\n", err.toString());
    for (int i = 0; i < 30; i++) {
      now.addAndGet(100_000_000L);
      p.runDone();
    }
    assertEquals(1, err.toString().lines().count(), "the next line only 5 s after the last: " + err);
  }

  @Test
  void quietShowsNothing() {
    assertSame(Progress.NONE, ConsoleProgress.create(null, true));
  }
}
