package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Spark refuses at startup is refused at load time, in Spark's words and at the offending key;
 * a barrier stage whose slot check can only fail is a warning that says when the job fails.
 */
class SparkFailFastTest {
  private static List<String> warnings(String yaml) throws ScenarioException {
    return Yaml.load(yaml).warnings().stream().map(Problem::toString).toList();
  }

  @Test
  void taskCpusAboveAnExecutorsCoresIsRefusedInSparksWordsAtThatExecutorsCores() {
    assertEquals(List.of(
        "test.yaml:5:25: cluster.executors[1].cores: Spark fails at startup: \"The number of cores per executor (=1) has to be "
            + ">= the number of cpus per task = 2.\"; give these executors at least 2 cores, or lower spark.task.cpus (line 9)",
        "test.yaml:7:39: cluster.changes[0].add.cores: Spark fails at startup: \"The number of cores per executor (=1) has to be "
            + ">= the number of cpus per task = 2.\"; give these executors at least 2 cores, or lower spark.task.cpus (line 9)"),
        Yaml.lines("""
            name: cpus
            cluster:
              executors:
                - {count: 2, cores: 4}
                - {count: 1, cores: 1}
              changes:
                - {at: 1m, add: {count: 1, cores: 1}}
            spark:
              spark.task.cpus: 2
            jobs:
              - name: j
                stages: [{name: s, tasks: 2, duration: 1s}]
            """));
  }

  @Test
  void aTaskResourceNoExecutorHasGetsSparksMessageAndDidYouMean() {
    assertEquals(List.of(
        "test.yaml:5:3: spark.spark.task.resource.gpus.amount: Spark fails at startup: \"No executor resource configs were "
            + "specified for the following task configs: gpus\" (no executor has resource 'gpus'); "
            + "did you mean 'spark.task.resource.gpu.amount'?",
        "test.yaml:9:41: jobs[0].stages[0].resources.gpus: Spark fails at startup: \"No executor resource configs were "
            + "specified for the following task configs: gpus\" (no executor has resource 'gpus'); did you mean 'gpu'?",
        "test.yaml:10:41: jobs[0].stages[1].resources.fpga: Spark fails at startup: \"No executor resource configs were "
            + "specified for the following task configs: fpga\" (no executor has resource 'fpga'); "
            + "executors offer gpu; name one of them, or remove it"),
        Yaml.lines("""
            name: typo
            cluster:
              executors: [{count: 2, cores: 4, resources: {gpu: 2}}]
            spark:
              spark.task.resource.gpus.amount: 1
            jobs:
              - name: j
                stages:
                  - {name: a, tasks: 2, resources: {gpus: 1}, duration: 1s}
                  - {name: b, tasks: 2, resources: {fpga: 1}, duration: 1s, parents: [a]}
            """));
  }

  @Test
  void aTaskResourceAmountAboveEveryExecutorsIsRefusedAtTheAmount() {
    assertEquals(List.of(
        "test.yaml:7:35: spark.spark.task.resource.gpu.amount: Spark fails at startup: \"The executor resource: gpu, amount: 4 "
            + "needs to be >= the task resource request amount of 8.0\" (no executor has more than 4); "
            + "ask for at most 4, or give an executor group resources: {gpu: 8}",
        "test.yaml:11:46: jobs[0].stages[0].resources.gpu: Spark fails at startup: \"The executor resource: gpu, amount: 4 "
            + "needs to be >= the task resource request amount of 5.0\" (no executor has more than 4); "
            + "ask for at most 4, or give an executor group resources: {gpu: 5}"),
        Yaml.lines("""
            name: amounts
            cluster:
              executors:
                - {count: 2, cores: 4, resources: {gpu: 2}}
                - {count: 1, cores: 4, resources: {gpu: 4}}
            spark:
              spark.task.resource.gpu.amount: 8
            jobs:
              - name: j
                stages:
                  - {name: a, tasks: 2, resources: {gpu: 5}, duration: 1s}
            """));
  }

