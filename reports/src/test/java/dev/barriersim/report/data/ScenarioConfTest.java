package dev.barriersim.report.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioConfTest {
  @TempDir Path tmp;

  static final String YAML = """
      name: conf
      cluster:
        executors:
          - {count: 1, cores: 8}
      spark:
        spark.task.cpus: 2
      jobs:
        - name: etl
          repeat: {count: 3, every: 10s}
          stages:
            - {name: scan, tasks: 4, duration: 1s}
        - name: train
          stages:
            - {name: prep, tasks: 2, duration: 1s}
            - {name: fit, tasks: 2, duration: 1s, barrier: true, parents: [prep]}
      """;

  @Test
  void readsTaskCpusAndTheDeclaredStageOrderFromTheScenarioCopy() throws IOException {
    ScenarioFiles in = new OutputFixture(tmp).yaml(YAML).open();
    ScenarioConf c = ScenarioConf.of(in);
    assertEquals(2, c.taskCpus());
    assertFalse(c.taskCpusInferred());
    assertEquals(List.of("etl/scan", "train/prep", "train/fit"), c.declaredStages());
  }

  @Test
  void withoutTheCopyTaskCpusIsInferredFromBusyCoreTime() throws IOException {
    // Two attempts of 1000 ms and 500 ms, one still running at the makespan of 2000 ms (1500 ms):
    // 3000 task-ms; busyCoreMs 9000 means 3 cores per task.
    OutputFixture f = new OutputFixture(tmp)
        .run(OutputFixture.run("barrier", 0, 2000, List.of(), List.of(), 12, 9000))
        .tasks("barrier", OutputFixture.OLD_HEADER,
            "j,s,0,0,0,0,h,0,1000,SUCCESS,,0",
            "j,s,0,1,0,0,h,0,500,SUCCESS,,1",
            "j,s,0,2,0,0,h,500,,RUNNING,,2");
    ScenarioConf c = ScenarioConf.of(f.open());
    assertEquals(3, c.taskCpus());
    assertTrue(c.taskCpusInferred());
    assertEquals(List.of(), c.declaredStages());
  }

  @Test
  void anUnloadableCopyFallsBackToInference() throws IOException {
    ScenarioFiles in = new OutputFixture(tmp).yaml("name: [broken").open();
    ScenarioConf c = ScenarioConf.of(in);
    assertTrue(c.taskCpusInferred());
    assertEquals(1, c.taskCpus(), "nothing to infer from: 1");
  }

  @Test
  void stageKeysDropTheInstanceNumber() {
    assertEquals("etl/scan", ScenarioConf.stageKey("etl#12", "scan"));
    assertEquals("train/fit", ScenarioConf.stageKey("train", "fit"));
    assertEquals("etl", ScenarioConf.jobTemplate("etl#3"));
  }
}
