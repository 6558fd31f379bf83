package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.barriersim.core.spark.LocalityConf;
import dev.barriersim.core.workload.StageLocality;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The locality keys of scenario-format.md section 6: read, defaulted as Spark does, and checked with located problems. */
class LocalityKeysTest {
  private static final String TWO_JOBS = """
      name: loc
      cluster:
        executors:
          - {count: 2, cores: 2, rack: r1}
      spark:
        spark.locality.wait: 2s
        spark.locality.wait.node: 5s
        spark.shuffle.reduceLocality.enabled: true
      jobs:
        - name: prep
          stages:
            - {name: load, tasks: 2, duration: 1s, inputHosts: [[host-0], [host-1]]}
            - {name: cache, tasks: 2, duration: 1s, parents: [load], cachedFrom: load}
        - name: train
          stages:
            - {name: fit, tasks: 2, duration: 1s, barrier: true, cachedFrom: prep.cache}
      """;

  @Test
  void keysAreRead_waitsFallBackToSparkLocalityWait() throws ScenarioException {
    Scenario s = Yaml.load(TWO_JOBS);
    assertEquals("r1", s.spec().cluster().executors().get(0).rack());
    assertEquals(new LocalityConf(2000, 5000, 2000, true, false), s.spec().conf().locality());
    StageLocality load = s.spec().jobs().get(0).stages().get(0).locality();
    assertEquals(List.of("host-1"), load.inputHostsOf(1));
    assertEquals(new StageLocality("prep", "load", List.of()), s.spec().jobs().get(0).stages().get(1).locality());
    assertEquals(new StageLocality("prep", "cache", List.of()), s.spec().jobs().get(1).stages().get(0).locality());
  }

  @Test
  void withoutKeys_sparkDefaultsAndNoLocality() throws ScenarioException {
    Scenario s = Yaml.load(Yaml.MINIMAL);
    assertEquals(LocalityConf.DEFAULTS, s.spec().conf().locality());
    assertNull(s.spec().jobs().get(0).stages().get(0).locality());
    assertNull(s.spec().cluster().executors().get(0).rack());
  }

  @Test
  void unknownCachedStage_isLocatedAtItsValue() {
    assertEquals(List.of("test.yaml:16:72: jobs[1].stages[0].cachedFrom: cachedFrom 'prep.nothere' names no other stage "
        + "of job train and no job.stage; name a stage of this job (e.g. prep) or of another job (e.g. etl.load)"),
        Yaml.lines(TWO_JOBS.replace("cachedFrom: prep.cache", "cachedFrom: prep.nothere")));
  }

  @Test
  void inputHostsOfTheWrongLength_isLocated() {
    List<String> lines = Yaml.lines(TWO_JOBS.replace("inputHosts: [[host-0], [host-1]]",
        "inputHosts: [[host-0], [host-1], [host-2]]"));
    assertEquals(1, lines.size());
    assertEquals("test.yaml:12:58: jobs[0].stages[0].inputHosts: 3 lists for 2 partitions; give one list for every "
        + "partition, or one list per partition (2)", lines.get(0));
  }

  @Test
  void negativeWait_isRefused() {
    List<String> lines = Yaml.lines(TWO_JOBS.replace("spark.locality.wait: 2s", "spark.locality.wait: -1s"));
    assertEquals(1, lines.size());
    assertEquals(true, lines.get(0).contains("spark.spark.locality.wait"), lines.get(0));
  }
}