  @Test
  void zeroAmountsAreNotRequestsAsInSpark() throws ScenarioException {
    Yaml.load(Yaml.MINIMAL + "spark: {spark.task.resource.fpga.amount: 0}\n");
  }

  @Test
  void amountsOfferedOnlyByDifferentExecutorsCannotRunOneTask() {
    assertEquals(List.of(
        "test.yaml:9:29: jobs[0].stages[0].resources: no executor has room for one task (spark.task.cpus 1, fpga 1, gpu 1): "
            + "each amount is offered by some executor group, but never all of them by one; "
            + "give one executor group all of it, or lower the amounts"),
        Yaml.lines("""
            name: apart
            cluster:
              executors:
                - {count: 1, cores: 4, resources: {gpu: 2}}
                - {count: 1, cores: 4, resources: {fpga: 2}}
            jobs:
              - name: j
                stages:
                  - {name: a, tasks: 2, resources: {gpu: 1, fpga: 1}, duration: 1s}
            """));
  }

  @Test
  void aBarrierStageLargerThanTheClusterIsAWarningThatSaysWhenTheJobFails() throws ScenarioException {
    String yaml = """
        name: big
        cluster:
          executors: [{count: 2, cores: 2}]
        jobs:
          - name: j
            submitAt: 30s
            stages:
              - {name: fit, tasks: 8, barrier: true, duration: 1s}
        """;
    assertEquals(List.of("test.yaml:8:28: jobs[0].stages[0].tasks: warning: barrier stage 'fit' needs 8 slots at once, but the "
        + "cluster has at most 4 while Spark checks: the check fails at the job's submission and at its 40 retries, 15s apart, "
        + "so the job will fail with [SPARK-24819] at about 10m 30s; use at most 4 tasks, or add executors"), warnings(yaml));
  }

  @Test
  void theWarningCountsSlotsAsSparkDoes_cpusResourcesJoinsAndDecommissions() throws ScenarioException {
    String base = """
        name: counted
        cluster:
          executors: [{count: 2, cores: 4, resources: {gpu: 1}}]
          changes:
            - {at: 1m, add: {count: 2, cores: 4, resources: {gpu: 1}}}
            - {at: 2m, decommission: ["0", "1", "2"]}
        spark:
          spark.task.cpus: 2
        jobs:
          - name: j
            submitAt: SUBMIT
            stages:
              - {name: fit, tasks: TASKS, barrier: true, RES duration: 1s}
        """;
    // cpus 2: 2 slots per executor; 4 executors from 1m to 2m, then 1.
    assertEquals(List.of(), warnings(base.replace("SUBMIT", "0s").replace("TASKS", "8").replace("RES ", "")));
    assertEquals(1, warnings(base.replace("SUBMIT", "0s").replace("TASKS", "9").replace("RES ", "")).size());
    assertEquals(1, warnings(base.replace("SUBMIT", "2m").replace("TASKS", "3").replace("RES ", "")).size());
    assertEquals(List.of(), warnings(base.replace("SUBMIT", "2m").replace("TASKS", "2").replace("RES ", "")));
    // gpu 1 per task: one slot per executor, 4 at most.
    List<String> w = warnings(base.replace("SUBMIT", "0s").replace("TASKS", "5").replace("RES ", "resources: {gpu: 1}, "));
    assertEquals(1, w.size());
    assertTrue(w.get(0).contains("needs 5 slots at once, but the cluster has at most 4 while Spark checks"), w.get(0));
  }

  @Test
  void growthAfterSparkGivesUpDoesNotHelpAndTheWarningSaysSo() throws ScenarioException {
    List<String> w = warnings("""
        name: late
        cluster:
          executors: [{count: 2, cores: 4}]
          changes: [{at: 20m, add: {count: 2, cores: 4}}]
        spark:
          spark.scheduler.barrier.maxConcurrentTasksCheck.interval: 500ms
        jobs:
          - name: train
            submitAt: 1m
            stages: [{name: fit, tasks: 12, barrier: true, duration: 1s}]
        """);
    assertEquals(List.of("test.yaml:10:33: jobs[0].stages[0].tasks: warning: barrier stage 'fit' needs 12 slots at once, but "
        + "the cluster has at most 8 while Spark checks: the check fails at the job's submission and at its 40 retries, all at "
        + "once (the interval is read in whole seconds, and rounds to 0), so the job will fail with [SPARK-24819] at about 1m "
        + "(enough slots come only at 20m); use at most 8 tasks, or add executors earlier, or raise "
        + "spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures"), w);
  }

