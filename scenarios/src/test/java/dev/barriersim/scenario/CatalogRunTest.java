package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.RunResult.JobResult;
import dev.barriersim.core.RunResult.StageResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.core.random.RandomStreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalog scenario runs to the end in both modes, and the headline its header comment
 * promises holds. The exact numbers are pinned by the reports module's golden summaries
 * ({@code CatalogGoldenTest}); these are the story-level facts, so a change of engine that keeps
 * them is free to move the numbers.
 */
class CatalogRunTest {
  /** Replication 0 of {@code file} in one mode (replication 0 keeps the scenario's seed). */
  private static RunResult run(String file, boolean barrier) throws ScenarioException {
    return replications(file, barrier, 1).get(0);
  }

  /** The first {@code n} replications of {@code file} in one mode, seeded as the CLI seeds them. */
  private static List<RunResult> replications(String file, boolean barrier, int n) throws ScenarioException {
    SimulationSpec spec = ScenarioLoader.load(CatalogTest.CATALOG.resolve(file)).spec();
    SimulationSpec arm = barrier ? spec : spec.withoutBarrier();
    List<RunResult> out = new ArrayList<>(n);
    for (int r = 0; r < n; r++) out.add(Simulations.run(arm.withSeed(RandomStreams.replicationSeed(spec.seed(), r))));
    return out;
  }

  private static int replicationsOf(String file) throws ScenarioException {
    return ScenarioLoader.load(CatalogTest.CATALOG.resolve(file)).replications();
  }

  private static StageResult stage(RunResult r, String job, String stage) {
    return r.stages().stream().filter(s -> s.job().equals(job) && s.stage().equals(stage)).findFirst()
        .orElseThrow(() -> new AssertionError("no stage " + job + "/" + stage + " in " + r.stages()));
  }

