package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static dev.barriersim.core.testing.SpecBuilder.withResources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.SlotCheckFailed;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When {@code CoarseGrainedSchedulerBackend}'s periodic revive ({@code ReviveOffers} every
 * {@code spark.scheduler.revive.interval}) meets a locality wait, and what its
 * {@code maxNumConcurrentTasks} answers, in cases the suite tests leave open.
 */
class SchedulerBackendMutantsTest {

  /**
   * The periodic {@code ReviveOffers} still comes at the end of a locality wait after an earlier
   * revive. Task 1 of "j" prefers busy host-0 and waits 3 s at NODE_LOCAL; "o" frees host-1 at
   * 1500 ms, which asks for the revive at 2000 ms (the wait not over: nothing launches); the
   * revive at 3000 ms, when the wait has ended, launches task 1 ANY on host-1.
   */
  @Test
  void reviveOffers_aRoundAfterTheLocalityWaitEvenWhenAnEarlierReviveCameFirst() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).executorsOn(1, 1, 1, null)
        .job("j", inputHosts(stage("s", 2, 10_000), List.of("host-0"))).job("o", stage("o", 1, 1500)).build());
    List<TaskLaunched> l = run.launches("s", 0);
    assertEquals(List.of(0L, 3000L), l.stream().map(TaskLaunched::t).toList());
    assertEquals(TaskLocality.ANY, l.get(1).locality());
    assertEquals("1", l.get(1).executor());
    assertEquals(List.of(0L), run.launchInstants("o", 0));
  }

  /**
   * Spark's revive timer fires every interval whatever else is pending, so a locality wait ending
   * one interval later never stands in for the periodic {@code ReviveOffers} due now. Two executors
   * of 3 cores run five tasks (three end at 2 s); "pref" prefers busy host-0 (its wait ends at 3 s).
   * At 2 s, {@code makeOffers(executorId)} places pref's task on host-0 and offers each executor
   * alone, too few slots for the gang of 3; the revive at 2 s offers both, and the gang launches.
   */
  @Test
  void reviveOffers_thePeriodicRoundDueNowComesAlthoughALocalityWaitEndsOneIntervalLater() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 3, 1, null)
        .job("busy", stagePerPartition("b", new long[] {2000, 2000, 2000, 9000, 9000}))
        .job("pref", inputHosts(stage("p", 1, 5000), List.of("host-0")))
        .job("gang", barrier("g", 3, 1000)).build());
    assertEquals(List.of(2000L), run.launchInstants("p", 0));
    assertEquals(List.of(2000L), run.launchInstants("g", 0));
  }

  /**
   * {@code maxNumConcurrentTasks(rp)} counts slots for the job's own task shape. Two executors of 2
   * cores and 1 gpu: a plain gang of 4 fits 4 slots; the next job's gang of 3 needing a gpu each
   * sees only 2 slots, so its check fails twice and the job fails
   * ({@code checkBarrierStageWithNumSlots}, one retry allowed).
   */
  @Test
  void maxNumConcurrentTasks_countsTheSlotsOfEachJobsOwnTaskShape() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2, Map.of("gpu", 1)).slotCheck(1000, 1)
        .job("plain", barrier("p", 4, 1000))
        .job("gpu", withResources(barrier("g", 3, 1000), Map.of("gpu", 1))).build());
    List<SlotCheckFailed> failed = run.all(SlotCheckFailed.class);
    assertEquals(List.of("gpu", "gpu"), failed.stream().map(SlotCheckFailed::job).toList());
    assertEquals(List.of(2, 2), failed.stream().map(SlotCheckFailed::available).toList());
    assertEquals(3, failed.get(0).required());
    assertEquals("FAILED", run.result.jobs().get(1).status());
    assertEquals(List.of(0L), run.launchInstants("p", 0));
  }

  /**
   * {@code maxNumConcurrentTasks} counts the executors active when the job is submitted: after a
   * third executor joins at 500 ms, a gang of 6 submitted at 1 s passes the check the gang of 4
   * at 0 passed with two executors, and launches at once.
   */
  @Test
  void maxNumConcurrentTasks_countsAnExecutorThatJoinedSinceTheLastCheck() {
    RecordedRun run = RecordedRun.of(spec().executors(2, 2).addAt(500, 1, 2)
        .job("first", barrier("a", 4, 100))
        .job("second", 1000, "default", barrier("b", 6, 1000)).build());
    assertEquals(List.of(), run.all(SlotCheckFailed.class));
    assertEquals(List.of(1000L), run.launchInstants("b", 0));
  }

  private static JobEnded excludedEverywhere(dev.barriersim.core.testing.SpecBuilder b) {
    return RecordedRun.of(b.executors(1, 2).excludeOnFailure(ExcludeOnFailureConf.ENABLED).dynamicAllocation()
        .job("j", stage("s", 2, 5000)).fail("j", "s", 0, 0, 0, 500).build()).all(JobEnded.class).get(0);
  }

  /**
   * {@code TaskSchedulerImpl.resourceOffers} with dynamic allocation: a TaskSet excluded on the one
   * busy executor does not abort at once but after the 120 s unschedulable timeout (Spark would ask
   * for a new executor meanwhile).
   */
  @Test
  void resourceOffers_completelyExcludedWithDynamicAllocation_waitsTheUnschedulableTimeout() {
    JobEnded end = excludedEverywhere(spec());
    assertEquals(JobStatus.FAILED, end.result());
    assertEquals(500 + 120_000, end.t());
  }

  /**
   * {@code Utils.isDynamicAllocationEnabled} is false on {@code local[N]}: the same TaskSet there
   * aborts at once, at the failure, as without dynamic allocation.
   */
  @Test
  void isDynamicAllocationEnabled_falseOnLocal_soACompletelyExcludedTaskSetAbortsAtOnce() {
    JobEnded end = excludedEverywhere(spec().local());
    assertEquals(JobStatus.FAILED, end.result());
    assertEquals(500, end.t());
  }

  /**
   * The revive at the earliest locality wait's end comes even when a TaskSet whose wait ends later
   * registers meanwhile. Task 1 of "j" waits 3 s for busy host-0 (until 3000 ms); "k", submitted
   * at 1 s with the same preference, waits until 4000 ms; task 1 of "j" still launches ANY at 3000.
   */
  @Test
  void reviveOffers_aLaterLocalityWaitDoesNotPostponeAnEarlierOnesRound() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).executorsOn(1, 1, 1, null)
        .executorsOn(1, 1, 1, null)
        .job("j", inputHosts(stage("s", 2, 10_000), List.of("host-0")))
        .job("k", 1000, "default", inputHosts(stage("t", 1, 1000), List.of("host-0"))).build());
    List<TaskLaunched> l = run.launches("s", 0);
    assertEquals(List.of(0L, 3000L), l.stream().map(TaskLaunched::t).toList());
    assertEquals(TaskLocality.ANY, l.get(1).locality());
  }
}