  @Test
  void growthBeforeSparkGivesUpIsNotWarnedAbout() throws ScenarioException {
    assertEquals(List.of(), warnings("""
        name: grows
        cluster:
          executors: [{count: 2, cores: 4}]
          changes: [{at: 9m, add: {count: 2, cores: 4}}]
        jobs:
          - name: train
            stages: [{name: fit, tasks: 12, barrier: true, duration: 1s}]
        """));
  }

  @Test
  void everyInstanceOfARepeatedJobFailsWhenTheStageNeverFits() throws ScenarioException {
    List<String> w = warnings("""
        name: repeated
        cluster:
          executors: [{count: 1, cores: 4}]
          changes: [{at: 1m, decommission: ["0"]}, {at: 1m, add: {count: 1, cores: 2}}]
        spark:
          spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures: 3
        jobs:
          - name: j
            submitAt: 2m
            repeat: {count: 3, every: 1m}
            stages: [{name: fit, tasks: 4, barrier: true, duration: 1s}]
        """);
    assertEquals(1, w.size());
    assertTrue(w.get(0).contains("has at most 2 while Spark checks: the check fails at the job's submission and at its 3 "
        + "retries, 15s apart, so the job's first instance will fail with [SPARK-24819] at about 2m 45s, and so will every "
        + "later instance, about 45s after its submission;"), w.get(0));
  }

  @Test
  void localCountsCoresOnly_andDynamicAllocationFailsOtherwise() throws ScenarioException {
    String local = """
        name: local
        cluster:
          executors: [{count: 1, cores: 4, resources: {gpu: 1}}]
        simulation: {backend: local}
        jobs:
          - name: j
            stages: [{name: fit, tasks: 4, barrier: true, resources: {gpu: 1}, duration: 1s}]
        """;
    assertEquals(List.of(), warnings(local), "LocalSchedulerBackend.maxNumConcurrentTasks is cores / cpus");
    assertEquals(1, warnings(local.replace("{backend: local}", "{backend: coarse-grained}")).size());
    String dynamic = local.replace("tasks: 4", "tasks: 5") + "spark: {spark.dynamicAllocation.enabled: true}\n";
    assertEquals(List.of(), warnings(dynamic.replace("{backend: local}", "{backend: coarse-grained}")),
        "with dynamic allocation the job fails at submission with [SPARK-24942], not after slot checks");
    assertEquals(1, warnings(dynamic).size(),
        "Utils.isDynamicAllocationEnabled is false on local[N], so the slot check runs and fails");
  }

  @Test
  void warningsComeWithErrorsInFileOrderWhenTheFileIsInvalid() {
    List<String> lines = Yaml.lines("""
        name: both
        cluster:
          executors: [{count: 1, cores: 2}]
        jobs:
          - name: j
            stages: [{name: fit, tasks: 4, barrier: true, duration: 1s}]
        run: {replications: 0}
        """);
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("test.yaml:6:33: jobs[0].stages[0].tasks: warning: barrier stage 'fit'"), lines.get(0));
    assertTrue(lines.get(1).startsWith("test.yaml:7:21: run.replications: must be"), lines.get(1));
  }

  @Test
  void theCatalogsImpossibleGangIsWarnedAboutAtTheTimeItsStoryTells() throws Exception {
    Scenario s = ScenarioLoader.load(java.nio.file.Path.of("catalog", "two-waves.yaml"));
    assertEquals(1, s.warnings().size());
    assertTrue(s.warnings().get(0).toString().contains("so the job will fail with [SPARK-24819] at about 45s"),
        s.warnings().get(0).toString());
  }
}
