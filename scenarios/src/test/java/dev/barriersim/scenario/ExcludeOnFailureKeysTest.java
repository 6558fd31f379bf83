package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.spark.ExcludeOnFailureConf;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code spark.excludeOnFailure.*} keys: defaults, every key mapped, and Spark's start-up refusals, located. */
class ExcludeOnFailureKeysTest {

  @Test
  void absentKeysAreSparksDefaultsWithExclusionOff() throws Exception {
    assertEquals(ExcludeOnFailureConf.DISABLED, Yaml.load(Yaml.MINIMAL).spec().conf().excludeOnFailure());
  }

  @Test
  void everyKeyIsMapped() throws Exception {
    ExcludeOnFailureConf x = Yaml.load(Yaml.MINIMAL + """
        spark:
          spark.task.maxFailures: 8
          spark.excludeOnFailure.enabled: true
          spark.excludeOnFailure.task.maxTaskAttemptsPerExecutor: 2
          spark.excludeOnFailure.task.maxTaskAttemptsPerNode: 3
          spark.excludeOnFailure.stage.maxFailedTasksPerExecutor: 4
          spark.excludeOnFailure.stage.maxFailedExecutorsPerNode: 5
          spark.excludeOnFailure.application.maxFailedTasksPerExecutor: 6
          spark.excludeOnFailure.application.maxFailedExecutorsPerNode: 7
          spark.excludeOnFailure.timeout: 10m
          spark.scheduler.excludeOnFailure.unschedulableTaskSetTimeout: 30s
        """).spec().conf().excludeOnFailure();
    assertEquals(new ExcludeOnFailureConf(true, 2, 3, 4, 5, 6, 7, 600_000, 30_000), x);
  }

  @Test
  void sparksStartupChecksAreLocatedErrors() {
    List<String> lines = Yaml.lines(Yaml.MINIMAL + """
        spark:
          spark.task.maxFailures: 2
          spark.excludeOnFailure.enabled: true
          spark.excludeOnFailure.stage.maxFailedTasksPerExecutor: 0
          spark.excludeOnFailure.timeout: 0ms
        """);
    assertEquals(List.of(
        "test.yaml:14:59: spark.spark.excludeOnFailure.stage.maxFailedTasksPerExecutor: "
            + "spark.excludeOnFailure.stage.maxFailedTasksPerExecutor was 0, but must be > 0.; write 1 or more",
        "test.yaml:15:35: spark.spark.excludeOnFailure.timeout: spark.excludeOnFailure.timeout was 0, but must be > 0.; "
            + "write 1ms or more, e.g. 1h"), lines);
    List<String> bad = Yaml.lines(Yaml.MINIMAL + """
        spark:
          spark.task.maxFailures: 2
          spark.excludeOnFailure.enabled: true
        """);
    assertEquals(List.of("test.yaml:13:35: spark.spark.excludeOnFailure.enabled: "
        + "spark.excludeOnFailure.task.maxTaskAttemptsPerNode ( = 2) was >= spark.task.maxFailures ( = 2 ). Though "
        + "excludeOnFailure is enabled, with this configuration, Spark will not be robust to one bad node. Decrease "
        + "spark.excludeOnFailure.task.maxTaskAttemptsPerNode, increase spark.task.maxFailures, or disable "
        + "excludeOnFailure with spark.excludeOnFailure.enabled; set spark.excludeOnFailure.task.maxTaskAttemptsPerNode "
        + "below spark.task.maxFailures (2), or raise spark.task.maxFailures"), bad);
  }

  @Test
  void offSparkChecksNothing() throws Exception {
    ExcludeOnFailureConf x = Yaml.load(Yaml.MINIMAL + """
        spark:
          spark.task.maxFailures: 1
          spark.excludeOnFailure.stage.maxFailedTasksPerExecutor: 0
        """).spec().conf().excludeOnFailure();
    assertEquals(false, x.enabled());
    assertEquals(0, x.stageMaxFailedTasksPerExecutor());
  }
}
