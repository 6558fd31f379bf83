package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.barrier;
import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.LocalityLevelChanged;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Delay-scheduling cases of Spark's {@code TaskSetManager} and {@code TaskSchedulerImpl} that the
 * other locality tests leave open: the NO_PREF level, the cap of the allowed level at each
 * {@code maxLocality} of {@code resourceOffers}, and both timer reset rules. Each test names the
 * Spark method it mirrors.
 */
class DelaySchedulingMutantsTest {
  private static final TaskLocality PROCESS = TaskLocality.PROCESS_LOCAL;
  private static final TaskLocality NODE = TaskLocality.NODE_LOCAL;
  private static final TaskLocality NO_PREF = TaskLocality.NO_PREF;
  private static final TaskLocality ANY = TaskLocality.ANY;

  /** One launch per partition, as "partition@instant executor locality", in partition order. */
  private static List<String> launches(RecordedRun run, String stage) {
    return run.launches(stage, 0).stream()
        .sorted(java.util.Comparator.comparingInt(TaskLaunched::partition))
        .map(l -> l.partition() + "@" + l.t() + " " + l.executor() + " " + l.locality()).toList();
  }

  private static List<LocalityLevelChanged> changes(RecordedRun run, String stage) {
    return run.all(LocalityLevelChanged.class, c -> c.stage().equals(stage));
  }

  /** The level changes up to {@code until}: later rounds find nothing pending and move on for "noTasks". */
  private static List<LocalityLevelChanged> changes(RecordedRun run, String stage, long until) {
    return run.all(LocalityLevelChanged.class, c -> c.stage().equals(stage) && c.t() <= until);
  }

