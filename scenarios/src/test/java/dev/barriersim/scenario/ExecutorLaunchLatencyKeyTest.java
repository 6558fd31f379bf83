package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.cluster.ExecutorGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An executor group's {@code launchLatency}: read for groups and the adds of changes, absent means the simulation's. */
class ExecutorLaunchLatencyKeyTest {
  private static final String SCENARIO = """
      name: slow-node
      cluster:
        executors:
          - {count: 2, cores: 2}
          - {count: 1, cores: 2, launchLatency: 250ms}
        changes:
          - {at: 5s, add: {count: 1, cores: 2, launchLatency: 1s}}
      jobs:
        - name: j
          stages:
            - {name: s, tasks: 2, duration: 1s}
      """;

  @Test
  void isReadForGroupsAndAdds() throws ScenarioException {
    Scenario s = Yaml.load(SCENARIO);
    List<ExecutorGroup> groups = s.spec().cluster().executors();
    assertEquals(ExecutorGroup.SIMULATION_LATENCY, groups.get(0).launchLatencyMs());
    assertEquals(250L, groups.get(1).launchLatencyMs());
    assertEquals(1000L, s.spec().cluster().changes().get(0).add().launchLatencyMs());
  }

  @Test
  void negativeLatency_isLocatedAtItsValue() {
    List<String> lines = Yaml.lines(SCENARIO.replace("launchLatency: 250ms", "launchLatency: -5ms"));
    assertEquals(1, lines.size(), lines::toString);
    assertEquals("test.yaml:5:43: cluster.executors[1].launchLatency: '-5ms' is negative; durations are >= 0; "
        + "write e.g. 5ms", lines.get(0));
  }
}
