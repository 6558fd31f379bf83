package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.RunResult.JobResult;
import dev.barriersim.core.Simulations;
import org.junit.jupiter.api.Test;

/**
 * {@code TaskSchedulerImpl.resourceOffers} aborts a TaskSet found completely excluded with no idle
 * executor in the round that finds it, also when the round starts past waiting barrier sets it
 * counts as skipped at once (the fast path of a run whose listeners all count skipped rounds).
 */
class SkippedRunAbortGapsTest {

  /**
   * Executor 0 (2 cores) runs g's map and o's p0 from 0 ms; g's barrier stage (2 tasks) waits from
   * 1 s, when o's p1 takes the free core; o's p0 fails at 1.5 s and may run nowhere else, with no
   * executor idle: the round at its end, which passes the waiting gang, aborts o at once.
   */
  @Test
  void completelyExcludedSetBehindAWaitingGang_abortsInThatRound() {
    RunResult r = Simulations.run(spec().executors(1, 2).excludeOnFailure(ExcludeOnFailureConf.ENABLED)
        .job("g", stage("gm", 1, 1000), barrier("gb", 2, 1000, "gm"))
        .job("o", stage("o", 2, 5000))
        .fail("o", "o", 0, 0, 0, 1500).build(), RunOutputs.bare());
    assertTrue(r.barrier().roundsSkipped() > 0, r.barrier().toString());
    JobResult o = r.jobs().get(1);
    assertEquals("o FAILED 1500", o.name() + " " + o.status() + " " + o.endMs());
    assertTrue(o.failureReason().contains("cannot run anywhere due to node and executor excludeOnFailure."), o.failureReason());
    JobResult g = r.jobs().get(0);
    assertEquals("g SUCCEEDED 2500", g.name() + " " + g.status() + " " + g.endMs());
  }
}
