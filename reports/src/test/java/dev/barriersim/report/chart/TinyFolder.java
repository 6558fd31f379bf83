package dev.barriersim.report.chart;

import static dev.barriersim.report.data.OutputFixture.job;
import static dev.barriersim.report.data.OutputFixture.run;
import static dev.barriersim.report.data.OutputFixture.stage;

import dev.barriersim.report.data.OutputFixture;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A hand-made output folder small enough to know every number of every chart: two executors of
 * 4 cores and 2 GPUs, spark.task.cpus 2 (two lanes per executor), a job with a map stage and a
 * barrier stage on GPUs (one failed attempt, a killed sibling, a rerun with barrier() waits and an
 * attempt still running at the end), plus a barrier job that fails its slot checks. The barrier
 * mode has today's files; the non-barrier mode has files in the old format (no slot column, no
 * resources on executors).
 */
final class TinyFolder {
  private TinyFolder() {}

  static final String YAML = """
      name: tiny
      seed: 7
      cluster:
        executors:
          - {count: 2, cores: 4, resources: {gpu: 2}}
      spark:
        spark.task.cpus: 2
      jobs:
        - name: train
          stages:
            - {name: prep, tasks: 2, duration: 1s}
            - {name: fit, tasks: 2, barrier: true, parents: [prep], resources: {gpu: 1}, phases: [1s, 1s]}
        - name: gang
          submitAt: 100ms
          stages:
            - {name: all, tasks: 16, barrier: true, duration: 1s}
      """;

  static ScenarioFiles write(Path dir) throws IOException {
    return fixture(dir).yaml(YAML).open();
  }

  /** Everything but the scenario copy. */
  static OutputFixture fixture(Path dir) throws IOException {
    return new OutputFixture(dir).scenario("tiny", 7)
        .run(run("barrier", 0, 6000,
            List.of(job("train", "SUCCEEDED", 0, 5600L), job("gang", "FAILED", 100, 600L)),
            List.of(stage("train", "prep", false, 0), stage("train", "fit", true, 1)), 8, 0))
        .run(run("non-barrier", 0, 4000,
            List.of(job("train", "SUCCEEDED", 0, 4000L), job("gang", "SUCCEEDED", 100, 900L)),
            List.of(stage("train", "prep", false, 0), stage("train", "fit", false, 1)), 8, 0))
        .aggregate("barrier", "makespanMs", 6000, 6000, 6000, 1)
        .aggregate("barrier", "cores.utilization", 0.5, 0.5, 0.5, 1)
        .aggregate("non-barrier", "makespanMs", 4000, 4000, 4000, 1)
        .aggregate("non-barrier", "cores.utilization", 0.6, 0.6, 0.6, 1)
        .aggregate("paired", "makespanMs", 2000, 2000, 2000, 1)
        .aggregate("paired", "cores.utilization", -0.1, -0.1, -0.1, 1)
        .tasks("barrier", OutputFixture.NEW_HEADER,
            "train,prep,0,0,0,0,host-0,0,1000,SUCCESS,,0,0,,",
            "train,prep,0,1,0,1,host-0,0,1500,FAILED,\"lost, really\",1,0,,",
            "train,prep,0,1,1,0,host-0,1500,2000,SUCCESS,,2,0,,",
            "train,fit,0,0,0,0,host-0,2000,3000,KILLED,sibling failed,3,0,gpu:0,2500-3000",
            "train,fit,0,1,0,1,host-0,2000,2600,FAILED,boom,4,0,gpu:1,",
            "train,fit,1,0,0,0,host-0,3200,5200,SUCCESS,,5,0,gpu:0,4000-4400",
            "train,fit,1,1,0,1,host-0,3200,,RUNNING,,6,0,gpu:0,4100-5000")
        .events("barrier",
            "{\"t\":0,\"type\":\"RunStarted\",\"scenario\":\"tiny\",\"seed\":7}",
            "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"0\",\"host\":\"host-0\",\"cores\":4,\"resources\":\"gpu:2\"}",
            "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"1\",\"host\":\"host-0\",\"cores\":4,\"resources\":\"gpu:2\"}",
            "{\"t\":0,\"type\":\"StageSubmitted\",\"job\":\"train\",\"stage\":\"prep\",\"stageId\":0,\"stageAttempt\":0,\"tasks\":2,\"barrier\":false}",
            "{\"t\":100,\"type\":\"SlotCheckFailed\",\"job\":\"gang\",\"stage\":\"all\",\"required\":16,\"available\":4,\"failures\":1,\"willRetry\":true}",
            "{\"t\":600,\"type\":\"SlotCheckFailed\",\"job\":\"gang\",\"stage\":\"all\",\"required\":16,\"available\":4,\"failures\":2,\"willRetry\":false}",
            "{\"t\":600,\"type\":\"JobEnded\",\"job\":\"gang\",\"status\":\"FAILED\",\"reason\":\"[SPARK-24819]\"}",
            "{\"t\":1800,\"type\":\"StageSubmitted\",\"job\":\"train\",\"stage\":\"fit\",\"stageId\":1,\"stageAttempt\":0,\"tasks\":2,\"barrier\":true}",
            "{\"t\":2000,\"type\":\"TaskLaunched\",\"job\":\"train\",\"stage\":\"fit\",\"stageAttempt\":0,\"partition\":0,\"attempt\":0,\"taskId\":3,\"executor\":\"0\",\"host\":\"host-0\"}",
            "{\"t\":2700,\"type\":\"StageSubmitted\",\"job\":\"train\",\"stage\":\"fit\",\"stageId\":1,\"stageAttempt\":1,\"tasks\":2,\"barrier\":true}",
            "{\"t\":3200,\"type\":\"TaskLaunched\",\"job\":\"train\",\"stage\":\"fit\",\"stageAttempt\":1,\"partition\":0,\"attempt\":0,\"taskId\":5,\"executor\":\"0\",\"host\":\"host-0\"}",
            "{\"t\":5500,\"type\":\"ExecutorLost\",\"executor\":\"1\",\"reason\":\"lost\"}",
            "{\"t\":6000,\"type\":\"JobEnded\",\"job\":\"train\",\"status\":\"SUCCEEDED\"}")
        .tasks("non-barrier", OutputFixture.OLD_HEADER,
            "train,prep,0,0,0,0,host-0,0,1000,SUCCESS,,0",
            "train,prep,0,1,0,0,host-0,0,1500,SUCCESS,,1",
            "train,fit,0,0,0,1,host-0,1500,3500,SUCCESS,,2",
            "train,fit,0,1,0,1,host-0,1500,4000,SUCCESS,,3")
        .events("non-barrier",
            "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"0\",\"host\":\"host-0\",\"cores\":4}",
            "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"1\",\"host\":\"host-0\",\"cores\":4}",
            "{\"t\":4000,\"type\":\"JobEnded\",\"job\":\"train\",\"status\":\"SUCCEEDED\"}");
  }
}
