package dev.barriersim.scenario;

import java.util.List;

/** A scenario file that cannot be run: every problem found, in file order. */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  /** Wraps the problems (at least one). */
  public ScenarioException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid scenario" : problems.get(0).toString());
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one per line when printed. */
  public List<Problem> problems() {
    return problems;
  }
}
