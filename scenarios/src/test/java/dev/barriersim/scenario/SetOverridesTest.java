package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --set PATH=VALUE}: a value parsed and validated exactly as if it stood in the file. */
class SetOverridesTest {
  static final String TWO_JOBS = """
      name: twojobs
      cluster:
        executors:
          - {count: 2, cores: 4}
      jobs:
        - name: etl
          stages:
            - {name: load, tasks: 4, duration: 1s}
        - name: fit
          stages:
            - {name: train, tasks: 2, duration: 5s, barrier: true}
      """;

  private static Scenario load(String yaml, String... sets) throws ScenarioException {
    return ScenarioLoader.load("test.yaml", yaml, List.of(sets));
  }

  private static List<String> problems(String yaml, String... sets) {
    return assertThrows(ScenarioException.class, () -> load(yaml, sets)).problems().stream().map(Problem::toString).toList();
  }

  @Test
  void aSetEqualsTheSameEditOfTheFile() throws Exception {
    Scenario set = load(TWO_JOBS, "cluster.executors[0].count=8", "jobs[fit].stages[train].tasks=32");
    Scenario edited = load(TWO_JOBS.replace("count: 2", "count: 8").replace("tasks: 2,", "tasks: 32,"));
    assertEquals(edited.spec(), set.spec());
    assertEquals(List.of("cluster.executors[0].count=8", "jobs[fit].stages[train].tasks=32"), set.overrides());
  }

  @Test
  void jobsAndStagesByIndexOrName() throws Exception {
    assertEquals(load(TWO_JOBS, "jobs[1].stages[0].tasks=6").spec(), load(TWO_JOBS, "jobs[fit].stages[train].tasks=6").spec());
  }

  @Test
  void sparkKeysWithOrWithoutTheirOwnPrefixAndAbsentSectionsAreAdded() throws Exception {
    Scenario a = load(TWO_JOBS, "spark.task.cpus=2");
    Scenario b = load(TWO_JOBS, "spark.spark.task.cpus=2");
    assertEquals(2, a.spec().conf().taskCpus());
    assertEquals(a.spec(), b.spec());
    assertEquals(0.25, load(TWO_JOBS, "failures.taskFailureProbability=0.25").spec().failures().taskFailureProbability());
  }

  @Test
  void theValueIsYaml() throws Exception {
    Scenario s = load(TWO_JOBS, "cluster.executors[0].resources={gpu: 2}", "jobs[fit].stages[train].resources={gpu: 1}");
    assertEquals(2, s.spec().cluster().executors().get(0).resources().get("gpu"));
    assertEquals(List.of("barrier"), load(TWO_JOBS, "run.modes=[barrier]").modes());
    assertEquals(7_000, load(TWO_JOBS, "jobs[etl].stages[load].duration=7s").spec().jobs().get(0).stages().get(0)
        .phases().get(0).dist().mean(), 1e-9);
  }

  @Test
  void problemsAreLocatedAtTheOption() {
    assertEquals(List.of("--set cluster.executors[0].cont=8: cluster.executors[0].cont: unknown key 'cont'; did you mean 'count'?"),
        problems(TWO_JOBS, "cluster.executors[0].cont=8"));
    assertEquals(List.of("--set cluster.executors[0].count=0: cluster.executors[0].count: must be between 1 and 1000000, "
        + "found 0; write a value between 1 and 1000000"), problems(TWO_JOBS, "cluster.executors[0].count=0"));
    assertEquals(List.of("--set jobs[fitt].tasks=3: jobs[fitt]: no item is named 'fitt'; did you mean 'fit'?"),
        problems(TWO_JOBS, "jobs[fitt].tasks=3"));
    assertEquals(List.of("--set spark.task.cpu=2: spark.spark.task.cpu: 'spark.task.cpu' is not modelled by barriersim; "
        + "did you mean 'spark.task.cpus'?"), problems(TWO_JOBS, "spark.task.cpu=2"));
    assertEquals(List.of("--set cluster.executors[3].count=2: cluster.executors[3]: the list has 1 item; use index 0"),
        problems(TWO_JOBS, "cluster.executors[3].count=2"));
    assertEquals(List.of("--set clustr.executors[0].count=2: clustr: unknown key 'clustr'; did you mean 'cluster'?"),
        problems(TWO_JOBS, "clustr.executors[0].count=2"));
    assertEquals(List.of("--set seed: (document): expected PATH=VALUE; write e.g. --set cluster.executors[0].count=8"),
        problems(TWO_JOBS, "seed"));
    List<String> bare = problems(TWO_JOBS, "jobs[fit].stages[train].duration=5");
    assertEquals(1, bare.size(), bare.toString());
    assertEquals(true, bare.get(0).startsWith("--set jobs[fit].stages[train].duration=5: jobs[1].stages[0].duration: "), bare.get(0));
  }

  @Test
  void aProblemOfTheFileStaysAtItsLine() {
    List<String> p = problems(TWO_JOBS.replace("cores: 4", "cores: 0"), "cluster.executors[0].count=3");
    assertEquals(1, p.size(), p.toString());
    assertEquals("test.yaml:4:25", p.get(0).substring(0, p.get(0).indexOf(": ")));
  }
}
