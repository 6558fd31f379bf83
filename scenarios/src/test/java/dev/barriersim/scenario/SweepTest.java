package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sweep:}: the grid's points, ranges, zips, the size cap and located problems of points. */
class SweepTest {
  private static final String BASE = SetOverridesTest.TWO_JOBS;

  private static Scenario load(String yaml, String... sets) throws ScenarioException {
    return ScenarioLoader.load("test.yaml", yaml, List.of(sets));
  }

  private static List<String> problems(String yaml, String... sets) {
    return assertThrows(ScenarioException.class, () -> load(yaml, sets)).problems().stream().map(Problem::toString).toList();
  }

  private static List<List<String>> points(Sweep s) {
    List<List<String>> out = new ArrayList<>();
    for (long i = 0; i < s.points(); i++) out.add(s.point(i).values());
    return out;
  }

  @Test
  void pointsAreTheProductInFileOrderTheFirstKeySlowest() throws Exception {
    Sweep s = load(BASE + """
        sweep:
          cluster.executors[0].count: [1, 2]
          jobs[fit].stages[train].tasks: [4, 8, 16]
        """).sweep();
    assertEquals(6, s.points());
    assertEquals(List.of(List.of("1", "4"), List.of("1", "8"), List.of("1", "16"), List.of("2", "4"), List.of("2", "8"),
        List.of("2", "16")), points(s));
    assertEquals(List.of("count", "tasks"), s.parameters().stream().map(Sweep.Parameter::label).toList());
    assertEquals("count=2, tasks=8", s.describe(s.point(4)));
    Scenario p = s.scenario(4);
    assertEquals(2, p.spec().cluster().executors().get(0).count());
    assertEquals(8, p.spec().jobs().get(1).stages().get(0).tasks());
    assertNull(p.sweep());
    assertEquals(List.of("cluster.executors[0].count=2", "jobs[fit].stages[train].tasks=8"), p.overrides());
  }

  @Test
  void aPointIsTheFileWithItsValuesSet() throws Exception {
    String yaml = BASE + """
        sweep:
          jobs[fit].stages[train].duration: [2s, 1m]
          zip:
            cluster.executors[0].count: [2, 4]
            cluster.executors[0].resources: [{gpu: 8}, {gpu: 4}]
        """;
    Sweep s = load(yaml).sweep();
    assertEquals(List.of(List.of("2s", "2", "{gpu: 8}"), List.of("2s", "4", "{gpu: 4}"), List.of("1m", "2", "{gpu: 8}"),
        List.of("1m", "4", "{gpu: 4}")), points(s));
    for (long i = 0; i < s.points(); i++) {
      Scenario point = s.scenario(i);
      Scenario alone = load(yaml, s.assignments(s.point(i)).toArray(String[]::new));
      assertNull(alone.sweep(), "a --set of every swept key pins it: nothing is left to sweep");
      assertEquals(alone.spec(), point.spec());
    }
  }

  @Test
  void rangesAreExactAndCountedWithoutExpanding() throws Exception {
    Sweep times = load(BASE + "sweep:\n  jobs[fit].stages[train].tasks: {from: 4, to: 64, times: 2}\n").sweep();
    assertEquals(List.of(List.of("4"), List.of("8"), List.of("16"), List.of("32"), List.of("64")), points(times));
    Sweep step = load(BASE + "sweep:\n  failures.taskFailureProbability: {from: 0, to: 0.05, step: 0.01}\n").sweep();
    assertEquals(List.of("0.0", "0.01", "0.02", "0.03", "0.04", "0.05"), points(step).stream().map(l -> l.get(0)).toList());
    assertEquals(0.03, step.scenario(3).spec().failures().taskFailureProbability());
    assertTrue(step.numeric(step.parameters().get(0)));
  }

