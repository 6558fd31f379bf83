package dev.barriersim.core.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration checks pinned by Spark's {@code SparkConfSuite} / {@code ResourceUtilsSuite}. */
class SparkConfSuiteTest {
  private static SparkConf withTaskResources(Map<String, Integer> resources) {
    SparkConf d = SparkConf.DEFAULTS;
    return new SparkConf(d.taskCpus(), resources, d.schedulingMode(), d.reviveIntervalMs(), d.slotCheckIntervalMs(),
        d.slotCheckMaxFailures(), d.barrierSyncTimeoutMs(), d.maxConsecutiveAttempts(), d.taskMaxFailures(),
        d.dynamicAllocation(), d.interruptOnCancel());
  }

  /** A task resource amount of 0 is accepted (the task needs none of it); a negative amount is refused with the key's name. */
  @Test
  void taskResourceAmountOfZeroIsAccepted_aNegativeOneIsRefused() {
    assertEquals(Map.of("gpu", 0), withTaskResources(Map.of("gpu", 0)).taskResources());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withTaskResources(Map.of("gpu", -1)));
    assertEquals("spark.task.resource.gpu.amount must be >= 0", e.getMessage());
  }
}