  /**
   * {@code computeValidLocalityLevels} with {@code pendingTasks.noPrefs} and
   * {@code getAllowedLocalityLevel}'s {@code moreTasksToRunIn}: partition 1 prefers nothing, so the
   * levels are NODE_LOCAL, NO_PREF, ANY and it launches at once on host-1 (reported PROCESS_LOCAL).
   * Partition 2 waits for host-0 until the node wait ends at 3 s; NO_PREF is then passed over
   * because no task is left there ("noTasks"), and it launches ANY on host-2.
   */
  @Test
  void noPrefLevel_noPrefTaskLaunchesAtOnceAndTheEmptyLevelIsSkipped() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(3, 1, 1, null)
        .job("j", inputHosts(stage("s", 3, 10_000), List.of("host-0"), List.of(), List.of("host-0"))).build());
    assertEquals(List.of("0@0 0 " + NODE, "1@0 1 " + PROCESS, "2@3000 2 " + ANY), launches(run, "s"));
    assertEquals(List.of(
        new LocalityLevelChanged(0, "j", "s", 0, null, NODE, "submitted"),
        new LocalityLevelChanged(3000, "j", "s", 0, NODE, NO_PREF, "wait"),
        new LocalityLevelChanged(3000, "j", "s", 0, NO_PREF, ANY, "noTasks")), changes(run, "s"));
  }

  /**
   * {@code getAllowedLocalityLevel} ("noTasks" branch): partition 0 (host-0) runs, partition 1
   * (no preference) waits for a slot. When an executor joins host-1 at 1 s, NODE_LOCAL has no task
   * left, so the set moves on at once (not after the 3 s wait), launches partition 1 there, and
   * the non-legacy reset ({@code resetDelayScheduleTimer} via {@code noRejectsSinceLastReset})
   * brings it back to NODE_LOCAL.
   */
  @Test
  void levelWithoutTasks_isLeftAtOnceWhenAnExecutorJoins() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).addAt(1000, 1, 1)
        .job("j", inputHosts(stage("s", 2, 10_000), List.of("host-0"), List.of())).build());
    assertEquals(List.of("0@0 0 " + NODE, "1@1000 1 " + PROCESS), launches(run, "s"));
    assertEquals(List.of(
        new LocalityLevelChanged(0, "j", "s", 0, null, NODE, "submitted"),
        new LocalityLevelChanged(1000, "j", "s", 0, NODE, NO_PREF, "noTasks"),
        new LocalityLevelChanged(1000, "j", "s", 0, NO_PREF, ANY, "wait"),
        new LocalityLevelChanged(1000, "j", "s", 0, ANY, NODE, "launch")), changes(run, "s", 1000));
  }

  /**
   * {@code resourceOffers}' loop over {@code myLocalityLevels} ({@code allowedLocality} capped at
   * {@code maxLocality}) and the non-legacy reset after a full round ({@code resetDelayScheduleTimer}
   * at the best locality launched): a two-task barrier set preferring host-1 is reverted at 0 s; at
   * 3 s the node wait is over, yet the NODE_LOCAL sweep still gives partition 0 to host-1's executor
   * and only the ANY sweep puts partition 1 on host-0; the timer then restarts at NODE_LOCAL.
   */
  @Test
  void barrierSet_eachSweepIsCappedAtItsLevelAndTheTimerResetsToTheBestLaunched() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).executorsOn(1, 1, 1, null)
        .job("j", inputHosts(barrier("b", 2, 1000), List.of("host-1"))).build());
    assertEquals(List.of("0@3000 1 " + NODE, "1@3000 0 " + ANY), launches(run, "b"));
    assertEquals(List.of(
        new LocalityLevelChanged(0, "j", "b", 0, null, NODE, "submitted"),
        new LocalityLevelChanged(3000, "j", "b", 0, NODE, ANY, "wait"),
        new LocalityLevelChanged(3000, "j", "b", 0, ANY, NODE, "launch")), changes(run, "b"));
  }

  /**
   * {@code spark.locality.wait.legacyResetOnTaskLaunch} ({@code resourceOffer}'s
   * {@code resetDelayScheduleTimer} on every launch): three 2 s tasks prefer host-0; each launch on
   * host-0 restarts the 3 s timer, so all three run there one after another while host-1 idles.
   * Without the legacy rule the third goes ANY to host-1 when the wait ends at 3 s.
   */
  @Test
  void legacyReset_everyLocalLaunchRestartsTheTimer() {
    var b = spec().executorsOn(1, 1, 1, null).executorsOn(1, 1, 1, null)
        .job("j", inputHosts(stage("s", 3, 2000), List.of("host-0")));
    RecordedRun legacy = RecordedRun.of(b.locality(new LocalityConf(3000, 3000, 3000, false, true)).build());
    assertEquals(List.of("0@0 0 " + NODE, "1@2000 0 " + NODE, "2@4000 0 " + NODE), launches(legacy, "s"));
    RecordedRun current = RecordedRun.of(b.locality(LocalityConf.DEFAULTS).build());
    assertEquals(List.of("0@0 0 " + NODE, "1@2000 0 " + NODE, "2@3000 1 " + ANY), launches(current, "s"));
  }

  /**
   * Non-legacy reset outside a full round ({@code TaskSchedulerImpl.resourceOffers} with
   * {@code noRejectsSinceLastReset}): host-1's only executor is busy, so nothing is ever refused;
   * each launch on host-0 from a single-executor round restarts the timer, and the set never
   * leaves NODE_LOCAL.
   */
  @Test
  void noRejectsSinceLastReset_singleExecutorRoundsRestartTheTimer() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).executorsOn(1, 1, 1, null)
        .job("busy", inputHosts(stage("long", 1, 20_000), List.of("host-1")))
        .job("j", inputHosts(stage("s", 3, 2000), List.of("host-0"))).build());
    assertEquals(List.of("0@0 1 " + NODE), launches(run, "long"));
    assertEquals(List.of("0@0 0 " + NODE, "1@2000 0 " + NODE, "2@4000 0 " + NODE), launches(run, "s"));
    assertEquals(List.of(new LocalityLevelChanged(0, "j", "s", 0, null, NODE, "submitted")), changes(run, "s", 4000));
  }

  /**
   * {@code moreTasksToRunIn} cleans stale entries: partition 0 prefers host-0 and host-5 (which has
   * no executor), and once it runs on host-0 its entry left under host-5 no longer counts, so when
   * an executor joins at 1 s NODE_LOCAL is found empty and left at once ("noTasks").
   */
  @Test
  void staleEntryUnderAnotherHost_doesNotKeepTheLevel() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 1, 1, null).addAt(1000, 1, 1)
        .job("j", inputHosts(stage("s", 2, 10_000), List.of("host-0", "host-5"), List.of())).build());
    assertEquals(List.of("0@0 0 " + NODE, "1@1000 1 " + PROCESS), launches(run, "s"));
    assertEquals(List.of(
        new LocalityLevelChanged(0, "j", "s", 0, null, NODE, "submitted"),
        new LocalityLevelChanged(1000, "j", "s", 0, NODE, NO_PREF, "noTasks"),
        new LocalityLevelChanged(1000, "j", "s", 0, NO_PREF, ANY, "wait"),
        new LocalityLevelChanged(1000, "j", "s", 0, ANY, NODE, "launch")), changes(run, "s", 1000));
  }
}
