package dev.barriersim.core.properties;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskStatus;
import dev.barriersim.core.event.SimEvent.ExecutorLost;
import dev.barriersim.core.event.SimEvent.JobEnded;
import dev.barriersim.core.event.SimEvent.SlotCheckFailed;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import dev.barriersim.core.event.SimEvent.TaskEnded;
import dev.barriersim.core.event.SimEvent.TaskKillRequested;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.properties.checks.AccountingCheck;
import dev.barriersim.core.properties.checks.AllOrNothingCheck;
import dev.barriersim.core.properties.checks.BarrierFailureCheck;
import dev.barriersim.core.properties.checks.BarrierSlotsCheck;
import dev.barriersim.core.properties.checks.CapacityCheck;
import dev.barriersim.core.properties.checks.LifecycleCheck;
import dev.barriersim.core.properties.checks.PropertyCheck;
import dev.barriersim.core.properties.checks.ResubmitDelayCheck;
import dev.barriersim.core.properties.checks.ScriptedFailureCheck;
import dev.barriersim.core.properties.checks.SlotCheckScheduleCheck;
import dev.barriersim.core.properties.checks.TaskRetryCheck;
import dev.barriersim.core.properties.checks.WorkConservingCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The oracles bite: each check accepts a real run and rejects the same run's event list doctored
 * the way a broken scheduler would have produced it.
 */
class OracleMutationTest {
  private static PropertyRuns.Observed clean(SimulationSpec spec, PropertyCheck check) {
    PropertyRuns.Observed o = PropertyRuns.run(spec);
    assertEquals(List.of(), PropertyRuns.violations(o, List.of(check)), "the real run must pass");
    assertEquals(List.of(), PropertyRuns.violations(o, PropertyRuns.allChecks()), "the real run must pass every check");
    return o;
  }

  private static void rejects(PropertyRuns.Observed o, List<SimEvent> doctored, PropertyCheck check) {
    List<String> v = check.check(doctored, o.spec(), o.result());
    assertFalse(v.isEmpty(), () -> check.name() + " accepted a doctored event list");
  }

  private static int indexOf(List<SimEvent> events, Predicate<SimEvent> p) {
    for (int i = 0; i < events.size(); i++) if (p.test(events.get(i))) return i;
    throw new AssertionError("no such event");
  }

  private static int lastIndexOf(List<SimEvent> events, Predicate<SimEvent> p) {
    for (int i = events.size() - 1; i >= 0; i--) if (p.test(events.get(i))) return i;
    throw new AssertionError("no such event");
  }

  private static TaskLaunched at(TaskLaunched l, long t, String executor) {
    return new TaskLaunched(t, l.job(), l.stage(), l.stageAttempt(), l.partition(), l.attempt(), l.taskId(), executor, l.host());
  }

  /** A gang of 4 on two 2-core executors behind a wave of non-barrier tasks; then partition 2 fails, the map reruns. */
  private static SimulationSpec gangWithFailure() {
    return spec().executors(2, 2)
        .job("j", stage("pre", 3, 1000), barrier("gang", 4, 2000, "pre"), stage("post", 2, 500, "gang"))
        .fail("j", "gang", 2, 0, 0, 500).build();
  }

