package dev.barriersim.report;

import static dev.barriersim.report.SummaryFixtures.failed;
import static dev.barriersim.report.SummaryFixtures.ok;
import static dev.barriersim.report.SummaryFixtures.run;
import static dev.barriersim.report.SummaryFixtures.running;
import static dev.barriersim.report.SummaryFixtures.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.Headline.Estimate;
import dev.barriersim.report.Headline.Kind;
import dev.barriersim.report.Headline.Line;
import dev.barriersim.report.Headline.Unit;
import dev.barriersim.report.SummaryJson.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlineTest {
  private static final List<String> BOTH = List.of("barrier", "non-barrier");
  /** Student t quantile t(0.975, 19), from a table. */
  private static final double T19 = 2.093024054;

  private static Line line(Headline h, String label) {
    return h.lines().stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow();
  }

  private static String console(Headline h) {
    return String.join("\n", h.consoleLines());
  }

  @Test
  void twentyReplicationsGiveMeanIntervalAndNPerArmAndThePairedDifference() {
    // Barrier takes 10 s longer, plus or minus 1 s alternately: the difference has mean 10 s and sd 1000*sqrt(20/19).
    List<Run> runs = new ArrayList<>();
    for (int r = 0; r < 20; r++) {
      long base = 100_000 + 1000L * r;
      long extra = 10_000 + (r % 2 == 0 ? -1000 : 1000);
      runs.add(run("barrier", r, base + extra, 0.5, 0, 2000, List.of(ok("a", 0, base + extra))));
    }
    for (int r = 0; r < 20; r++) {
      long base = 100_000 + 1000L * r;
      runs.add(run("non-barrier", r, base, 0.4, 0, 0, List.of(ok("a", 0, base))));
    }
    Headline h = Headline.of(summary("s", 20, BOTH, runs));

    assertEquals(Kind.MAKESPAN, h.kind());
    Line makespan = h.compared().orElseThrow();
    assertEquals("makespan", makespan.label());
    Estimate b = makespan.arms().get("barrier");
    assertEquals(119_500, b.mean(), 1e-6);
    assertEquals(20, b.n());
    Estimate d = makespan.difference().orElseThrow();
    double half = T19 * 1000 * Math.sqrt(20.0 / 19) / Math.sqrt(20);
    assertEquals(10_000, d.mean(), 1e-6);
    assertEquals(10_000 - half, d.low(), 1e-3);
    assertEquals(10_000 + half, d.high(), 1e-3);
    assertEquals(20, d.n());

    String text = console(h);
    assertTrue(text.contains("+10.0s [+9.5s, +10.5s]"), text);
    assertTrue(text.contains("1m 59.5s ["), "human durations, not ms: " + text);
    assertTrue(text.contains("0 of 20 jobs failed"), text);
    assertTrue(h.verdict().contains("barrier slower"), h.verdict());
    assertEquals("makespan +10.0s [+9.5s, +10.5s] (1m 59.5s vs 1m 49.5s, n=20); jobs failed barrier 0/20, "
        + "non-barrier 0/20", h.markdownCell());
  }

  @Test
  void oneReplicationShowsTheNumbersWithoutAnInterval() {
    Headline h = Headline.of(summary("s", 1, BOTH, SummaryFixtures.cleanPairs(1, 5000)));
    Line makespan = h.compared().orElseThrow();
    assertEquals(1, makespan.n());
    assertFalse(makespan.difference().orElseThrow().hasInterval());
    assertEquals("+5.0s", makespan.difference().orElseThrow().text(Unit.DURATION, true));
    assertTrue(h.verdict().contains("one replication, so no interval"), h.verdict());
    assertFalse(console(h).contains("makespan         | 1m 5.0s ["), console(h));
    assertTrue(h.markdownCell().startsWith("makespan +5.0s (1m 5.0s vs 1m 0.0s, n=1)"), h.markdownCell());
  }

  @Test
  void aFailedJobHidesTheMakespanAndComparesTheJobsThatSucceededInBothArms() {
    String first = "Job aborted due to stage failure: ShuffleMapStage 0 (map) has failed the maximum allowable number "
        + "of times: 4. Most recent failure reason:\nStage failed because barrier task ShuffleMapTask(0, 26) finished "
        + "unsuccessfully.";
    List<Run> runs = new ArrayList<>();
    // Listed out of replication order: the first failure is still replication 1's.
    runs.add(run("barrier", 2, 30_000, 0.5, 9000, 0, List.of(ok("a", 0, 80_000), failed("b", 0, 30_000, "later"))));
    runs.add(run("barrier", 1, 20_000, 0.5, 9000, 0, List.of(failed("a", 0, 20_000, first), ok("b", 0, 70_000))));
    runs.add(run("barrier", 0, 90_000, 0.5, 0, 0, List.of(ok("a", 0, 90_000), ok("b", 0, 90_000))));
    runs.add(run("non-barrier", 0, 60_000, 0.4, 0, 0, List.of(ok("a", 0, 60_000), ok("b", 0, 60_000))));
    runs.add(run("non-barrier", 1, 60_000, 0.4, 0, 0, List.of(ok("a", 0, 60_000), ok("b", 0, 50_000))));
    runs.add(run("non-barrier", 2, 60_000, 0.4, 0, 0, List.of(ok("a", 0, 70_000), ok("b", 0, 60_000))));
    Headline h = Headline.of(summary("s", 3, BOTH, runs));

    assertEquals(Kind.COMPLETION_TIME, h.kind());
    // Common successes: rep 0 a,b (90 vs 60 each), rep 1 b (70 vs 50), rep 2 a (80 vs 70): 4 jobs, 3 replications.
    assertEquals(4, h.jobsCompared());
    Line jct = h.compared().orElseThrow();
    assertEquals("completion time", jct.label());
    assertEquals((90_000 + 70_000 + 80_000) / 3.0, jct.arms().get("barrier").mean(), 1e-6);
    assertEquals((60_000 + 50_000 + 70_000) / 3.0, jct.arms().get("non-barrier").mean(), 1e-6);
    assertEquals((30_000 + 20_000 + 10_000) / 3.0, jct.difference().orElseThrow().mean(), 1e-6);
    assertEquals(3, jct.difference().orElseThrow().n());

    assertEquals("2 of 6 jobs failed", h.arm("barrier").orElseThrow().jobsText());
    assertEquals("0 of 6 jobs failed", h.arm("non-barrier").orElseThrow().jobsText());
    assertEquals(1, h.firstFailure().orElseThrow().replication());
    assertEquals(first, h.firstFailure().orElseThrow().reason(), "Spark's text, verbatim");

    String text = console(h);
    assertFalse(text.contains("  makespan "), "no makespan row: " + text);
    assertTrue(h.verdict().startsWith("Makespan is not compared: 2 of 6 barrier jobs failed"), h.verdict());
    assertTrue(text.contains("    Stage failed because barrier task ShuffleMapTask(0, 26) finished unsuccessfully."),
        "every line of the reason: " + text);
    assertTrue(h.markdownCell().contains("makespan not compared"), h.markdownCell());
    assertFalse(h.markdownCell().contains("\n"));
  }

  @Test
  void aJobStillRunningWhenTheRunStoppedAlsoHidesTheMakespan() {
    List<Run> runs = List.of(
        run("barrier", 0, "STALLED", 5_000, 0.1, 0, 5_000, List.of(ok("a", 0, 3_000), running("gang", 0))),
        run("non-barrier", 0, 40_000, 0.6, 0, 0, List.of(ok("a", 0, 2_000), ok("gang", 0, 40_000))));
    Headline h = Headline.of(summary("s", 1, BOTH, runs));
    assertEquals(Kind.COMPLETION_TIME, h.kind());
    assertEquals(1, h.jobsCompared());
    assertEquals("0 of 2 jobs failed, 1 unfinished", h.arm("barrier").orElseThrow().jobsText());
    assertTrue(console(h).contains("barrier runs by outcome: 1 STALLED"), console(h));
  }

  @Test
  void noJobThatSucceededInBothArmsSaysPlainlyTheArmsAreNotComparable() {
    List<Run> runs = List.of(
        run("barrier", 0, 2_000, 0.1, 100, 0, List.of(failed("train", 0, 2_000, "Job aborted <script>x</script>"))),
        run("non-barrier", 0, 45_000, 0.9, 0, 0, List.of(ok("train", 0, 45_000))));
    Headline h = Headline.of(summary("s", 1, BOTH, runs));
    assertEquals(Kind.NOT_COMPARABLE, h.kind());
    assertTrue(h.compared().isEmpty());
    assertEquals("The arms are not comparable: 1 of 1 barrier jobs failed and 0 of 1 non-barrier jobs failed, and no "
        + "job succeeded in both arms.", h.verdict());
    assertFalse(console(h).contains("makespan"), console(h));
    assertTrue(h.markdownCell().startsWith("**not comparable**"), h.markdownCell());
  }

  @Test
  void onlyOneModeRanSaysSoAndShowsThatModeAlone() {
    List<Run> runs = List.of(run("barrier", 0, 65_000, 0.7, 0, 3000, List.of(ok("a", 0, 65_000))));
    Headline h = Headline.of(summary("s", 1, List.of("barrier"), runs));
    assertEquals(Kind.SINGLE_ARM, h.kind());
    assertEquals(1, h.arms().size());
    assertTrue(h.verdict().startsWith("Only barrier mode ran"), h.verdict());
    assertTrue(h.compared().orElseThrow().difference().isEmpty());
    assertFalse(h.consoleLines().get(1).contains("difference"), h.consoleLines().get(1));
    assertTrue(h.markdownCell().startsWith("only barrier ran: makespan 1m 5.0s"), h.markdownCell());
  }

  @Test
  void gpuUtilizationStandsBesideCoreUtilizationWhenTheRunHasCustomResources() {
    List<Run> runs = SummaryFixtures.cleanPairs(2, 1000);
    List<Run> withGpus = runs.stream().map(r -> withResources(r, List.of(
        new SummaryJson.Resource("gpu", 8, 0, 0, r.mode().equals("barrier") ? 0.75 : 0.5)))).toList();
    Headline with = Headline.of(summary("s", 2, BOTH, withGpus));
    List<String> labels = with.lines().stream().map(Line::label).toList();
    assertEquals(labels.indexOf("core utilization") + 1, labels.indexOf("GPU utilization"), labels.toString());
    Line gpu = line(with, "GPU utilization");
    assertEquals("75.0%", gpu.unit().format(gpu.arms().get("barrier").mean()));
    assertEquals("+25.0 pp", gpu.unit().signed(gpu.difference().orElseThrow().mean()));
    assertTrue(console(with).contains("GPU utilization"));

    Headline without = Headline.of(summary("s", 2, BOTH, runs));
    assertTrue(without.lines().stream().noneMatch(l -> l.label().contains("GPU")), without.lines().toString());
  }

  @Test
  void barrierWaitAddsTheSlotCheckWaitAndSaysWhereItIsCountedFrom() {
    List<Run> runs = SummaryFixtures.cleanPairs(1, 0).stream().map(r -> new Run(r.mode(), r.replication(), r.seed(),
        r.outcome(), r.makespanMs(), r.events(), r.digest(), r.jobs(), r.stages(), r.tasks(), r.cores(),
        new SummaryJson.Barrier(0, 0, r.barrier().waitMs(), 0, 0, r.mode().equals("barrier") ? 15_000 : 0),
        r.resources())).toList();
    Headline h = Headline.of(summary("s", 1, BOTH, runs));
    Line wait = line(h, "barrier wait");
    assertEquals(1000 + 15_000, wait.arms().get("barrier").mean(), 1e-9);
    assertFalse(wait.arms().containsKey("non-barrier"));
    assertEquals("from job submission, slot-check retries included", wait.note());
    assertTrue(console(h).contains("barrier wait: from job submission, slot-check retries included"));
  }

  @Test
  void olderSummariesWithoutResourcesOrSlotCheckWaitAreRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("summary.json");
    Files.writeString(file, """
        {"scenario": "s", "seed": 1, "modes": ["barrier"], "replications": 1, "runs": [
          {"mode": "barrier", "replication": 0, "outcome": "COMPLETED", "makespanMs": 5, "jobs": [],
           "barrier": {"waitMs": 5}}
        ]}
        """);
    Run run = dev.barriersim.report.data.ScenarioFiles.open(dir).summary().runs().get(0);
    assertEquals(List.of(), run.resources());
    assertEquals(0, run.barrier().slotCheckWaitMs());
  }

  @Test
  void coreTimeInsideBarrierStandsBesideTheUtilizationThatCountsItAsBusy() {
    // Fixture runs have 1,000 busy and 100 idle core-ms; 220 of them inside barrier() is a 20 % share.
    List<Run> runs = SummaryFixtures.cleanPairs(2, 1000).stream()
        .map(r -> r.mode().equals("barrier") ? SummaryFixtures.withSyncWait(r, 220) : r).toList();
    Headline h = Headline.of(summary("s", 2, BOTH, runs));
    Line share = line(h, Headline.SYNC_WAIT);
    assertEquals("20.0%", share.unit().format(share.arms().get("barrier").mean()));
    assertFalse(share.arms().containsKey("non-barrier"), share.toString());
    assertTrue(share.difference().isEmpty(), share.toString());
    assertEquals("held by running tasks, time inside barrier() included", line(h, "core utilization").note());
    String text = console(h);
    assertTrue(text.contains("core time inside barrier() |"), text);
    assertTrue(text.contains("core time inside barrier(): share of all core time"), text);

    Headline without = Headline.of(summary("s", 2, BOTH, SummaryFixtures.cleanPairs(2, 1000)));
    assertTrue(without.lines().stream().noneMatch(l -> l.label().equals(Headline.SYNC_WAIT)), without.toString());
    assertEquals("", line(without, "core utilization").note());
  }

  private static Run withResources(Run r, List<SummaryJson.Resource> resources) {
    return new Run(r.mode(), r.replication(), r.seed(), r.outcome(), r.makespanMs(), r.events(), r.digest(), r.jobs(),
        r.stages(), r.tasks(), r.cores(), r.barrier(), resources);
  }

  @Test
  void unitsReadAsPeopleWriteThem() {
    assertEquals("4m 15.5s", Unit.DURATION.format(255_500));
    assertEquals("-2.0s", Unit.DURATION.signed(-2000));
    assertEquals("+850ms", Unit.DURATION.signed(850));
    assertEquals("0ms", Unit.DURATION.signed(0.2));
    assertEquals("37.5%", Unit.PERCENT.format(0.375));
    assertEquals("-6.6 pp", Unit.PERCENT.signed(-0.066));
    assertEquals("0.0 pp", Unit.PERCENT.signed(-0.0001));
    assertEquals("12,345", Unit.COUNT.format(12_345));
    assertEquals("93.6", Unit.COUNT.format(93.6));
    assertEquals("+28.2", Unit.COUNT.signed(28.15));
    assertEquals("[1.0s, 2.0s]", Unit.DURATION.interval(1000, 2000, false));
  }
}