  @Test
  void aGridOverTheCapIsRefusedWithItsProductInBoundedTime() {
    String huge = BASE + """
        sweep:
          jobs[etl].stages[load].tasks: {from: 1, to: 1000000000000, step: 1}
          jobs[fit].stages[train].tasks: {from: 1, to: 50, step: 1}
          cluster.executors[0].count: {from: 1, to: 60, step: 1}
        run:
          replications: 10
        """;
    List<String> p = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problems(huge));
    assertEquals(List.of("test.yaml:12:1: sweep: sweep has 1,000,000,000,000 x 50 x 60 = 3,000,000,000,000,000 points x 2 modes"
        + " x 10 replications = 60,000,000,000,000,000 runs, over run.maxRuns 100,000; sweep fewer values, or raise"
        + " run.maxRuns (at most 10,000,000)"), p);
    String small = BASE + "sweep:\n  jobs[fit].stages[train].tasks: [1, 2, 3]\nrun:\n  maxRuns: 5\n";
    assertTrue(problems(small).get(0).contains("sweep has 3 points x 2 modes x 1 replication = 6 runs, over run.maxRuns 5"));
    assertEquals(3, assertDoesNotThrow(small.replace("maxRuns: 5", "maxRuns: 6")).sweep().points());
  }

  private static Scenario assertDoesNotThrow(String yaml) {
    return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> load(yaml));
  }

  @Test
  void sweepKeysAreCheckedWhereTheyAreWritten() {
    List<String> p = problems(BASE + """
        sweep:
          jobs[fitt].stages[train].tasks: [4, 8]
          cluster.executors[0].cont: [1, 2]
          seed: [1, 2]
          jobs[etl].stages[load].tasks: [4, 4]
          zip:
            jobs[etl].submitAt: [1s, 2s]
            jobs[fit].submitAt: [1s]
        """);
    assertEquals(List.of(
        "test.yaml:13:3: sweep.jobs[fitt].stages[train].tasks: jobs[fitt]: no item is named 'fitt'; did you mean 'fit'?",
        "test.yaml:14:3: sweep.cluster.executors[0].cont: cluster.executors[0].cont: unknown key 'cont'; did you mean 'count'?",
        "test.yaml:15:3: sweep.seed: a sweep cannot change 'seed'; every point shares name, seed, run and sweep; sweep other"
            + " keys (replication r uses the same seed at every point)",
        "test.yaml:16:37: sweep.jobs[etl].stages[load].tasks[1]: value 4 is listed twice (first at index 0); list each value once",
        "test.yaml:19:5: sweep.zip.jobs[fit].submitAt: has 1 values but jobs[etl].submitAt has 2; give every key of a zip as"
            + " many values"), p);
  }

  @Test
  void theProblemsOfAPointNameThePointAndTheSweepLine() throws Exception {
    Sweep s = load(BASE + "sweep:\n  jobs[fit].stages[train].tasks: [2, 0, -1]\n  cluster.executors[0].count: [1, 2]\n").sweep();
    List<Problem> problems = s.check();
    assertEquals(2, problems.size(), problems.toString());
    assertEquals("test.yaml:13:38: jobs[1].stages[0].tasks: must be between 1 and 100000000, found 0 (at sweep point"
        + " jobs[fit].stages[train].tasks=0 from line 13, cluster.executors[0].count=1 from line 14, and at 1 more points);"
        + " write a value between 1 and 100000000", problems.get(0).toString());
    ScenarioException e = assertThrows(ScenarioException.class, () -> s.scenario(5));
    assertTrue(e.problems().get(0).toString().startsWith("test.yaml:13:41: jobs[1].stages[0].tasks: must be between 1 and"
        + " 100000000, found -1 (at sweep point jobs[fit].stages[train].tasks=-1 from line 13, cluster.executors[0].count=2"),
        e.problems().get(0).toString());
    assertTrue(load(BASE + "sweep:\n  jobs[fit].stages[train].tasks: [2, 4]\n").sweep().check().isEmpty());
  }

  @Test
  void aSetOfASweptKeyPinsIt() throws Exception {
    String yaml = BASE + "sweep:\n  jobs[fit].stages[train].tasks: [2, 4]\n  cluster.executors[0].count: [1, 2, 3]\n";
    Sweep s = load(yaml, "jobs[fit].stages[train].tasks=6").sweep();
    assertEquals(3, s.points());
    assertEquals(6, s.scenario(0).spec().jobs().get(1).stages().get(0).tasks());
    assertFalse(load(yaml, "jobs[1].stages[0].tasks=6", "cluster.executors[0].count=1").hasSweep());
  }
}
