package dev.barriersim.cli;

import dev.barriersim.report.FakeEngine;
import dev.barriersim.scenario.Problem;
import dev.barriersim.scenario.Scenario;
import dev.barriersim.scenario.ScenarioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stand-in loader reading {@code key: value} lines ({@code name}, {@code seed}, {@code modes},
 * {@code replications}, {@code barrier}); each {@code problem: text} line becomes a Problem.
 */
final class FakeScenarios implements ScenarioSource {
  @Override
  public Scenario load(Path file) throws ScenarioException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "unnamed";
    long seed = 1;
    List<String> modes = List.of("barrier", "non-barrier");
    int replications = 1;
    boolean barrier = true;
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] kv = lines.get(i).split(":", 2);
      if (kv.length < 2) continue;
      String v = kv[1].trim();
      switch (kv[0].trim()) {
        case "name" -> name = v;
        case "seed" -> seed = Long.parseLong(v);
        case "modes" -> modes = Arrays.stream(v.split(",")).map(String::trim).toList();
        case "replications" -> replications = Integer.parseInt(v);
        case "barrier" -> barrier = Boolean.parseBoolean(v);
        case "problem" -> problems.add(new Problem(file.toString(), i + 1, 3, "jobs[0].stages[0]", v, "fix it"));
        default -> { }
      }
    }
    if (!problems.isEmpty()) throw new ScenarioException(problems);
    return new Scenario(file.toString(), null, FakeEngine.spec(name, seed, barrier), modes, replications);
  }
}
