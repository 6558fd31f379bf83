package dev.barriersim.cli;

import dev.barriersim.report.HumanDuration;
import dev.barriersim.report.Progress;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Progress of long work on stderr: a progress bar (runs done, runs per second, time left, points
 * done) when stderr is a terminal, plain lines at most every {@value #EVERY_SECONDS} seconds
 * otherwise (CI logs, files), nothing with {@code --quiet}. Only stderr ever shows it: output files
 * never depend on the clock.
 */
final class ConsoleProgress implements Progress, AutoCloseable {
  /** Seconds between plain progress lines (and before the first). */
  static final int EVERY_SECONDS = 5;

  private final Console console;
  private final ProgressBar bar;
  private final LongSupplier nanos;
  private final long startNanos;
  private long runs;
  private long points;
  private long runsDone;
  private long pointsDone;
  private long lastLine;

  private ConsoleProgress(Console console, ProgressBar bar, LongSupplier nanos) {
    this.console = console;
    this.bar = bar;
    this.nanos = nanos;
    this.startNanos = nanos.getAsLong();
    this.lastLine = startNanos;
  }

  /** Nothing with {@code quiet}; a bar on a terminal (and not in CI); plain lines on {@code console}'s stderr otherwise. */
  static Progress create(Console console, boolean quiet) {
    if (quiet) return Progress.NONE;
    if (System.console() != null && System.getenv("CI") == null) {
      ProgressBar bar = new ProgressBarBuilder().setTaskName("barriersim").setInitialMax(0).setUnit(" runs", 1)
          .showSpeed().setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err))
          .clearDisplayOnFinish().build();
      return new ConsoleProgress(console, bar, System::nanoTime);
    }
    return plain(console, System::nanoTime);
  }

  /** Plain lines with a given clock (tests). */
  static ConsoleProgress plain(Console console, LongSupplier nanos) {
    return new ConsoleProgress(console, null, nanos);
  }

  @Override
  public synchronized void planned(long runs, long points) {
    this.runs += runs;
    this.points += points;
    if (bar != null) bar.maxHint(this.runs);
  }

  @Override
  public synchronized void runDone() {
    runsDone++;
    if (bar != null) {
      bar.step();
      return;
    }
    long now = nanos.getAsLong();
    if (now - lastLine >= EVERY_SECONDS * 1_000_000_000L) {
      lastLine = now;
      console.err(line(now));
    }
  }

  @Override
  public synchronized void pointDone() {
    pointsDone++;
    if (bar != null) bar.setExtraMessage(String.format(Locale.ROOT, " %,d/%,d points", pointsDone, points));
  }

  /** {@code progress: 120 of 1,000 points, 2,400 of 20,000 runs, 85.3 runs/s, about 3m 27s left}. */
  String line(long now) {
    double seconds = (now - startNanos) / 1e9;
    double rate = seconds > 0 ? runsDone / seconds : 0;
    StringBuilder sb = new StringBuilder("progress: ");
    if (points > 0) sb.append(String.format(Locale.ROOT, "%,d of %,d points, ", pointsDone, points));
    sb.append(String.format(Locale.ROOT, "%,d of %,d runs, %.1f runs/s", runsDone, runs, rate));
    if (rate > 0 && runs > runsDone) {
      sb.append(", about ").append(HumanDuration.format(Math.round((runs - runsDone) / rate * 1000))).append(" left");
    }
    return sb.toString();
  }

  @Override
  public synchronized void close() {
    if (bar != null) bar.close();
  }

  /** Closes {@code p} if it shows anything. */
  static void close(Progress p) {
    if (p instanceof ConsoleProgress c) c.close();
  }
}
