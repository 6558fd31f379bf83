package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

/** Helpers shared by the tests: load text, expect problems. */
final class Yaml {
  private Yaml() {}

  /** A valid scenario skeleton; tests append or replace sections. */
  static final String MINIMAL = """
      name: tiny
      cluster:
        executors:
          - cores: 2
      jobs:
        - name: j
          stages:
            - name: s
              tasks: 2
              duration: 1s
      """;

  static Scenario load(String yaml) throws ScenarioException {
    return ScenarioLoader.load("test.yaml", yaml);
  }

  static List<Problem> problems(String yaml) {
    return assertThrows(ScenarioException.class, () -> load(yaml)).problems();
  }

  static List<String> lines(String yaml) {
    return problems(yaml).stream().map(Problem::toString).toList();
  }
}
