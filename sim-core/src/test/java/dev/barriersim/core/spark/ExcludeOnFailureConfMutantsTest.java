package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.event.SimEvent.ExecutorExcluded;
import dev.barriersim.core.testing.RecordedRun;
import org.junit.jupiter.api.Test;

/**
 * Spark's {@code HealthTracker.validateExcludeOnFailureConfs} and {@code isExcludeOnFailureEnabled}
 * on {@link ExcludeOnFailureConf}: a zero key is refused when exclusion is on, and
 * {@link ExcludeOnFailureConf#withEnabled} switches exclusion without touching the other keys.
 */
class ExcludeOnFailureConfMutantsTest {

  /** {@code validateExcludeOnFailureConfs}' {@code mustBePos}: zero is refused, in Spark's words; one is accepted. */
  @Test
  void validateExcludeOnFailureConfs_refusesZero() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ExcludeOnFailureConf(true, 0, 2, 2, 2, 2, 2, 3_600_000L, 120_000L));
    assertEquals("spark.excludeOnFailure.task.maxTaskAttemptsPerExecutor was 0, but must be > 0.", e.getMessage());
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
        () -> new ExcludeOnFailureConf(true, 1, 2, 2, 2, 2, 2, 0, 120_000L));
    assertEquals("spark.excludeOnFailure.timeout was 0, but must be > 0.", t.getMessage());
    assertEquals(1, new ExcludeOnFailureConf(true, 1, 1, 1, 1, 1, 1, 1, 0).maxTaskAttemptsPerExecutor());
    // Off, Spark validates nothing.
    assertEquals(0, new ExcludeOnFailureConf(false, 0, 2, 2, 2, 2, 2, 3_600_000L, 120_000L).maxTaskAttemptsPerExecutor());
  }

  /**
   * {@code withEnabled} keeps the keys: a conf with a 10 s timeout switched off excludes nothing,
   * switched back on it excludes with that timeout; turning on bad keys is refused.
   */
  @Test
  void withEnabled_switchesExclusionAndKeepsTheKeys() {
    ExcludeOnFailureConf tenSeconds = new ExcludeOnFailureConf(true, 1, 2, 2, 2, 2, 2, 10_000, 120_000);
    ExcludeOnFailureConf off = tenSeconds.withEnabled(false);
    assertEquals(new ExcludeOnFailureConf(false, 1, 2, 2, 2, 2, 2, 10_000, 120_000), off);
    var base = spec().executors(2, 1).job("j", stage("s", 3, 1000))
        .fail("j", "s", 0, 0, 0, 500).fail("j", "s", 2, 0, 0, 500);
    assertTrue(RecordedRun.of(base.excludeOnFailure(off).build()).all(ExecutorExcluded.class).isEmpty());
    RecordedRun again = RecordedRun.of(base.excludeOnFailure(off.withEnabled(true)).build());
    ExecutorExcluded app = again.all(ExecutorExcluded.class, e -> e.expiresMs() > 0).get(0);
    assertEquals(app.t() + 10_000, app.expiresMs());
    ExcludeOnFailureConf badOff = new ExcludeOnFailureConf(false, 1, 2, 2, 2, 2, 2, -1, 120_000);
    assertThrows(IllegalArgumentException.class, () -> badOff.withEnabled(true));
  }
}
