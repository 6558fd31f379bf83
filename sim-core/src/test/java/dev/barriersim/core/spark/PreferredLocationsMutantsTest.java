package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.cachedFrom;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static dev.barriersim.core.testing.SpecBuilder.stagePerPartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.LocalityLevelChanged;
import dev.barriersim.core.event.SimEvent.TaskLaunched;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where tasks prefer to run, as Spark's {@code DAGScheduler.getPreferredLocs},
 * {@code MapOutputTrackerMaster.getPreferredLocationsForShuffle} and {@code isExecutorAlive}
 * decide it, in the cases the other locality tests leave open; each test names the Spark method.
 */
class PreferredLocationsMutantsTest {
  private static final TaskLocality PROCESS = TaskLocality.PROCESS_LOCAL;
  private static final TaskLocality NODE = TaskLocality.NODE_LOCAL;
  private static final TaskLocality ANY = TaskLocality.ANY;
  private static final LocalityConf REDUCE_LOCALITY = new LocalityConf(3000, 3000, 3000, true, false);

  /** One launch per partition, as "partition@instant executor locality", in partition order. */
  private static List<String> launches(RecordedRun run, String stage) {
    return run.launches(stage, 0).stream()
        .sorted(java.util.Comparator.comparingInt(TaskLaunched::partition))
        .map(l -> l.partition() + "@" + l.t() + " " + l.executor() + " " + l.locality()).toList();
  }

  /** The first level a stage's set was given, or null when it has no preferences (no delay scheduling). */
  private static TaskLocality firstLevel(RecordedRun run, String stage) {
    List<LocalityLevelChanged> c = run.all(LocalityLevelChanged.class, e -> e.stage().equals(stage));
    return c.isEmpty() ? null : c.get(0).to();
  }

  private static RecordedRun shuffle(int maps, int reduces) {
    return RecordedRun.of(spec().executorsOn(2, 1, 1, null).locality(REDUCE_LOCALITY)
        .job("j", stage("map", maps, 10), stage("reduce", reduces, 10, "map")).build());
  }

  /**
   * {@code getPreferredLocationsForShuffle}'s {@code SHUFFLE_PREF_MAP_THRESHOLD}: a shuffle of 1000
   * map outputs gives its reducers no preference; one of 999 does (both executors hold half).
   */
  @Test
  void shufflePreference_thousandMapOutputsGiveNone() {
    assertEquals(null, firstLevel(shuffle(1000, 2), "reduce"));
    assertEquals(NODE, firstLevel(shuffle(999, 2), "reduce"));
  }

  /** {@code getPreferredLocationsForShuffle}'s {@code SHUFFLE_PREF_REDUCE_THRESHOLD}: 1000 reducers prefer nothing; 999 do. */
  @Test
  void shufflePreference_thousandReducersGiveNone() {
    assertEquals(null, firstLevel(shuffle(2, 1000), "reduce"));
    assertEquals(NODE, firstLevel(shuffle(2, 999), "reduce"));
  }

  /**
   * {@code getLocationsWithLargestOutputs} with {@code REDUCER_PREF_LOCS_FRACTION} (at least 20 %):
   * 5 map outputs on 5 hosts, a fifth each, so every host is preferred and each reducer runs
   * NODE_LOCAL.
   */
  @Test
  void shufflePreference_exactlyAFifthOfTheOutputsIsEnough() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(5, 1, 1, null).locality(REDUCE_LOCALITY)
        .job("j", stage("map", 5, 1000), stage("reduce", 5, 1000, "map")).build());
    assertEquals(NODE, firstLevel(run, "reduce"));
    assertEquals(List.of(NODE, NODE, NODE, NODE, NODE),
        run.launches("reduce", 0).stream().map(TaskLaunched::locality).toList());
  }

  /**
   * {@code getCacheLocs}: a partition not computed yet has no cached block. Partition 0 of "prep"
   * is cached on executor 0 when "train" is submitted at 2 s; partition 1 still runs on executor
   * 1, so train's partition 1 prefers nothing and launches at once on executor 2 (NO_PREF sweep).
   */
  @Test
  void cacheLocs_partitionNotComputedYetPrefersNothing() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(3, 1, 1, null)
        .job("prep", stagePerPartition("p", new long[] {1000, 10_000}))
        .job("train", 2000, "default", cachedFrom(stage("t", 2, 5000), "prep", "p")).build());
    assertEquals(List.of("0@0 0 " + PROCESS, "1@0 1 " + PROCESS), launches(run, "p"));
    assertEquals(List.of("0@2000 0 " + PROCESS, "1@2000 2 " + PROCESS), launches(run, "t"));
    assertEquals(PROCESS, firstLevel(run, "t"));
  }

  /**
   * {@code getCacheLocs} after {@code removeExecutor}: the block cached on a lost executor is gone,
   * so the reading stage has no preference at all.
   */
  @Test
  void cacheLocs_blockOnALostExecutorIsGone() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 1, 1, null).loseExecutor("0", 1500)
        .job("prep", stage("p", 1, 1000))
        .job("train", 2000, "default", cachedFrom(stage("t", 1, 1000), "prep", "p")).build());
    assertEquals("0", run.launches("p", 0).get(0).executor());
    assertEquals(null, firstLevel(run, "t"));
    assertEquals(List.of("0@2000 1 " + PROCESS), launches(run, "t"));
  }

  /**
   * {@code computeValidLocalityLevels} with {@code isExecutorAlive}: the partition is cached on
   * executor 0, which is decommissioning (a 20 s task of another job still runs there) when the
   * reader is submitted; neither it nor its host counts, so the only level is ANY and the task
   * launches at once on executor 1 instead of waiting.
   */
  @Test
  void validLevels_decommissioningExecutorIsNotAlive() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(1, 2, 1, null).executorsOn(1, 1, 1, null)
        .decommissionAt(1500, "0")
        .job("prep", stage("p", 1, 1000))
        .job("busy", dev.barriersim.core.testing.SpecBuilder.inputHosts(stage("b", 1, 20_000), List.of("host-0")))
        .job("train", 2000, "default", cachedFrom(stage("t", 1, 1000), "prep", "p")).build());
    assertEquals("0", run.launches("p", 0).get(0).executor());
    assertEquals("0", run.launches("b", 0).get(0).executor());
    assertEquals(ANY, firstLevel(run, "t"));
    assertEquals(List.of("0@2000 1 " + ANY), launches(run, "t"));
  }

  /**
   * {@code getCacheLocs} in a repeated job: the train stage reads the partitions its own instance
   * ({@code r#1}) cached, so it prefers their executors and runs PROCESS_LOCAL.
   */
  @Test
  void cacheLocs_repeatedJobReadsItsOwnInstancesBlocks() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 1, 1, null)
        .repeatedJob("r", 1, 10_000, stage("prep", 2, 1000), cachedFrom(stage("train", 2, 1000, "prep"), null, "prep"))
        .build());
    assertEquals(PROCESS, firstLevel(run, "train"));
    assertEquals(List.of("0@1000 0 " + PROCESS, "1@1000 1 " + PROCESS), launches(run, "train"));
  }
}