  private static JobResult job(RunResult r, String name) {
    return r.jobs().stream().filter(j -> j.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no job " + name));
  }

  private static double mean(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
    return runs.stream().mapToDouble(f).average().orElseThrow();
  }

  private static long failedJobs(List<RunResult> runs) {
    return runs.stream().flatMap(r -> r.jobs().stream()).filter(j -> j.status().equals("FAILED")).count();
  }

  /** Mean time from submission to the end of the successful instances of a repeated job. */
  private static double meanResponseMs(List<RunResult> runs, String jobPrefix) {
    return runs.stream().flatMap(r -> r.jobs().stream())
        .filter(j -> j.name().startsWith(jobPrefix + "#") && j.status().equals("SUCCEEDED"))
        .mapToLong(j -> j.endMs() - j.submitMs()).average().orElseThrow();
  }

  /** Virtual-time bound per scenario: minutes, except the nightly pipeline (three nights). */
  private static final Map<String, Long> LONGER = Map.of("etl-train-evaluate.yaml", 3 * 24 * 3_600_000L);

  @ParameterizedTest
  @MethodSource("dev.barriersim.scenario.CatalogTest#catalog")
  void runsToTheEndInBothModes(Path file) throws Exception {
    String name = file.getFileName().toString();
    long bound = LONGER.getOrDefault(name, 3_600_000L);
    for (boolean barrier : new boolean[] {true, false}) {
      RunResult r = run(name, barrier);
      assertEquals(Outcome.COMPLETED, r.outcome(), file + " barrier=" + barrier);
      assertTrue(r.makespanMs() < bound, file + " stays within " + bound + " ms of virtual time: " + r.makespanMs());
    }
  }

  @Test
  void twoWavesFailsTheGangButRunsTwoWavesWithoutBarrier() throws Exception {
    RunResult gang = run("two-waves.yaml", true);
    assertEquals("FAILED", gang.jobs().get(0).status());
    assertTrue(gang.jobs().get(0).failureReason().contains("SPARK-24819"), gang.jobs().get(0).failureReason());
    assertEquals(4, gang.barrier().slotCheckFailures(), "checks at 0, 15, 30 and 45 s");
    assertEquals(45_000, gang.makespanMs());
    assertEquals(0, gang.tasks().launched());
    assertEquals(2_000, run("two-waves.yaml", false).makespanMs());
  }

  @Test
  void gangLaunchesOnlyOnceTheClusterHasGrown() throws Exception {
    RunResult r = run("barrier-too-large-until-growth.yaml", true);
    assertEquals(60_000L, r.stages().get(0).firstLaunchMs(), r.stages().toString());
    assertEquals(4, r.barrier().slotCheckFailures(), "failed checks at 0, 15, 30 and 45 s");
    assertEquals(90_000, r.makespanMs());
    RunResult plain = run("barrier-too-large-until-growth.yaml", false);
    assertEquals(0L, plain.stages().get(0).firstLaunchMs());
    assertEquals(60_000, plain.makespanMs(), "two waves of 30 s on 8 slots");
  }

  @Test
  void gangWaitsBehindFifoWavesUntilTheEtlJobHasDrained() throws Exception {
    RunResult gang = run("gang-behind-fifo-waves.yaml", true);
    RunResult plain = run("gang-behind-fifo-waves.yaml", false);
    long etlEnd = job(gang, "etl").endMs();
    long launch = stage(gang, "train", "fit").firstLaunchMs();
    assertTrue(launch >= etlEnd && launch < etlEnd + 1_000, "the gang launches at the first full revive after ETL ends: "
        + launch + " vs ETL end " + etlEnd);
    assertEquals(62_000L, launch, "the gang launches at 62 s");
    assertTrue(stage(plain, "train", "fit").firstLaunchMs() < etlEnd, "plain fit tasks start while ETL still runs");
    assertTrue(gang.barrier().roundsSkipped() > 0 && gang.barrier().waitMs() > 0
        && gang.barrier().idleCoreMsWhileWaiting() > 0, gang.barrier().toString());
    assertTrue(gang.makespanMs() > plain.makespanMs(), gang.makespanMs() + " vs " + plain.makespanMs());
  }

  @Test
  void gpuGangPaysForItsSyncsButNotForSlots() throws Exception {
    RunResult gang = run("gpu-gang.yaml", true);
    RunResult plain = run("gpu-gang.yaml", false);
    StageResult fit = stage(gang, "train", "fit");
    StageResult plainFit = stage(plain, "train", "fit");
    assertEquals(plainFit.firstLaunchMs(), fit.firstLaunchMs(), "the 8 GPUs are free when fit is submitted");
    assertEquals(0, gang.barrier().waitMs());
    assertTrue(fit.endMs() - fit.firstLaunchMs() > plainFit.endMs() - plainFit.firstLaunchMs() + 10_000,
        "waiting for the slowest at each sync costs more than 10 s");
  }

  @Test
  void oneBarrierFailureRerunsEveryPartition() throws Exception {
    RunResult gang = run("failure-amplification.yaml", true);
    RunResult plain = run("failure-amplification.yaml", false);
    assertEquals(2, stage(gang, "pipeline", "map").attempts());
    assertEquals(1, stage(plain, "pipeline", "map").attempts());
    assertEquals(24, gang.tasks().launched());
    assertEquals(7, gang.tasks().killed());
    assertEquals(17, plain.tasks().launched());
    assertEquals(40_000, gang.cores().wastedCoreMs(), "8 tasks x 5 s of lost work");
    assertEquals(5_000, plain.cores().wastedCoreMs());
    assertEquals(200, gang.makespanMs() - plain.makespanMs(), "only the 200 ms resubmission delay: p2 is the critical path");
  }

  @Test
  void randomFailuresAmplifyIntoStageRerunsAndFailedJobs() throws Exception {
    String f = "failure-probability-amplification.yaml";
    int n = replicationsOf(f);
    assertEquals(20, n);
    List<RunResult> gang = replications(f, true, n);
    List<RunResult> plain = replications(f, false, n);
    double wasted = mean(gang, r -> r.cores().wastedCoreMs());
    double plainWasted = mean(plain, r -> r.cores().wastedCoreMs());
    assertTrue(wasted > 10 * plainWasted, "barrier wastes over 10x the core time: " + wasted + " vs " + plainWasted);
    assertTrue(mean(gang, r -> r.tasks().killed()) > 10, "siblings are killed");
    assertEquals(0, mean(plain, r -> r.tasks().killed()));
    long reruns = gang.stream().filter(r -> stage(r, "pipeline", "map").attempts() > 1).count();
    assertTrue(reruns >= n / 2, reruns + " of " + n + " barrier runs rerun the map stage");
    assertTrue(failedJobs(gang) >= 1, "4 failed attempts in a row abort some barrier job");
    assertEquals(0, failedJobs(plain), "no non-barrier job fails");
    assertEquals(2, stage(gang.get(0), "pipeline", "map").attempts(), "replication 0 shows one rerun");
  }

  @Test
  void wideGangsWaitForAFullFreeRoundWhileSmallOnesStartAtOnce() throws Exception {
    String f = "fragmentation-mixed-gangs.yaml";
    List<RunResult> gang = replications(f, true, replicationsOf(f));
    for (RunResult r : gang) {
      assertTrue(r.barrier().roundsSkipped() > 0 && r.barrier().waitMs() > 0 && r.barrier().idleCoreMsWhileWaiting() > 0,
          r.barrier().toString());
    }
    assertTrue(meanLaunchDelay(gang, "gang64") > 5 * meanLaunchDelay(gang, "gang4"),
        "64-task gangs wait far longer than 4-task gangs: " + meanLaunchDelay(gang, "gang64") + " vs "
            + meanLaunchDelay(gang, "gang4"));
    List<RunResult> plain = replications(f, false, gang.size());
    assertTrue(meanResponseMs(gang, "gang64") > meanResponseMs(plain, "gang64") + 10_000,
        "a 64-task job takes over 10 s longer with barrier");
  }

  /** Mean delay from submission to the first launch of the single stage of a repeated job. */
  private static double meanLaunchDelay(List<RunResult> runs, String jobPrefix) {
    return runs.stream().flatMap(r -> r.jobs().stream().filter(j -> j.name().startsWith(jobPrefix + "#"))
        .map(j -> stage(r, j.name(), "fit").firstLaunchMs() - j.submitMs())).mapToLong(Long::longValue).average()
        .orElseThrow();
  }

  @Test
  void stragglersCostTheSlowestAtEverySyncPlusThePolls() throws Exception {
    String f = "stragglers-at-barrier-sync.yaml";
    int n = replicationsOf(f);
    List<RunResult> gang = replications(f, true, n);
    List<RunResult> plain = replications(f, false, n);
    assertEquals(3_000, gang.get(0).makespanMs() - plain.get(0).makespanMs(),
        "replication 0: one straggler is the slowest in every epoch, so only the three 1 s polls cost");
    for (int r = 0; r < n; r++) {
      assertTrue(gang.get(r).makespanMs() >= plain.get(r).makespanMs() + 3_000, "replication " + r);
      assertTrue(gang.get(r).cores().busyCoreMs() > plain.get(r).cores().busyCoreMs(), "slots held at the syncs");
    }
    assertTrue(mean(gang, RunResult::makespanMs) > mean(plain, RunResult::makespanMs) + 15_000,
        "on average the per-epoch maxima cost well over the polls");
  }

  @Test
  void executorLossesKillWholeGangs() throws Exception {
    String f = "executor-loss-under-load.yaml";
    int n = replicationsOf(f);
    List<RunResult> gang = replications(f, true, n);
    List<RunResult> plain = replications(f, false, n);
    RunResult first = gang.get(0);
    assertEquals(2, stage(first, "train#2", "fit").attempts(), "replication 0: a loss fails fit of train#2");
    assertEquals(2, stage(first, "train#3", "fit").attempts(), "replication 0: a loss fails fit of train#3");
    assertTrue(first.tasks().killed() > 0 && plain.get(0).tasks().killed() == 0);
    assertTrue(mean(gang, r -> r.cores().wastedCoreMs()) > 4 * mean(plain, r -> r.cores().wastedCoreMs()));
    assertTrue(meanResponseMs(gang, "train") > meanResponseMs(plain, "train"), "training jobs take longer");
    assertEquals(0, failedJobs(plain));
  }

  @Test
  void theNightlyPipelineIsSlowerEveryNightWithABarrierTrainingStage() throws Exception {
    RunResult gang = run("etl-train-evaluate.yaml", true);
    RunResult plain = run("etl-train-evaluate.yaml", false);
    assertEquals(3, gang.jobs().size());
    for (int k = 1; k <= 3; k++) {
      String night = "nightly#" + k;
      JobResult g = job(gang, night);
      JobResult p = job(plain, night);
      assertEquals("SUCCEEDED", g.status());
      assertEquals(7_200_000L + (k - 1) * 86_400_000L, g.submitMs(), "02:00 every night");
      long extra = (g.endMs() - g.submitMs()) - (p.endMs() - p.submitMs());
      assertTrue(extra > 30_000 && extra < 5 * 60_000, night + " costs between 30 s and 5 min more: " + extra);
      StageResult train = stage(gang, night, "train");
      StageResult plainTrain = stage(plain, night, "train");
      assertTrue(train.firstLaunchMs() > plainTrain.firstLaunchMs(), "the gang waits for 32 free slots");
      assertTrue(train.endMs() - train.firstLaunchMs() > plainTrain.endMs() - plainTrain.firstLaunchMs(),
          "five syncs make the training stage itself longer");
    }
    assertTrue(gang.barrier().roundsSkipped() > 0);
  }

  @Test
  void pairingTheArmsCancelsTheRunToRunSpreadOfTheJobStream() throws Exception {
    String f = "job-stream-under-failures.yaml";
    int n = replicationsOf(f);
    assertEquals(20, n);
    List<RunResult> gang = replications(f, true, n);
    List<RunResult> plain = replications(f, false, n);
    double[] diff = new double[n];
    double[] plainMakespan = new double[n];
    for (int r = 0; r < n; r++) {
      diff[r] = gang.get(r).makespanMs() - plain.get(r).makespanMs();
      plainMakespan[r] = plain.get(r).makespanMs();
    }
    assertTrue(stddev(diff) * 4 < stddev(plainMakespan),
        "common random numbers: the paired differences vary far less than either arm: " + stddev(diff) + " vs "
            + stddev(plainMakespan));
    assertTrue(mean(gang, RunResult::makespanMs) > mean(plain, RunResult::makespanMs));
    assertTrue(mean(gang, r -> r.tasks().killed()) > 0 && mean(plain, r -> r.tasks().failed()) > 0
        && mean(gang, r -> r.barrier().waitMs()) > 0);
    assertEquals(0, failedJobs(gang) + failedJobs(plain));
  }

  /** Every replication of sweep point {@code point} of {@code file} in one mode, seeded as the CLI seeds them. */
  private static List<RunResult> point(String file, long point, boolean barrier) throws ScenarioException {
    Scenario s = ScenarioLoader.load(CatalogTest.CATALOG.resolve(file));
    SimulationSpec spec = s.sweep().scenario(point).spec();
    SimulationSpec arm = barrier ? spec : spec.withoutBarrier();
    List<RunResult> out = new ArrayList<>();
    for (int r = 0; r < s.replications(); r++) out.add(Simulations.run(arm.withSeed(RandomStreams.replicationSeed(spec.seed(), r))));
    return out;
  }

  @Test
  void theGangsWaitShrinksWithEveryExecutorAddedAndIsGoneAtTen() throws Exception {
    String f = "sweep-executors-until-gang-runs.yaml";
    Scenario s = ScenarioLoader.load(CatalogTest.CATALOG.resolve(f));
    assertEquals(7, s.sweep().points());
    double previous = Double.MAX_VALUE;
    for (long i = 0; i < s.sweep().points(); i++) {
      double wait = mean(point(f, i, true), r -> r.barrier().waitMs());
      assertTrue(wait <= previous, "point " + i + ": " + wait + " after " + previous);
      int executors = s.sweep().scenario(i).spec().cluster().executors().get(0).count();
      if (executors == 4) assertTrue(wait > 60_000, "16 slots for a 16-task gang: a long wait, " + wait);
      if (executors >= 10) assertEquals(0, wait, "no wait with " + executors + " executors");
      previous = wait;
    }
  }

  @Test
  void eachPercentOfFailureProbabilityCostsTheBarrierStageFarMoreThanThePlainOne() throws Exception {
    String f = "sweep-failure-probability.yaml";
    assertEquals(0, mean(point(f, 0, true), r -> r.cores().wastedCoreMs()), "p = 0: nothing fails");
    for (long i = 1; i < 6; i++) {
      double barrier = mean(point(f, i, true), r -> r.cores().wastedCoreMs());
      double plain = mean(point(f, i, false), r -> r.cores().wastedCoreMs());
      assertTrue(barrier > 8 * plain, "point " + i + ": " + barrier + " vs " + plain);
      assertEquals(0, failedJobs(point(f, i, false)), "a plain stage never fails its job");
    }
    assertTrue(failedJobs(point(f, 5, true)) >= 3, "at 5 % several barrier jobs fail");
  }

  private static double stddev(double[] v) {
    double m = 0;
    for (double x : v) m += x;
    m /= v.length;
    double s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return Math.sqrt(s / (v.length - 1));
  }
}
