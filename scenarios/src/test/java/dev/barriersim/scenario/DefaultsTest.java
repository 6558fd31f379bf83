package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.failure.ExecutorFailureSpec;
import dev.barriersim.core.failure.FailureSpec;
import dev.barriersim.core.failure.TaskFailureSpec;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.spark.Backend;
import dev.barriersim.core.spark.SchedulingMode;
import dev.barriersim.core.spark.SimulationSettings;
import dev.barriersim.core.spark.SparkConf;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.RepeatSpec;
import dev.barriersim.core.workload.StageSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultsTest {
  @Test
  void minimalScenarioGetsEveryDefault() throws Exception {
    Scenario s = Yaml.load(Yaml.MINIMAL);
    SimulationSpec spec = s.spec();
    assertEquals("test.yaml", s.file());
    assertEquals("", s.description());
    assertEquals("tiny", spec.name());
    assertEquals(1L, spec.seed());
    assertEquals(List.of(new ExecutorGroup(1, 2, Map.of(), 1)), spec.cluster().executors());
    assertEquals(List.of(), spec.cluster().changes());
    assertEquals(SparkConf.DEFAULTS, spec.conf());
    assertEquals(List.of(), spec.pools());
    assertEquals(SimulationSettings.DEFAULTS, spec.settings());
    assertEquals(Backend.COARSE_GRAINED, spec.settings().backend());
    assertEquals(0, spec.settings().launchLatencyMs());
    assertEquals(0, spec.settings().statusUpdateLatencyMs());
    assertEquals(0, spec.settings().killLatencyMs());
    assertEquals(1_000, spec.settings().barrierPollIntervalMs());
    assertEquals(Long.MAX_VALUE, spec.settings().horizonMs());
    assertEquals(200_000_000L, spec.settings().maxEvents());
    assertEquals(FailureSpec.NONE, spec.failures());
    assertEquals(List.of("barrier", "non-barrier"), s.modes());
    assertEquals(1, s.replications());
    JobSpec job = spec.jobs().get(0);
    assertEquals(0, job.submitAtMs());
    assertEquals("default", job.pool());
    assertNull(job.repeat());
    StageSpec stage = job.stages().get(0);
    assertFalse(stage.barrier());
    assertEquals(List.of(), stage.parents());
    assertNull(stage.resources());
    assertNull(stage.stragglers());
    assertEquals(List.of(DurationSpec.constant(1_000)), stage.phases());
  }

  @Test
  void sparkDefaultsAreSpark35() {
    SparkConf d = SparkConf.DEFAULTS;
    assertEquals(1, d.taskCpus());
    assertEquals(SchedulingMode.FIFO, d.schedulingMode());
    assertEquals(15_000, d.slotCheckIntervalMs());
    assertEquals(40, d.slotCheckMaxFailures());
    assertEquals(365L * 86_400_000L, d.barrierSyncTimeoutMs());
  }

  @Test
  void failureDefaults() throws Exception {
    Scenario s = Yaml.load(Yaml.MINIMAL + """
        failures:
          tasks:
            - {job: j, stage: s, partition: 1}
          executors:
            - mtbf: 2h
        """);
    TaskFailureSpec t = s.spec().failures().tasks().get(0);
    assertEquals(new TaskFailureSpec("j", "s", 1, 0, 0, TaskFailureSpec.AT_END, TaskFailureSpec.Kind.FAIL), t);
    assertEquals(new ExecutorFailureSpec.Random(7_200_000, ExecutorFailureSpec.Random.NEVER), s.spec().failures().executors().get(0));
    assertEquals(0.0, s.spec().failures().taskFailureProbability());
  }

  @Test
  void everyExplicitValueIsMapped() throws Exception {
    Scenario s = Yaml.load("""
        name: full
        description: all keys
        seed: -42
        cluster:
          executors:
            - {count: 3, cores: 4, resources: {gpu: 2}, executorsPerHost: 3}
          changes:
            - {at: 5m, add: {count: 2, cores: 8}}
            - {at: 9m, decommission: ["4", 1]}
        spark:
          spark.task.cpus: "2"
          spark.task.resource.gpu.amount: 1
          spark.scheduler.mode: fair
          spark.scheduler.revive.interval: 500ms
          spark.scheduler.barrier.maxConcurrentTasksCheck.interval: 1500ms
          spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures: "3"
          spark.barrier.sync.timeout: 2m
          spark.stage.maxConsecutiveAttempts: 2
          spark.task.maxFailures: 1
          spark.dynamicAllocation.enabled: "false"
          spark.job.interruptOnCancel: true
        pools:
          - {name: ml, schedulingMode: FAIR, weight: 2, minShare: 4}
        simulation:
          backend: coarse-grained
          latency: {launch: 5ms, statusUpdate: 7ms}
          killLatency: untilDone
          barrierPollInterval: 0ms
          horizon: 30d
          maxEvents: 1000
        jobs:
          - name: train
            submitAt: 1.5s
            pool: ml
            repeat: {count: 3, poisson: {mean: 30s}}
            stages:
              - {name: load, tasks: 4, duration: 2s}
              - name: fit
                tasks: 2
                barrier: yes-no-maybe-not
                parents: [load]
                phases: [1s]
        run:
          modes: [non-barrier]
          replications: 5
        """.replace("yes-no-maybe-not", "true"));
    SimulationSpec spec = s.spec();
    assertEquals("all keys", s.description());
    assertEquals(-42L, spec.seed());
    assertEquals(new ExecutorGroup(3, 4, Map.of("gpu", 2), 3), spec.cluster().executors().get(0));
    assertEquals(300_000, spec.cluster().changes().get(0).atMs());
    assertEquals(List.of("4", "1"), spec.cluster().changes().get(1).decommission());
    assertEquals(new SparkConf(2, Map.of("gpu", 1), SchedulingMode.FAIR, 500, 1500, 3, 120_000, 2, 1, false, true), spec.conf());
    assertEquals(SchedulingMode.FAIR, spec.pools().get(0).schedulingMode());
    assertEquals(new SimulationSettings(Backend.COARSE_GRAINED, 5, 7, SimulationSettings.KILL_UNTIL_DONE, 0, 30L * 86_400_000L, 1000),
        spec.settings());
    JobSpec job = spec.jobs().get(0);
    assertEquals(1_500, job.submitAtMs());
    assertEquals("ml", job.pool());
    assertEquals(new RepeatSpec(3, RepeatSpec.Gap.POISSON, 30_000), job.repeat());
    assertTrue(job.stages().get(1).barrier());
    assertEquals(List.of("load"), job.stages().get(1).parents());
    assertEquals(List.of("non-barrier"), s.modes());
    assertEquals(5, s.replications());
  }

  @Test
  void killLatencyUntilDone() throws Exception {
    Scenario s = Yaml.load(Yaml.MINIMAL + "simulation: {killLatency: untilDone}\n");
    assertEquals(SimulationSettings.KILL_UNTIL_DONE, s.spec().settings().killLatencyMs());
    assertEquals(2_000, Yaml.load(Yaml.MINIMAL + "simulation: {killLatency: 2s}\n").spec().settings().killLatencyMs());
    assertTrue(Yaml.lines(Yaml.MINIMAL + "simulation: {killLatency: untildone}\n").get(0)
        .endsWith("simulation.killLatency: unknown value 'untildone'; did you mean 'untilDone'?"));
  }

  @Test
  void repeatWithFixedGap() throws Exception {
    Scenario s = Yaml.load(Yaml.MINIMAL.replace("  - name: j\n", "  - name: j\n    repeat: {count: 10, every: 30s}\n"));
    assertEquals(new RepeatSpec(10, RepeatSpec.Gap.FIXED, 30_000), s.spec().jobs().get(0).repeat());
  }
}