  @Test
  void allOrNothing_rejectsADroppedBarrierLaunch() {
    AllOrNothingCheck check = new AllOrNothingCheck();
    PropertyRuns.Observed o = clean(gangWithFailure(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    ev.remove(indexOf(ev, e -> e instanceof TaskLaunched l && l.stage().equals("gang")));
    rejects(o, ev, check);
  }

  @Test
  void allOrNothing_rejectsABarrierLaunchShiftedByOneMillisecond() {
    AllOrNothingCheck check = new AllOrNothingCheck();
    PropertyRuns.Observed o = clean(gangWithFailure(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    int i = lastIndexOf(ev, e -> e instanceof TaskLaunched l && l.stage().equals("gang") && l.stageAttempt() == 0);
    TaskLaunched l = (TaskLaunched) ev.get(i);
    ev.set(i, at(l, l.t() + 1, l.executor()));
    rejects(o, ev, check);
  }

  @Test
  void barrierFailure_rejectsADroppedKillRequest() {
    BarrierFailureCheck check = new BarrierFailureCheck();
    PropertyRuns.Observed o = clean(gangWithFailure(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    ev.remove(indexOf(ev, e -> e instanceof TaskKillRequested));
    rejects(o, ev, check);
  }

  @Test
  void barrierFailure_rejectsAKilledTaskThatStopsLate() {
    BarrierFailureCheck check = new BarrierFailureCheck();
    PropertyRuns.Observed o = clean(gangWithFailure(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    long killed = ((TaskKillRequested) ev.get(indexOf(ev, e -> e instanceof TaskKillRequested))).taskId();
    int i = indexOf(ev, e -> e instanceof TaskEnded t && t.taskId() == killed);
    TaskEnded t = (TaskEnded) ev.get(i);
    ev.set(i, new TaskEnded(t.t() + 5, t.job(), t.stage(), t.stageAttempt(), t.partition(), t.attempt(), t.taskId(),
        t.executor(), t.host(), t.launchMs(), t.status(), t.reason()));
    rejects(o, ev, check);
  }

  @Test
  void barrierFailure_rejectsAResultStageFailureThatDoesNotFailTheJob() {
    BarrierFailureCheck check = new BarrierFailureCheck();
    PropertyRuns.Observed o = clean(spec().executors(1, 4).job("j", barrier("r", 3, 1000)).fail("j", "r", 1, 0, 0, 300)
        .build(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    ev.remove(indexOf(ev, e -> e instanceof JobEnded));
    rejects(o, ev, check);
  }

  @Test
  void resubmitDelay_rejectsAResubmissionAtTheFailureInstant() {
    ResubmitDelayCheck check = new ResubmitDelayCheck();
    PropertyRuns.Observed o = clean(gangWithFailure(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    long failedAt = ((StageCompleted) ev.get(indexOf(ev, e -> e instanceof StageCompleted c && c.status().equals("FAILED")))).t();
    int i = indexOf(ev, e -> e instanceof StageSubmitted s && s.stageAttempt() == 1);
    StageSubmitted s = (StageSubmitted) ev.get(i);
    assertEquals(failedAt + 200, s.t());
    ev.set(i, new StageSubmitted(failedAt, s.job(), s.stage(), s.stageId(), s.stageAttempt(), s.tasks(), s.barrier()));
    rejects(o, ev, check);
  }

  @Test
  void capacity_rejectsALaunchOnAFullExecutor() {
    CapacityCheck check = new CapacityCheck();
    PropertyRuns.Observed o = clean(gangWithFailure(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    int i = indexOf(ev, e -> e instanceof TaskLaunched l && l.stage().equals("gang"));
    TaskLaunched l = (TaskLaunched) ev.get(i);
    ev.add(i + 1, new TaskLaunched(l.t(), "j", "extra", 0, 0, 0, 9999, l.executor(), l.host()));
    rejects(o, ev, check);
  }

  @Test
  void barrierSlots_rejectsAGangLaunchedBeforeItsSlotsWereFree() {
    BarrierSlotsCheck check = new BarrierSlotsCheck();
    PropertyRuns.Observed o = clean(gangWithFailure(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    int burst = indexOf(ev, e -> e instanceof TaskLaunched l && l.stage().equals("gang"));
    int freed = lastIndexOf(ev.subList(0, burst), e -> e instanceof TaskEnded);
    ev.add(burst, ev.remove(freed)); // the slot frees only after the gang began launching
    rejects(o, ev, check);
  }

  @Test
  void taskRetry_rejectsAJobThatDidNotFailAtMaxFailures() {
    TaskRetryCheck check = new TaskRetryCheck();
    PropertyRuns.Observed o = clean(spec().executors(1, 2).taskMaxFailures(2).job("j", stage("s", 2, 1000))
        .fail("j", "s", 1, 0, 0, 100).fail("j", "s", 1, 0, 1, 100).build(), check);
    assertTrue(o.result().jobs().get(0).failureReason().contains("failed 2 times"));
    List<SimEvent> ev = new ArrayList<>(o.events());
    ev.remove(indexOf(ev, e -> e instanceof JobEnded));
    rejects(o, ev, check);
  }

  @Test
  void workConserving_rejectsATaskLeftPendingNextToAFreeCore() {
    WorkConservingCheck check = new WorkConservingCheck();
    PropertyRuns.Observed o = clean(spec().executors(2, 2).job("j", stage("s", 3, 1000)).build(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    long id = ((TaskLaunched) ev.get(lastIndexOf(ev, e -> e instanceof TaskLaunched))).taskId();
    ev.removeIf(e -> (e instanceof TaskLaunched l && l.taskId() == id) || (e instanceof TaskEnded t && t.taskId() == id));
    rejects(o, ev, check);
  }

  @Test
  void accounting_rejectsATaskEndMovedByOneMillisecond() {
    AccountingCheck check = new AccountingCheck();
    PropertyRuns.Observed o = clean(gangWithFailure(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    int i = indexOf(ev, e -> e instanceof TaskEnded);
    TaskEnded t = (TaskEnded) ev.get(i);
    ev.set(i, new TaskEnded(t.t() + 1, t.job(), t.stage(), t.stageAttempt(), t.partition(), t.attempt(), t.taskId(),
        t.executor(), t.host(), t.launchMs(), t.status(), t.reason()));
    rejects(o, ev, check);
  }

  @Test
  void slotCheckSchedule_rejectsARetryOneMillisecondLate() {
    SlotCheckScheduleCheck check = new SlotCheckScheduleCheck();
    PropertyRuns.Observed o = clean(spec().executors(1, 2).slotCheck(1500, 3).job("j", barrier("g", 3, 100)).build(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    int i = lastIndexOf(ev, e -> e instanceof SlotCheckFailed);
    SlotCheckFailed f = (SlotCheckFailed) ev.get(i);
    assertEquals(3000, f.t(), "1500ms is read as 1s: checks at 0, 1, 2, 3 s");
    ev.set(i, new SlotCheckFailed(f.t() + 1, f.job(), f.stage(), f.required(), f.available(), f.failures(), f.willRetry()));
    rejects(o, ev, check);
  }

  @Test
  void delta_debugging_shrinksToTheActionsThatMatter() {
    List<Integer> failing = List.of(5, 1, 9, 7, 3, 8, 2, 6, 4, 0);
    List<Integer> small = ActionSequencePropertiesTest.shrink(failing, l -> l.contains(7) && l.contains(2));
    assertEquals(List.of(7, 2), small);
  }

  @Test
  void scriptedFailure_rejectsAFailureThatDidNotHappen() {
    ScriptedFailureCheck check = new ScriptedFailureCheck();
    PropertyRuns.Observed o = clean(gangWithFailure(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    int i = indexOf(ev, e -> e instanceof TaskEnded t && t.status() == TaskStatus.FAILED);
    TaskEnded t = (TaskEnded) ev.get(i);
    ev.set(i, new TaskEnded(t.t() + 1000, t.job(), t.stage(), t.stageAttempt(), t.partition(), t.attempt(), t.taskId(),
        t.executor(), t.host(), t.launchMs(), TaskStatus.SUCCESS, null));
    rejects(o, ev, check);
  }

  /**
   * after counts from the start of the work: with a 40 ms launch latency the real run fails the
   * task 40 ms after launch + after, and the check accepts it; a failure at launch + after (the
   * old rule) is rejected.
   */
  @Test
  void scriptedFailure_countsAfterFromTheStartOfTheWork() {
    ScriptedFailureCheck check = new ScriptedFailureCheck();
    SimulationSpec withLatency = spec().executors(2, 2).latency(40, 0)
        .job("j", stage("pre", 3, 1000), barrier("gang", 4, 2000, "pre"), stage("post", 2, 500, "gang"))
        .fail("j", "gang", 2, 0, 0, 500).build();
    PropertyRuns.Observed o = clean(withLatency, check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    int i = indexOf(ev, e -> e instanceof TaskEnded t && t.status() == TaskStatus.FAILED);
    TaskEnded t = (TaskEnded) ev.get(i);
    assertEquals(t.launchMs() + 40 + 500, t.t());
    ev.set(i, new TaskEnded(t.t() + 1, t.job(), t.stage(), t.stageAttempt(), t.partition(), t.attempt(), t.taskId(),
        t.executor(), t.host(), t.launchMs(), t.status(), t.reason()));
    rejects(o, ev, check);
  }

  @Test
  void lifecycle_rejectsAStageAttemptCompletedTwice() {
    LifecycleCheck check = new LifecycleCheck();
    PropertyRuns.Observed o = clean(gangWithFailure(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    int i = indexOf(ev, e -> e instanceof StageCompleted c && c.status().equals("FAILED"));
    ev.add(i + 1, ev.get(i));
    rejects(o, ev, check);
  }

  @Test
  void lifecycle_rejectsALaunchAfterItsStageAttemptCompleted() {
    LifecycleCheck check = new LifecycleCheck();
    PropertyRuns.Observed o = clean(gangWithFailure(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    int done = indexOf(ev, e -> e instanceof StageCompleted c && c.stage().equals("pre"));
    int launch = lastIndexOf(ev, e -> e instanceof TaskLaunched l && l.stage().equals("pre"));
    ev.add(done, ev.remove(launch)); // the stage attempt completes before its last launch
    rejects(o, ev, check);
  }

  @Test
  void lifecycle_rejectsAJobThatSucceedsWithoutItsResultStageCompleting() {
    LifecycleCheck check = new LifecycleCheck();
    PropertyRuns.Observed o = clean(gangWithFailure(), check);
    List<SimEvent> ev = new ArrayList<>(o.events());
    ev.remove(indexOf(ev, e -> e instanceof StageCompleted c && c.stage().equals("post")));
    rejects(o, ev, check);
  }

  @Test
  void lifecycle_rejectsAJobEndedTwiceAndAnExecutorLostTwice() {
    LifecycleCheck check = new LifecycleCheck();
    PropertyRuns.Observed o = clean(spec().executors(2, 2).job("j", stage("s", 2, 1000)).loseExecutor("1", 500).build(), check);
    List<SimEvent> twiceEnded = new ArrayList<>(o.events());
    twiceEnded.add(twiceEnded.get(indexOf(twiceEnded, e -> e instanceof JobEnded)));
    rejects(o, twiceEnded, check);
    List<SimEvent> twiceLost = new ArrayList<>(o.events());
    twiceLost.add(twiceLost.get(indexOf(twiceLost, e -> e instanceof ExecutorLost)));
    rejects(o, twiceLost, check);
  }
}
