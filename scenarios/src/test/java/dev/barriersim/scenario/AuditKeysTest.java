package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.failure.ExecutorFailureSpec;
import dev.barriersim.core.failure.TaskFailureSpec;
import dev.barriersim.core.spark.BarrierRerun;
import dev.barriersim.core.spark.OfferOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys of the Spark 3.5.9 source audit (contract section 6): read, defaulted and checked. */
class AuditKeysTest {

  @Test
  void exitKindAndLossCausesAreRead() throws Exception {
    Scenario s = Yaml.load(Yaml.MINIMAL.replace("- cores: 2", "- {count: 2, cores: 2}") + """
        failures:
          tasks:
            - {job: j, stage: s, partition: 1, after: 1s, kind: exit, replaceAfter: 1500ms}
            - {job: j, stage: s, partition: 0, kind: exit}
          executors:
            - {lose: "1", at: 5s, cause: app, replaceAfter: 2s}
            - {lose: "0", at: 6s}
            - {mtbf: 1h, cause: app}
        """);
    List<TaskFailureSpec> tasks = s.spec().failures().tasks();
    assertEquals(new TaskFailureSpec("j", "s", 1, 0, 0, 1000, TaskFailureSpec.Kind.EXIT, 1500), tasks.get(0));
    assertEquals(ExecutorFailureSpec.NEVER, tasks.get(1).replaceAfterMs());
    List<ExecutorFailureSpec> losses = s.spec().failures().executors();
    assertEquals(new ExecutorFailureSpec.Scripted("1", 5000, true, 2000), losses.get(0));
    assertEquals(new ExecutorFailureSpec.Scripted("0", 6000, false, ExecutorFailureSpec.NEVER), losses.get(1));
    assertEquals(new ExecutorFailureSpec.Random(3_600_000, ExecutorFailureSpec.NEVER, true), losses.get(2));
  }

  @Test
  void barrierPartialRerunDefaultsToSparkAndReadsWhole() throws Exception {
    assertEquals(BarrierRerun.SPARK, Yaml.load(Yaml.MINIMAL).spec().settings().barrierPartialRerun());
    assertEquals(BarrierRerun.WHOLE,
        Yaml.load(Yaml.MINIMAL + "simulation: {barrierPartialRerun: whole}\n").spec().settings().barrierPartialRerun());
    assertEquals(List.of("test.yaml:11:35: simulation.barrierPartialRerun: unknown value 'wohle'; did you mean 'whole'? "
        + "(spark: only the missing partitions of a barrier map stage rerun, as Spark 3.5.9 does; whole: the whole stage)"),
        Yaml.lines(Yaml.MINIMAL + "simulation: {barrierPartialRerun: wohle}\n"));
  }

  @Test
  void offerOrderDefaultsToIdAndReadsShuffled() throws Exception {
    assertEquals(OfferOrder.ID, Yaml.load(Yaml.MINIMAL).spec().settings().offerOrder());
    assertEquals(OfferOrder.SHUFFLED,
        Yaml.load(Yaml.MINIMAL + "simulation: {offerOrder: shuffled}\n").spec().settings().offerOrder());
    assertEquals(List.of("test.yaml:11:26: simulation.offerOrder: unknown value 'shuffle'; did you mean 'shuffled'? "
        + "(id: executor-id order; shuffled: a seeded shuffle of each round's offers, as Spark's "
        + "TaskSchedulerImpl.shuffleOffers)"), Yaml.lines(Yaml.MINIMAL + "simulation: {offerOrder: shuffle}\n"));
  }

  @Test
  void localBackendRefusesAReplacementAfterAnExit() {
    List<String> lines = Yaml.lines(Yaml.MINIMAL + """
        simulation: {backend: local}
        failures:
          tasks: [{job: j, stage: s, partition: 1, kind: exit, replaceAfter: 1s}]
        """);
    assertEquals(List.of("test.yaml:11:23: simulation.backend: backend local has a single executor, so no replacement "
        + "executor can join; remove replaceAfter from failures.executors and failures.tasks, or use backend: coarse-grained"),
        lines);
  }

  /** The slot forecast counts the like executor that replaces a scripted loss with {@code replaceAfter}. */
  @Test
  void slotForecastCountsTheReplacementOfAScriptedLoss() throws Exception {
    String yaml = """
        name: r
        cluster:
          executors: [{count: 2, cores: 2}]
        jobs:
          - name: j
            submitAt: 10s
            stages: [{name: fit, tasks: 4, barrier: true, duration: 1s}]
        spark: {spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures: 1}
        failures:
          executors: [{lose: "1", at: 5s, replaceAfter: 2s}]
        """;
    assertEquals(List.of(), Yaml.load(yaml).warnings());
    assertEquals(1, Yaml.load(yaml.replace(", replaceAfter: 2s", "")).warnings().size());
  }

  /** The new keys take {@code --set} like any other (a sweep can vary them). */
  @Test
  void newKeysTakeSetOptions() throws Exception {
    Scenario s = ScenarioLoader.load("test.yaml", Yaml.MINIMAL + "simulation: {backend: coarse-grained}\n",
        List.of("simulation.offerOrder=shuffled", "simulation.barrierPartialRerun=whole"));
    assertEquals(OfferOrder.SHUFFLED, s.spec().settings().offerOrder());
    assertEquals(BarrierRerun.WHOLE, s.spec().settings().barrierPartialRerun());
  }
}
