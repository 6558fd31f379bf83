package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  @Test
  void misspelledKeyIsLocatedExactlyWithASuggestion() {
    List<Problem> ps = Yaml.problems(Yaml.MINIMAL.replace("tasks: 2", "taks: 2"));
    assertEquals(2, ps.size());
    assertEquals("test.yaml:8:9: jobs[0].stages[0]: missing required key 'tasks'; add tasks: 8", ps.get(0).toString());
    Problem p = ps.get(1);
    assertEquals(9, p.line());
    assertEquals(9, p.column());
    assertEquals("jobs[0].stages[0].taks", p.path());
    assertEquals("test.yaml:9:9: jobs[0].stages[0].taks: unknown key 'taks'; did you mean 'tasks'?", p.toString());
  }

  @Test
  void unknownKeyFarFromAnyListsTheAllowedKeys() {
    assertEquals(List.of("test.yaml:7:5: jobs[0].colour: unknown key 'colour'; allowed keys here: name, submitAt, pool, repeat, stages"),
        Yaml.lines(Yaml.MINIMAL.replace("    stages:", "    colour: red\n    stages:")));
  }

  @Test
  void everyProblemAtOnceInFileOrder() {
    List<String> lines = Yaml.lines("""
        name: bad name
        seed: x
        cluster:
          executors:
            - cores: 0
              count: -1
        jobs:
          - name: j
            submitAt: 20
            stages:
              - name: s
                tasks: 2
                duration: 1s
                barrier: yes
        run: {modes: [barrier, nonbarrier], replications: 0}
        """);
    assertEquals(List.of(
        "test.yaml:1:7: name: 'bad name' is not a valid name; use letters, digits, '.', '_' and '-', starting with a letter or digit",
        "test.yaml:2:7: seed: expected a whole number, found the text 'x'; write a whole number",
        "test.yaml:5:14: cluster.executors[0].cores: must be between 1 and 1000000, found 0; write a value between 1 and 1000000",
        "test.yaml:6:14: cluster.executors[0].count: must be between 1 and 1000000, found -1; write a value between 1 and 1000000",
        "test.yaml:9:15: jobs[0].submitAt: '20' has no unit; write 20s (or ms, m, min, h, d)",
        "test.yaml:14:18: jobs[0].stages[0].barrier: expected true or false, found the boolean yes; write true or false",
        "test.yaml:15:24: run.modes[1]: unknown mode 'nonbarrier'; did you mean 'non-barrier'?",
        "test.yaml:15:51: run.replications: must be between 1 and 100000, found 0; write a value between 1 and 100000"), lines);
  }

  @Test
  void missingSectionsAreReportedAtTheParentMapping() {
    assertEquals(List.of("test.yaml:1:1: (document): missing required key 'cluster'; add cluster: {executors: [{count: 2, cores: 4}]}",
        "test.yaml:1:1: (document): missing required key 'jobs'; add jobs: [{name: etl, stages: [{name: map, tasks: 8, duration: 10s}]}]"),
        Yaml.lines("name: x\n"));
  }

  private static String stages(String body) {
    return "name: g\ncluster: {executors: [{cores: 4}]}\njobs:\n  - name: j\n    stages:\n" + body.stripIndent().indent(6);
  }

  @Test
  void cycle() {
    assertEquals(List.of("test.yaml:6:11: jobs[0].stages[0]: the stages form a cycle: a -> b -> a (each names the next as a parent); "
        + "remove one of these parent links; a job's stages must form a DAG"),
        Yaml.lines(stages("""
              - {name: a, tasks: 1, duration: 1s, parents: [b]}
              - {name: b, tasks: 1, duration: 1s, parents: [a]}
              - {name: c, tasks: 1, duration: 1s, parents: [a]}
            """)));
  }

  @Test
  void twoResultStages() {
    assertEquals(List.of("test.yaml:8:11: jobs[0].stages[2]: the job has 2 result stages (stages no other stage names as a parent): "
        + "'b', 'c'; Spark jobs have exactly one; make 'c' a parent of a later stage, or move it to its own job"),
        Yaml.lines(stages("""
              - {name: a, tasks: 1, duration: 1s}
              - {name: b, tasks: 1, duration: 1s, parents: [a]}
              - {name: c, tasks: 1, duration: 1s, parents: [a]}
            """)));
  }

  @Test
  void unknownParentAndDuplicateStage() {
    assertEquals(List.of(
        "test.yaml:7:18: jobs[0].stages[1].name: duplicate stage name 'a' in this job; give each stage of a job its own name",
        "test.yaml:8:55: jobs[0].stages[2].parents[0]: unknown parent 'load': no stage of this job has that name; stages of this job: a, c"),
        Yaml.lines(stages("""
              - {name: a, tasks: 1, duration: 1s}
              - {name: a, tasks: 1, duration: 1s}
              - {name: c, tasks: 1, duration: 1s, parents: [load]}
            """)));
    assertEquals(List.of("test.yaml:7:55: jobs[0].stages[1].parents[0]: unknown parent 'lod': no stage of this job has that name; "
        + "did you mean 'load'?"),
        Yaml.lines(stages("""
              - {name: load, tasks: 1, duration: 1s}
              - {name: c, tasks: 1, duration: 1s, parents: [lod]}
            """)));
  }

  @Test
  void stageNeedsExactlyOneOfDurationAndPhases() {
    assertEquals(List.of("test.yaml:6:9: jobs[0].stages[0]: missing 'duration' or 'phases'; add one of them: duration: 20s for one phase, "
        + "or phases: [...] for several"), Yaml.lines(stages("- {name: a, tasks: 1}\n")));
    assertEquals(List.of("test.yaml:6:43: jobs[0].stages[0].phases: both 'duration' and 'phases' are given; keep only one: duration: 20s "
        + "for one phase, or phases: [...] for several"), Yaml.lines(stages("- {name: a, tasks: 1, duration: 1s, phases: [1s]}\n")));
  }

  @Test
  void duplicateKeysAndDuplicateNames() {
    assertEquals(List.of("test.yaml:2:1: name: duplicate key 'name' (first at line 1); keep only one 'name' in this mapping"),
        Yaml.lines("name: a\nname: b\n" + Yaml.MINIMAL.substring(Yaml.MINIMAL.indexOf("cluster"))));
    assertEquals(List.of("test.yaml:11:9: jobs[0].stages[0].tasks: duplicate key 'tasks' (first at line 9); keep only one 'tasks' in this mapping"),
        Yaml.lines(Yaml.MINIMAL.replace("duration: 1s", "duration: 1s\n        tasks: 3")));
    String twoJobs = Yaml.MINIMAL + "  - name: j\n    stages: [{name: s, tasks: 1, duration: 1s}]\n";
    assertEquals(List.of("test.yaml:11:11: jobs[1].name: duplicate job name 'j'; give each job its own name"), Yaml.lines(twoJobs));
  }

  @Test
  void syntaxErrorIsOneProblemWithTheParserPosition() {
    List<Problem> ps = Yaml.problems("name: x\njobs: [a, b\ncluster: 1\n");
    assertEquals(1, ps.size());
    assertEquals(3, ps.get(0).line());
    assertTrue(ps.get(0).message().startsWith("YAML syntax error: while parsing a flow sequence"), ps.get(0).message());
  }

  @Test
  void sparkKeysSuggestAndCheckRanges() {
    List<String> lines = Yaml.lines(Yaml.MINIMAL + """
        spark:
          spark.task.cpu: 2
          spark.shuffle.compress: true
          spark.task.resource.gpu.amont: 1
          spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures: 0
          spark.barrier.sync.timeout: 500ms
          spark.scheduler.mode: LIFO
          spark.task.maxFailures: "four"
          spark.scheduler.revive.interval: 1
        """);
    assertEquals(List.of(
        "test.yaml:12:3: spark.spark.task.cpu: 'spark.task.cpu' is not modelled by barriersim; did you mean 'spark.task.cpus'?",
        "test.yaml:13:3: spark.spark.shuffle.compress: 'spark.shuffle.compress' is not modelled by barriersim; remove it; barriersim reads only "
            + String.join(", ", SparkConfReader.KEYS),
        "test.yaml:14:3: spark.spark.task.resource.gpu.amont: 'spark.task.resource.gpu.amont' is not modelled by barriersim; "
            + "did you mean 'spark.task.resource.gpu.amount'?",
        "test.yaml:15:64: spark.spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures: must be >= 1, found 0; write a value >= 1",
        "test.yaml:16:31: spark.spark.barrier.sync.timeout: Spark reads this in whole seconds and requires it > 0, and 500ms is 0 seconds; "
            + "write 1s or more",
        "test.yaml:17:25: spark.spark.scheduler.mode: 'LIFO' is not a scheduling mode; write FIFO or FAIR",
        "test.yaml:18:27: spark.spark.task.maxFailures: expected a whole number, found the text 'four'; write a whole number",
        "test.yaml:19:36: spark.spark.scheduler.revive.interval: '1' has no unit; write 1s (or ms, m, min, h, d)"), lines);
  }

  @Test
  void repeatedJobInstancesInFailures() throws Exception {
    String base = Yaml.MINIMAL.replace("  - name: j\n", "  - name: j\n    repeat: {count: 3, every: 10s}\n");
    ScenarioLoader.load("t", base + "failures: {tasks: [{job: 'j#3', stage: s, partition: 1}]}\n");
    assertEquals(List.of(
        "test.yaml:14:13: failures.tasks[0].job: job 'j' has no instance 'j#4' (repeat.count is 3); name an instance from j#1 to j#3",
        "test.yaml:15:13: failures.tasks[1].job: job 'j' is repeated, so name one instance; write e.g. job: j#1 (instances j#1 to j#3)",
        "test.yaml:16:13: failures.tasks[2].job: unknown job 'k#1'; did you mean 'j'?",
        "test.yaml:17:27: failures.tasks[3].stage: job 'j' has no stage 'x'; did you mean 's'?",
        "test.yaml:18:41: failures.tasks[4].partition: stage 's' has 2 tasks, so no partition 2; name a partition from 0 to 1"),
        Yaml.lines(base + """
            failures:
              tasks:
                - {job: 'j#4', stage: s, partition: 0}
                - {job: j, stage: s, partition: 0}
                - {job: 'k#1', stage: s, partition: 0}
                - {job: 'j#1', stage: x, partition: 0}
                - {job: 'j#2', stage: s, partition: 2}
            """));
    assertEquals(List.of("test.yaml:11:26: failures.tasks[0].job: job 'j' is not repeated, so it has no instance 'j#1'; write job: j"),
        Yaml.lines(Yaml.MINIMAL + "failures: {tasks: [{job: 'j#1', stage: s, partition: 0}]}\n"));
  }

  @Test
  void executorIdsMustExistByThen() {
    String yaml = """
        name: e
        cluster:
          executors: [{count: 2, cores: 2}]
          changes:
            - {at: 1m, decommission: ["2"]}
            - {at: 2m, add: {count: 1, cores: 2}}
            - {at: 3m, decommission: ["2", "01"]}
        jobs: [{name: j, stages: [{name: s, tasks: 1, duration: 1s}]}]
        """;
    assertEquals(List.of(
        "test.yaml:5:31: cluster.changes[0].decommission[0]: executor '2' cannot exist at 1m: only 2 executors (ids 0..1) have joined by then; "
            + "name an executor from 0 to 1, or add executors earlier in cluster.changes",
        "test.yaml:7:36: cluster.changes[2].decommission[1]: '01' is not an executor id; executor ids are \"0\", \"1\", ... in the order executors join"),
        Yaml.lines(yaml).subList(0, 2));
    String losses = """
        name: e
        cluster:
          executors: [{count: 2, cores: 2}]
          changes: [{at: 2m, add: {count: 1, cores: 2}}]
        jobs: [{name: j, stages: [{name: s, tasks: 1, duration: 1s}]}]
        failures:
          executors:
            - {lose: "2", at: 30s}
            - {lose: "2", at: 2m}
            - {lose: 1, at: 1m, replaceAfter: 1s, cause: ap}
          tasks:
            - {job: j, stage: s, partition: 0, kind: fail, replaceAfter: 1s}
            - {job: j, stage: s, partition: 0, kind: exti}
        """;
    assertEquals(List.of(
        "test.yaml:8:14: failures.executors[0].lose: executor '2' cannot exist at 30s: only 2 executors (ids 0..1) have joined by then; "
            + "name an executor from 0 to 1, or add executors earlier in cluster.changes",
        "test.yaml:10:50: failures.executors[2].cause: unknown cause 'ap'; did you mean 'app'? (external: not the "
            + "application's fault; app: counts towards spark.task.maxFailures)",
        "test.yaml:12:52: failures.tasks[0].replaceAfter: 'replaceAfter' does not apply here; replaceAfter goes with "
            + "kind: exit, whose executor is lost; remove it or move it",
        "test.yaml:13:46: failures.tasks[1].kind: unknown failure kind 'exti'; did you mean 'exit'? write fail (the task "
            + "throws), hang (it never finishes) or exit (it exits its executor's JVM)"),
        Yaml.lines(losses));
  }

  @Test
  void changesMustBeInTimeOrder() {
    assertEquals(List.of("test.yaml:5:18: cluster.changes[1].at: changes are not in time order: 1m comes after 2m; "
        + "list the changes by increasing 'at' (executor ids follow this order)"), Yaml.lines("""
        name: e
        cluster:
          executors: [{cores: 2}]
          changes: [{at: 2m, add: {cores: 1}},
                    {at: 1m, add: {cores: 1}}]
        jobs: [{name: j, stages: [{name: s, tasks: 1, duration: 1s}]}]
        """));
  }

  @Test
  void poolsMustBeDeclared() throws Exception {
    assertEquals(List.of("test.yaml:8:11: jobs[0].pool: pool 'mll' is not declared in pools; did you mean 'ml'?"),
        Yaml.lines("pools: [{name: ml}]\n" + Yaml.MINIMAL.replace("  - name: j\n", "  - name: j\n    pool: mll\n")));
    Yaml.load(Yaml.MINIMAL.replace("  - name: j\n", "  - name: j\n    pool: default\n"));
  }

  @Test
  void localBackendIsOneExecutor() {
    assertEquals(List.of("test.yaml:11:23: simulation.backend: backend local models Spark's local[N], which is one executor, "
        + "but the cluster has 3 executors in all; use one executor group with count: 1 (e.g. cores: 2) and no cluster.changes adds, "
        + "or use backend: coarse-grained"),
        Yaml.lines(Yaml.MINIMAL.replace("- cores: 2", "- {cores: 2, count: 3}") + "simulation: {backend: local}\n"));
  }

  @Test
  void limitsOnSizes() {
    assertEquals(List.of("test.yaml:9:16: jobs[0].stages[0].tasks: must be between 1 and 100000000, found 100000001; "
        + "write a value between 1 and 100000000"), Yaml.lines(Yaml.MINIMAL.replace("tasks: 2", "tasks: 100000001")));
    assertEquals(List.of("test.yaml:7:21: jobs[0].repeat.count: must be between 1 and 10000000, found 99999999999999999999999; "
        + "write a value between 1 and 10000000"),
        Yaml.lines(Yaml.MINIMAL.replace("  - name: j\n", "  - name: j\n    repeat: {count: 99999999999999999999999, every: 1s}\n")));
  }

  @Test
  void notYetSupportedKeysAreReportedNeverIgnored() throws Exception {
    assertTrue(ScenarioLoader.NOT_YET_SUPPORTED.isEmpty());
    String yaml = Yaml.MINIMAL.replace("tasks: 2", "tasks: 2\n        barrier: false");
    ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
        () -> ScenarioLoader.load("t.yaml", yaml, Set.of("jobs[*].stages[*].barrier")));
    assertEquals(List.of("t.yaml:10:9: jobs[0].stages[0].barrier: 'barrier' is not supported yet by this version; remove it"),
        e.problems().stream().map(Problem::toString).toList());
    ScenarioLoader.load("t.yaml", yaml);
  }
}
